package dev.weft.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.compiler.cli.Weft.Result;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code weft run} over real HTTP against a server on 127.0.0.1: a line per step attempt on stderr as it runs,
 * retries and polls among them, the outputs as JSON on stdout, a failed workflow's exit status, {@code --verbose}
 * exchanges, and the secret input nowhere, though the server echoes it in every answer.
 */
@Timeout(120)
class CommandLineRunTest {
    private TasksServer server;

    @BeforeEach
    void start() {
        server = TasksServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Result run(Charset console, String workflow, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                Weft.TASKS.toString(),
                "-w",
                workflow,
                "--server",
                "tasks=" + server.url(),
                "--poll-delay",
                "0",
                "-i",
                "apiKey=" + Weft.KEY,
                "-i",
                "title=write tests",
                "-i",
                "owner=ada"));
        if (workflow.equals("break-it")) {
            args.subList(args.indexOf("-i"), args.size()).clear();
        }
        args.addAll(List.of(more));
        return Weft.run(console, args.toArray(String[]::new));
    }

    /** A progress line: mark, step, method, path, status, time. */
    private static Pattern line(String mark, String step, String method, String path, int status) {
        return Pattern.compile(
                Pattern.quote(mark + " " + step + "  " + method + " " + path + "  " + status + "  ") + "\\d+ ms");
    }

    private static void assertLines(List<Object> expected, String err) {
        List<String> lines = err.lines().toList();
        assertEquals(expected.size(), lines.size(), err);
        for (int i = 0; i < expected.size(); i++) {
            Object want = expected.get(i);
            String got = lines.get(i);
            boolean ok = want instanceof Pattern p ? p.matcher(got).matches() : want.equals(got);
            assertTrue(ok, "line " + (i + 1) + ": expected " + want + " but was\n" + got + "\nin\n" + err);
        }
    }

    @Test
    void printsAStepLinePerAttemptAndTheOutputsAsJson() throws Exception {
        Result result = run(StandardCharsets.UTF_8, "create-task");

        assertEquals(Main.OK, result.status(), result::toString);
        assertLines(
                List.of(
                        line("\u2717", "createTask", "POST", "/tasks", 503),
                        "  \u21bb retry 1 of 3 by 'busy': createTask again in 0 ms",
                        line("\u2713", "createTask (attempt 2)", "POST", "/tasks", 201),
                        line("\u2713", "pollTask", "GET", "/tasks/t-1", 200),
                        "  \u21bb poll 1: pollTask again in 0 ms",
                        line("\u2713", "pollTask (attempt 2)", "GET", "/tasks/t-1", 200),
                        Pattern.compile("\u2713 workflow 'create-task' succeeded: 4 steps in \\d+ ms")),
                result.err());
        JsonNode outputs = new ObjectMapper().readTree(result.out());
        assertEquals("t-1", outputs.get("id").asText());
        assertEquals("done", outputs.get("state").asText());
        assertEquals("***", outputs.get("echo").asText(), "the server's echo of the credential is masked");
        assertFalse(result.all().contains(Weft.KEY), result::toString);
        assertEquals(4, server.requests().size());
        assertTrue(server.requests().get(0).endsWith(" Bearer " + Weft.KEY), "the key itself was sent");
    }

    @Test
    void aFailedWorkflowExitsWithOneAndSaysWhere() {
        Result result = run(StandardCharsets.UTF_8, "break-it");

        assertEquals(Main.FAILED, result.status(), result::toString);
        assertLines(
                List.of(
                        line("\u2717", "callBroken", "GET", "/broken", 500),
                        Pattern.compile("\u2717 workflow 'break-it' failed: step 'callBroken' \\(attempt 1\\): "
                                + "success criteria not met: \\$statusCode == 200 \\[HTTP 500\\] "
                                + "\\[response: .*broken.*\\]")),
                result.err());
        assertEquals("", result.out());
    }

    @Test
    void aConsoleThatCannotShowTheMarksGetsAscii() {
        Result result = run(StandardCharsets.US_ASCII, "create-task");

        assertEquals(Main.OK, result.status(), result::toString);
        List<String> lines = result.err().lines().toList();
        assertTrue(lines.get(0).startsWith("x createTask  POST /tasks  503"), result::toString);
        assertTrue(lines.get(1).startsWith("  ~ retry 1 of 3"), result::toString);
        assertTrue(lines.get(2).startsWith("+ createTask (attempt 2)"), result::toString);
        assertFalse(result.err().contains("?"), "no unencodable character became '?'");
    }

    @Test
    void verboseShowsEachExchangeWithTheSecretsMasked() {
        Result result = run(StandardCharsets.UTF_8, "create-task", "--verbose");

        assertEquals(Main.OK, result.status(), result::toString);
        String err = result.err();
        assertTrue(err.contains("  > POST " + server.url() + "/tasks\n"), err);
        assertTrue(err.contains("  > Authorization: ***\n"), err);
        assertTrue(err.contains("  > {\"title\":\"write tests\",\"owner\":\"ada\"}"), err);
        assertTrue(err.contains("  < 503\n"), err);
        assertTrue(err.contains("  < {\"id\":\"t-1\",\"seen\":\"***\"}"), err);
        assertTrue(err.contains("  < {\"id\":\"t-1\",\"state\":\"done\",\"echo\":\"***\"}"), err);
        assertFalse(result.all().contains(Weft.KEY), result::toString);
    }
}
