package dev.weft.mcp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.mcp.JobsServer;
import dev.weft.mcp.McpTestClient;
import dev.weft.mcp.SecretBinding;
import dev.weft.mcp.WorkflowMcpServer;
import dev.weft.mcp.WorkflowTools;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code weft mcp} end to end: the SDK's own MCP client drives the workflows of {@code jobs.arazzo.yaml}, compiled
 * in memory, over stdio (the command in a subprocess) and over streamable HTTP (the same classes served in this
 * JVM), against a job API on 127.0.0.1 that echoes the caller's credential wherever it can.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WeftMcpTest {
    private static final Path DOCUMENT = Path.of("src/test/resources/mcp/jobs.arazzo.yaml");
    /** The key the server holds; every message exchanged is searched for it. */
    private static final String TOKEN = "tok-" + UUID.randomUUID();

    private static JobsServer jobs;

    @BeforeAll
    static void start() {
        jobs = JobsServer.start(TOKEN);
    }

    @AfterAll
    static void stop() {
        jobs.close();
    }

    @Test
    void overStdioTheCommandServesTheDocumentsWorkflows() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ServerParameters command = ServerParameters.builder(java.toString())
                .args(
                        "-cp",
                        System.getProperty("java.class.path"),
                        McpCommand.class.getName(),
                        "mcp",
                        DOCUMENT.toString(),
                        "--server",
                        "jobs=" + jobs.baseUrl(),
                        "--secret",
                        "token=WEFT_TEST_TOKEN",
                        "--name",
                        "delete-job=jobs-delete",
                        "--poll-delay",
                        "10")
                .addEnvVar("WEFT_TEST_TOKEN", TOKEN)
                .build();
        StdioClientTransport stdio = new StdioClientTransport(command, McpJsonDefaults.getMapper());
        List<String> stderr = new CopyOnWriteArrayList<>();
        stdio.setStdErrorHandler(stderr::add);
        try (McpTestClient client = McpTestClient.connect(stdio)) {
            exercise(client);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("the server said:\n" + String.join("\n", stderr), e);
        }
        assertTrue(stderr.stream().anyMatch(line -> line.contains("serving 4 tool(s) on stdio")), stderr.toString());
        assertTrue(stderr.stream().noneMatch(line -> line.contains(TOKEN)), "the key in the server's log");
    }

    @Test
    void overHttpTheSameClassesServeTheSameTools() throws Exception {
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(DOCUMENT)
                .packageName("weft.mcp.test")
                .build());
        assertFalse(result.hasErrors(), result.diagnostics().toString());
        List<LogRecord> logs = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logs.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger.getLogger("").addHandler(capture);
        try (InMemoryWorkflows loaded = InMemoryWorkflows.load(result.files())) {
            ArazzoClient client = ArazzoClient.builder()
                    .server("jobs", jobs.baseUrl())
                    .pollPolicy(PollPolicy.defaults()
                            .withInitialDelay(Duration.ofMillis(10))
                            .withMaxDelay(Duration.ofMillis(80)))
                    .build();
            WorkflowTools.Builder tools =
                    WorkflowTools.builder(client).secret("token", SecretBinding.of("the test", () -> TOKEN));
            loaded.workflows()
                    .forEach(w -> tools.add(w, t -> {
                        if (w.workflowId().equals("delete-job")) {
                            t.name("jobs-delete");
                        }
                    }));
            try (WorkflowMcpServer server = WorkflowMcpServer.http(tools.build(), "jobs", "127.0.0.1", 0)) {
                URI url = server.url().orElseThrow();
                HttpClientStreamableHttpTransport http = HttpClientStreamableHttpTransport.builder(
                                "http://127.0.0.1:" + url.getPort())
                        .endpoint(url.getPath())
                        .build();
                try (McpTestClient mcp = McpTestClient.connect(http)) {
                    exercise(mcp);
                }
            }
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        List<String> leaks = new ArrayList<>();
        for (LogRecord record : logs) {
            String text = record.getMessage() + " " + record.getThrown();
            if (text.contains(TOKEN)) {
                leaks.add(text);
            }
        }
        assertEquals(List.of(), leaks, "the key in the server's log");
    }

    /** What both transports must do: list, call with progress, fail as a tool error, cancel, never show the key. */
    private static void exercise(McpTestClient client) {
        listsTheToolsWithSchemasAndHints(client);
        callsAPollingWorkflowWithProgress(client);
        masksTheKeyAServerEchoes(client);
        reportsAFailedRunAsAToolError(client);
        cancelsACall(client);
        List<String> leaks =
                client.messages().stream().filter(m -> m.contains(TOKEN)).toList();
        assertEquals(List.of(), leaks, "the key in a message exchanged");
        assertTrue(client.messages().size() > 10, client.messages().toString());
        assertEquals(0, jobs.unauthorized(), "every request carried the server's key");
    }

    private static void listsTheToolsWithSchemasAndHints(McpTestClient client) {
        assertEquals(
                List.of("run-job", "read-job", "jobs-delete", "who-am-i"),
                client.tools().stream().map(McpSchema.Tool::name).toList());
        McpSchema.Tool run = client.tool("run-job");
        assertEquals(
                "Start a job and poll it until it is done.\n\nStarts a job, polls it while it runs, and returns its"
                        + " result.",
                run.description());
        Map<?, ?> properties = (Map<?, ?>) run.inputSchema().get("properties");
        assertEquals(List.of("size", "label"), List.copyOf(properties.keySet()), "the secret token is not asked");
        assertEquals(List.of("size"), run.inputSchema().get("required"));
        Map<?, ?> outputs = (Map<?, ?>) run.outputSchema().get("properties");
        assertEquals(List.of("jobId", "status", "polls", "result"), List.copyOf(outputs.keySet()));
        assertHints(run, false, false, false);
        assertHints(client.tool("read-job"), true, false, true);
        assertHints(client.tool("jobs-delete"), false, true, true);
    }

    private static void assertHints(McpSchema.Tool tool, boolean readOnly, boolean destructive, boolean idempotent) {
        McpSchema.ToolAnnotations hints = tool.annotations();
        assertEquals(readOnly, hints.readOnlyHint(), tool.name() + " readOnly");
        assertEquals(destructive, hints.destructiveHint(), tool.name() + " destructive");
        assertEquals(idempotent, hints.idempotentHint(), tool.name() + " idempotent");
        assertEquals(true, hints.openWorldHint(), tool.name() + " openWorld");
    }

    private static void callsAPollingWorkflowWithProgress(McpTestClient client) {
        // a token from the agent is ignored: the server's own goes out (a wrong one would be refused with 401)
        McpSchema.CallToolResult result =
                client.call("run-job", Map.of("size", 3, "token", "the-agent-guessed-this"), "poll-1");

        assertFalse(result.isError(), result.toString());
        Map<?, ?> outputs = (Map<?, ?>) result.structuredContent();
        assertEquals("done", outputs.get("status"));
        assertEquals(3, outputs.get("polls"));
        assertTrue(outputs.get("result").toString().endsWith("finished after 3 polls"), outputs.toString());
        McpSchema.TextContent text = (McpSchema.TextContent) result.content().get(0);
        assertTrue(text.text().contains("\"status\":\"done\""), text.text());

        List<McpSchema.ProgressNotification> progress = client.progress("poll-1");
        List<String> messages =
                progress.stream().map(McpSchema.ProgressNotification::message).toList();
        assertTrue(messages.contains("step 'start'"), messages.toString());
        assertTrue(messages.contains("step 'poll', visit 3"), messages.toString());
        assertTrue(messages.stream().filter(m -> m.startsWith("poll ")).count() >= 2, messages.toString());
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i).progress() > progress.get(i - 1).progress(), "progress only grows");
        }
    }

    private static void masksTheKeyAServerEchoes(McpTestClient client) {
        McpSchema.CallToolResult result = client.call("who-am-i", Map.of(), null);
        assertFalse(result.isError(), result.toString());
        assertEquals(Map.of("authorization", "Bearer ***"), result.structuredContent());
    }

    private static void reportsAFailedRunAsAToolError(McpTestClient client) {
        McpSchema.CallToolResult result = client.call("read-job", Map.of("jobId", "no-such-job"), null);

        assertTrue(result.isError(), result.toString());
        String text = ((McpSchema.TextContent) result.content().get(0)).text();
        assertTrue(text.startsWith("workflow 'read-job' step 'read' (attempt 1): "), text);
        assertTrue(text.contains("[HTTP 404]"), text);
        assertTrue(text.contains("\"error\":\"no such job\""), text);
        assertTrue(text.contains("Bearer ***"), "the echoed key is masked in the excerpt: " + text);
    }

    private static void cancelsACall(McpTestClient client) {
        McpTestClient.Started call = client.start("run-job", Map.of("size", 1_000_000), "long-1");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (client.progress("long-1").size() < 6 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(client.progress("long-1").size() >= 6, "the run polls");

        client.cancel("run-job", call);

        int after = settle();
        sleep(300);
        assertTrue(
                jobs.requests() <= after + 1, "no more polls after the cancel: " + after + " then " + jobs.requests());
        if (call.result().isDone()) { // the answer may cross the cancel; it says so then
            McpSchema.CallToolResult late = call.result().join();
            assertTrue(late.isError(), late.toString());
            assertTrue(late.content().toString().contains("was cancelled"), late.toString());
        }
    }

    /** Waits until the server sees no new request for 100 ms; returns the count then. */
    private static int settle() {
        int before;
        do {
            before = jobs.requests();
            sleep(100);
        } while (jobs.requests() != before);
        return before;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
