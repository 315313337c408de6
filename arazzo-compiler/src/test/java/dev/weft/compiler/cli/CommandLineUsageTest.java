package dev.weft.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.compiler.cli.Weft.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Help, version and every mistake on the command line: each is its exit status and one line that says what is
 * wrong (with the likely fix), never a stack trace, and no request is sent.
 */
@Timeout(60)
class CommandLineUsageTest {
    private TasksServer server;

    @BeforeEach
    void start() {
        server = TasksServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Result run(String... more) {
        List<String> args = new ArrayList<>(
                List.of("run", Weft.TASKS.toString(), "--server", "tasks=" + server.url(), "--poll-delay", "0"));
        args.addAll(List.of(more));
        return Weft.run(args.toArray(String[]::new));
    }

    /** Exit 2 with exactly the message line and the pointer to the help; nothing sent. */
    private void assertUsage(Result result, String message) {
        assertEquals(Main.USAGE, result.status(), result::toString);
        assertEquals(
                List.of("weft: " + message, "Try 'weft run --help' for more information."),
                result.err().lines().toList(),
                result::toString);
        assertEquals("", result.out());
        assertFalse(result.all().contains(Weft.KEY), result::toString);
        assertEquals(List.of(), server.requests());
    }

    @Test
    void helpListsTheCommandsAndTheExitStatuses() {
        Result result = Weft.run("--help");

        assertEquals(Main.OK, result.status(), result::toString);
        for (String text : List.of("check", "generate", "run", "Exit status:", "3   a document has errors")) {
            assertTrue(result.out().contains(text), text + " in\n" + result.out());
        }
    }

    @Test
    void eachCommandHasItsHelp() {
        for (String command : List.of("check", "generate", "run")) {
            Result result = Weft.run(command, "--help");

            assertEquals(Main.OK, result.status(), result::toString);
            assertTrue(result.out().startsWith("Usage: weft " + command), result.out());
        }
        assertTrue(Weft.run("run", "--help").out().contains("--input NAME=VALUE"));
        assertEquals(Weft.run("run", "--help").out(), Weft.run("help", "run").out());
    }

    @Test
    void versionIsTheBuildsVersion() {
        Result result = Weft.run("--version");

        assertEquals(Main.OK, result.status(), result::toString);
        assertTrue(result.out().matches("(?s)weft \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R.*"), result.out());
    }

    @Test
    void anUnknownOptionIsSuggested() {
        assertUsage(run("--inptu", "title=x"), "unknown option '--inptu'; did you mean '--input'?");
    }

    @Test
    void anUnknownCommandIsSuggested() {
        Result result = Weft.run("rnu", Weft.TASKS.toString());

        assertEquals(Main.USAGE, result.status(), result::toString);
        assertEquals(
                "weft: unknown command 'rnu'; did you mean 'run'?",
                result.err().lines().findFirst().orElse(""));
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(Main.USAGE, Weft.run().status());
    }

    @Test
    void anUnknownWorkflowIsSuggested() {
        assertUsage(
                run("--workflow", "create-tsak"),
                "the document has no workflow 'create-tsak'; did you mean 'create-task'?");
        assertUsage(
                run("--workflow", "zzz"),
                "the document has no workflow 'zzz'; its workflows: 'create-task', 'break-it'");
    }

    @Test
    void aDocumentWithSeveralWorkflowsNeedsOneNamed() {
        assertUsage(run(), "the document has 2 workflows; name one with --workflow: 'create-task', 'break-it'");
    }

    @Test
    void anUnknownInputIsSuggested() {
        assertUsage(
                run(
                        "-w",
                        "create-task",
                        "-i",
                        "apiKey=" + Weft.KEY,
                        "-i",
                        "title=t",
                        "-i",
                        "owner=o",
                        "-i",
                        "priorty=1"),
                "unknown input 'priorty' of workflow 'create-task'; did you mean 'priority'?");
    }

    @Test
    void everyMissingInputIsNamedInOneLine() {
        assertUsage(
                run("-w", "create-task"),
                "workflow 'create-task' needs inputs 'apiKey', 'title', 'owner': "
                        + "add --input apiKey=VALUE --input title=VALUE --input owner=VALUE");
        assertUsage(
                run("-w", "create-task", "-i", "apiKey=" + Weft.KEY, "-i", "titel=t"),
                "unknown input 'titel' of workflow 'create-task'; did you mean 'title'?; "
                        + "workflow 'create-task' needs inputs 'title', 'owner': "
                        + "add --input title=VALUE --input owner=VALUE");
    }

    @Test
    void anInputOfTheWrongTypeIsAUsageError() {
        assertUsage(
                run(
                        "-w",
                        "create-task",
                        "-i",
                        "apiKey=" + Weft.KEY,
                        "-i",
                        "title=t",
                        "-i",
                        "owner=o",
                        "-i",
                        "priority=high"),
                "input 'priority' of workflow 'create-task' takes an integer, not 'high'");
    }

    @Test
    void anUnknownServerIsSuggested() {
        assertUsage(
                run("-w", "break-it", "--server", "taks=" + server.url()),
                "unknown server 'taks': no source description has that name; did you mean 'tasks'?");
        assertUsage(
                run("-w", "break-it", "--server", "tasks=ftp://example.com"),
                "--server tasks=URL takes an http or https URL, not 'ftp://example.com'");
    }

    @Test
    void aPairWithoutEqualsIsAUsageError() {
        Result result = run("-w", "break-it", "--input", "title");

        assertEquals(Main.USAGE, result.status(), result::toString);
        assertTrue(result.err().startsWith("weft: "), result::toString);
    }

    @Test
    void anInvalidDocumentExitsWithThreeAndItsDiagnostics() {
        for (String command : List.of("check", "run")) {
            Result result = Weft.run(command, Weft.BROKEN.toString());

            assertEquals(Main.INVALID, result.status(), result::toString);
            assertTrue(result.err().contains("broken.arazzo.yaml:9:18: error: [unknown-operation]"), result::toString);
            assertTrue(result.err().endsWith("1 error\n"), result::toString);
        }
    }

    @Test
    void aMissingDocumentIsAnInvalidDocument() {
        Result result = Weft.run("check", "no/such.arazzo.yaml");

        assertEquals(Main.INVALID, result.status(), result::toString);
        assertFalse(result.err().contains("\tat "), result::toString);
    }

    @Test
    void checkAcceptsAGoodDocument() {
        Result result = Weft.run("check", Weft.TASKS.toString());

        assertEquals(Main.OK, result.status(), result::toString);
        assertEquals(Main.OK, Weft.run("validate", Weft.TASKS.toString()).status(), "the old name still works");
    }

    @Test
    void generateWritesTheClassesAndNamesThem(@TempDir Path out) {
        Result result = Weft.run("generate", Weft.TASKS.toString(), "-d", out.toString(), "-p", "com.example.tasks");

        assertEquals(Main.OK, result.status(), result::toString);
        Path written = out.resolve("com/example/tasks/CreateTaskWorkflow.java");
        assertTrue(Files.exists(written), result::toString);
        assertTrue(result.out().lines().anyMatch(l -> l.equals(written.toString())), result::toString);
    }

    @Test
    void generateRefusesABadPackageAndAMissingOption(@TempDir Path out) {
        Result bad = Weft.run("generate", Weft.TASKS.toString(), "-d", out.toString(), "-p", "com.example.2x");
        Result missing = Weft.run("generate", Weft.TASKS.toString(), "-p", "com.example");

        assertEquals(Main.USAGE, bad.status(), bad::toString);
        assertTrue(bad.err().startsWith("weft: 'com.example.2x' is not a Java package name"), bad::toString);
        assertEquals(Main.USAGE, missing.status(), missing::toString);
        assertTrue(missing.err().startsWith("weft: Missing required option: '--output DIR'"), missing::toString);
    }
}
