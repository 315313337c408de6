package dev.weft.compiler.cli;

import dev.weft.compiler.cli.RunRecorder.Attempt;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a run report as JUnit XML, the form CI systems read ({@code weft run --report junit}): the run is a
 * test suite, each step a test case (failed when the workflow failed in it), its attempts in its output.
 */
final class JunitReport {
    private JunitReport() {}

    static void write(RunReport report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            new Writer(report, xml).document();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write XML: " + e.getMessage(), e);
        }
    }

    /** Writes one report, indenting elements as people read XML. */
    private static final class Writer {
        private final RunReport report;
        private final XMLStreamWriter xml;
        private int depth;
        private boolean nested;

        Writer(RunReport report, XMLStreamWriter xml) {
            this.report = report;
            this.xml = xml;
        }

        void document() throws XMLStreamException {
            Map<String, List<Attempt>> steps = report.steps();
            int cases = steps.size() + (report.failedOutsideSteps() ? 1 : 0);
            String failures = report.failure() == null ? "0" : "1";
            String id = report.workflow().workflowId();
            xml.writeStartDocument("UTF-8", "1.0");
            open("testsuites");
            attribute("name", "weft run " + id);
            attribute("tests", String.valueOf(cases));
            attribute("failures", failures);
            attribute("errors", "0");
            attribute("time", seconds(report.took()));
            open("testsuite");
            attribute("name", id);
            attribute("tests", String.valueOf(cases));
            attribute("failures", failures);
            attribute("errors", "0");
            attribute("skipped", "0");
            attribute("time", seconds(report.took()));
            attribute(
                    "timestamp",
                    DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                            report.startedAt().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC)));
            open("properties");
            property("weft.version", Version.VERSION);
            property("document", report.workflow().document().toString());
            property("workflowId", id);
            property("status", report.status());
            close();
            for (Map.Entry<String, List<Attempt>> step : steps.entrySet()) {
                testCase(step.getKey(), step.getValue());
            }
            if (report.failedOutsideSteps()) {
                open("testcase");
                attribute("classname", id);
                attribute("name", "workflow " + id);
                attribute("time", "0");
                failure();
                close();
            }
            element("system-out", report.outputs() == null ? "" : Execution.pretty(report.outputs()));
            close();
            close();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
        }

        private void testCase(String name, List<Attempt> attempts) throws XMLStreamException {
            open("testcase");
            attribute("classname", report.workflow().workflowId());
            attribute("name", name);
            attribute("time", seconds(attempts.stream().map(Attempt::took).reduce(Duration.ZERO, Duration::plus)));
            if (report.failedIn(attempts)) {
                failure();
            }
            StringBuilder out = new StringBuilder();
            for (Attempt a : attempts) {
                if (a.before() != null) {
                    out.append("~ ").append(Progress.wait(a.before())).append('\n');
                }
                out.append(Progress.line(a, "ok", "failed"))
                        .append(" -> ")
                        .append(a.outcome())
                        .append('\n');
            }
            element("system-out", out.toString());
            close();
        }

        private void failure() throws XMLStreamException {
            open("failure");
            String message = report.failure().getMessage();
            attribute("message", message);
            attribute(
                    "type",
                    report.failure().httpStatus() >= 0
                            ? "HTTP " + report.failure().httpStatus()
                            : report.failure().getClass().getSimpleName());
            xml.writeCharacters(clean(message));
            close();
        }

        private void open(String name) throws XMLStreamException {
            indent();
            xml.writeStartElement(name);
            depth++;
            nested = false;
        }

        /** Ends an element, on a line of its own when it holds elements. */
        private void close() throws XMLStreamException {
            depth--;
            if (nested) {
                xml.writeCharacters("\n" + "  ".repeat(depth));
            }
            xml.writeEndElement();
            nested = true;
        }

        private void indent() throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(depth));
            nested = true;
        }

        private void property(String name, String value) throws XMLStreamException {
            indent();
            xml.writeEmptyElement("property");
            attribute("name", name);
            attribute("value", value);
        }

        private void element(String name, String text) throws XMLStreamException {
            open(name);
            xml.writeCharacters(clean(text));
            close();
        }

        private void attribute(String name, String value) throws XMLStreamException {
            xml.writeAttribute(name, clean(value));
        }

        /** The text masked, without the characters XML 1.0 cannot hold (a server's control characters). */
        private String clean(String text) {
            String masked = report.redaction().text(text == null ? "" : text);
            StringBuilder out = new StringBuilder(masked.length());
            masked.codePoints().forEach(c -> {
                boolean allowed = c == 0x9
                        || c == 0xA
                        || c == 0xD
                        || c >= 0x20 && c <= 0xD7FF
                        || c >= 0xE000 && c <= 0xFFFD
                        || c >= 0x10000;
                out.appendCodePoint(allowed ? c : '?');
            });
            return out.toString();
        }

        private static String seconds(Duration d) {
            return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
        }
    }
}
