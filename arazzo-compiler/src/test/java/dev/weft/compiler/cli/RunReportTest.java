package dev.weft.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.compiler.cli.Weft.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code weft run --report json|junit}: the reports are parsed back and say the steps, attempts, statuses,
 * timings and outputs or failure of the run, and hold no secret, though the server echoed it.
 */
@Timeout(120)
class RunReportTest {
    @TempDir
    Path work;

    private TasksServer server;

    @BeforeEach
    void start() {
        server = TasksServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Result run(String workflow, String format, Path report) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                Weft.TASKS.toString(),
                "-w",
                workflow,
                "--server",
                "tasks=" + server.url(),
                "--poll-delay",
                "0",
                "--report",
                format,
                "--report-file",
                report.toString()));
        if (workflow.equals("create-task")) {
            args.addAll(List.of("-i", "apiKey=" + Weft.KEY, "-i", "title=t", "-i", "owner=ada", "-v"));
        }
        return Weft.run(args.toArray(String[]::new));
    }

    private static String read(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertFalse(text.contains(Weft.KEY), text);
        return text;
    }

    @Test
    void theJsonReportHasEveryAttemptAndTheOutputs() throws Exception {
        Path file = work.resolve("reports/run.json");
        Result result = run("create-task", "json", file);

        assertEquals(Main.OK, result.status(), result::toString);
        JsonNode report = new ObjectMapper().readTree(read(file));
        assertEquals("succeeded", report.get("status").asText());
        assertEquals(0, report.get("exitStatus").asInt());
        assertEquals("create-task", report.get("workflowId").asText());
        assertEquals(Version.VERSION, report.get("weft").asText());
        assertTrue(report.get("durationMs").asLong() >= 0);
        JsonNode steps = report.get("steps");
        assertEquals(2, steps.size());
        JsonNode create = steps.get(0);
        assertEquals("createTask", create.get("stepId").asText());
        assertEquals("passed", create.get("status").asText());
        assertEquals(List.of(503, 201), statuses(create));
        assertEquals("retry", create.at("/attempts/0/outcome").asText());
        assertEquals("retry", create.at("/attempts/1/after/kind").asText());
        assertEquals("busy", create.at("/attempts/1/after/action").asText());
        assertEquals("POST", create.at("/attempts/1/method").asText());
        assertEquals(server.url() + "/tasks", create.at("/attempts/1/url").asText());
        assertTrue(create.at("/attempts/1/httpMs").isIntegralNumber());
        JsonNode poll = steps.get(1);
        assertEquals(List.of(200, 200), statuses(poll));
        assertEquals("poll", poll.at("/attempts/1/after/kind").asText());
        assertEquals("end", poll.at("/attempts/1/outcome").asText());
        assertEquals("t-1", report.at("/outputs/id").asText());
        assertEquals("***", report.at("/outputs/echo").asText());
        assertTrue(report.get("failure").isNull());
    }

    @Test
    void theJsonReportOfAFailedRunSaysWhere() throws Exception {
        Path file = work.resolve("run.json");
        Result result = run("break-it", "json", file);

        assertEquals(Main.FAILED, result.status(), result::toString);
        JsonNode report = new ObjectMapper().readTree(read(file));
        assertEquals("failed", report.get("status").asText());
        assertEquals(1, report.get("exitStatus").asInt());
        assertEquals("failed", report.at("/steps/0/status").asText());
        assertEquals(500, report.at("/steps/0/attempts/0/httpStatus").asInt());
        assertEquals("callBroken", report.at("/failure/stepId").asText());
        assertEquals(500, report.at("/failure/httpStatus").asInt());
        assertTrue(report.at("/failure/message").asText().contains("success criteria not met"));
        assertTrue(report.get("outputs").isNull());
    }

    @Test
    void theJunitReportIsATestSuiteWithACasePerStep() throws Exception {
        Path file = work.resolve("TEST-weft.xml");
        Result result = run("create-task", "junit", file);

        assertEquals(Main.OK, result.status(), result::toString);
        read(file);
        Element suite = suite(file);
        assertEquals("create-task", suite.getAttribute("name"));
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        assertTrue(Double.parseDouble(suite.getAttribute("time")) >= 0);
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals("createTask", ((Element) cases.item(0)).getAttribute("name"));
        assertEquals("pollTask", ((Element) cases.item(1)).getAttribute("name"));
        assertEquals(0, suite.getElementsByTagName("failure").getLength());
        String attempts = ((Element) cases.item(0))
                .getElementsByTagName("system-out")
                .item(0)
                .getTextContent();
        assertTrue(attempts.contains("failed createTask  POST /tasks  503"), attempts);
        assertTrue(attempts.contains("~ retry 1 of 3 by 'busy'"), attempts);
        assertTrue(attempts.contains("ok createTask (attempt 2)  POST /tasks  201"), attempts);
        String outputs = suite.getElementsByTagName("system-out").item(2).getTextContent();
        assertEquals("t-1", new ObjectMapper().readTree(outputs).get("id").asText());
    }

    @Test
    void theJunitReportOfAFailedRunHasTheFailure() throws Exception {
        Path file = work.resolve("TEST-weft.xml");
        Result result = run("break-it", "junit", file);

        assertEquals(Main.FAILED, result.status(), result::toString);
        Element suite = suite(file);
        assertEquals("1", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        Element failure = (Element) suite.getElementsByTagName("failure").item(0);
        assertNotNull(failure);
        assertEquals("callBroken", ((Element) failure.getParentNode()).getAttribute("name"));
        assertEquals("HTTP 500", failure.getAttribute("type"));
        assertTrue(
                failure.getAttribute("message").contains("success criteria not met"), failure.getAttribute("message"));
    }

    @Test
    void aReportFileNeedsAFormat() {
        Result result = Weft.run("run", Weft.TASKS.toString(), "-w", "break-it", "--report-file", "x.json");

        assertEquals(Main.USAGE, result.status(), result::toString);
        assertTrue(result.err().startsWith("weft: --report-file needs --report json or --report junit"));
        assertNull(server.requests().isEmpty() ? null : "a request");
    }

    private static Element suite(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document xml = factory.newDocumentBuilder().parse(file.toFile());
        assertEquals("testsuites", xml.getDocumentElement().getTagName());
        return (Element) xml.getElementsByTagName("testsuite").item(0);
    }

    private static List<Integer> statuses(JsonNode step) {
        List<Integer> statuses = new ArrayList<>();
        step.get("attempts").forEach(a -> statuses.add(a.get("httpStatus").asInt()));
        return statuses;
    }
}
