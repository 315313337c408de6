package dev.weft.compiler.diagnostic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders diagnostics the way javac prints errors: {@code file:line:col: error: [code] message},
 * then the source line and a caret under the column.
 *
 * <p>The only renderer of diagnostics, so every front end prints them alike. What it prints is safe for a
 * terminal and short: control characters from a document (an escape sequence in a step id, say) are shown
 * as {@code \\u001b} instead of being sent to the terminal, and a long source line (a minified JSON
 * description is one line of megabytes) is cut to a window around the column.
 */
public final class DiagnosticFormatter {
    /** Characters of a source line shown on each side of the column; the rest is cut, marked by "...". */
    static final int WINDOW = 60;

    private final Map<Path, List<String>> lines = new HashMap<>();
    private final Path base;

    /** A formatter printing file paths as given. */
    public DiagnosticFormatter() {
        this(null);
    }

    /** A formatter printing file paths relative to {@code base} where they lie below it. */
    public DiagnosticFormatter(Path base) {
        this.base = base == null ? null : base.toAbsolutePath().normalize();
    }

    /** The first line only: {@code file:line:col: severity: [code] message}. */
    public String headline(Diagnostic d) {
        Location at = d.location();
        return printable(display(at.file()) + ":" + at.line() + ":" + at.column() + ": "
                + d.severity().label() + ": [" + d.code().id() + "] " + d.message());
    }

    /** The headline, then the source line and a caret, when the source line can be read. */
    public String format(Diagnostic d) {
        String headline = headline(d);
        String source = sourceLine(d.location());
        if (source == null) {
            return headline;
        }
        int column = Math.max(0, Math.min(d.location().column() - 1, source.length()));
        int from = Math.max(0, column - WINDOW);
        int to = Math.min(source.length(), column + WINDOW);
        StringBuilder line = new StringBuilder(from > 0 ? "..." : "");
        StringBuilder pad = new StringBuilder(from > 0 ? "   " : "");
        for (int i = from; i < to; i++) {
            String shown = printable(source.charAt(i));
            line.append(shown);
            if (i < column) {
                pad.append(shown.equals("\t") ? "\t" : " ".repeat(shown.length()));
            }
        }
        if (to < source.length()) {
            line.append("...");
        }
        return headline + System.lineSeparator() + line + System.lineSeparator() + pad + "^";
    }

    /** The text with every control character but tab written as a {@code \\uXXXX} escape. */
    static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            String shown = printable(text.charAt(i));
            if (out == null && shown.length() != 1) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                out.append(shown);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String printable(char c) {
        boolean control = (c < 0x20 && c != '\t') || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029';
        return control ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (base != null && absolute.startsWith(base)) {
            return base.relativize(absolute).toString();
        }
        return file.toString();
    }

    private String sourceLine(Location at) {
        List<String> fileLines = lines.computeIfAbsent(at.file(), DiagnosticFormatter::readLines);
        if (at.line() > fileLines.size()) {
            return null;
        }
        return fileLines.get(at.line() - 1);
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // A missing or unreadable file has no source line to show; the headline still stands.
            return List.of();
        }
    }
}
