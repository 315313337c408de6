package dev.weft.examples.civitai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.mcp.McpTestClient;
import dev.weft.mcp.SecretBinding;
import dev.weft.mcp.WorkflowMcpServer;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Civitai MCP server end to end, driven by the SDK's own client over stdio (the server in a subprocess, its key
 * from {@code CIVITAI_API_KEY}) and over streamable HTTP, against the fake Civitai server on 127.0.0.1: the
 * capability's four tools with its names, descriptions and hints, every operation called, a polling seed with
 * progress, a cancelled call, a failed run as a tool error, and the key in no message exchanged.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CivitaiMcpServerTest {
    private static final String KEY = "civitai-" + UUID.randomUUID();

    /** The capability's MCP tools as its Naftiko description exposes them: description, readOnly, destructive,
     * idempotent. */
    private static final Map<String, List<Object>> CAPABILITY = Map.of(
            "civitai-submit-workflow", List.of("Submit an AI generation workflow.", false, false, false),
            "civitai-get-workflow", List.of("Get a workflow by ID.", true, false, true),
            "civitai-query-workflows", List.of("Query workflows.", true, false, true),
            "civitai-cancel-workflow", List.of("Cancel/delete a workflow.", false, true, true));

    private FakeCivitaiServer fake;

    @BeforeEach
    void start() {
        fake = FakeCivitaiServer.start().pollsUntilDone(2);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void overStdioWithTheKeyFromTheEnvironment() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ServerParameters command = ServerParameters.builder(java.toString())
                .args(
                        "-cp",
                        System.getProperty("java.class.path"),
                        CivitaiMcpServer.class.getName(),
                        "--base-url",
                        fake.orchestrationUrl(),
                        "--site-url",
                        fake.siteUrl(),
                        "--poll-delay",
                        "10")
                .addEnvVar("CIVITAI_API_KEY", KEY)
                .build();
        StdioClientTransport stdio = new StdioClientTransport(command, McpJsonDefaults.getMapper());
        List<String> stderr = new CopyOnWriteArrayList<>();
        stdio.setStdErrorHandler(stderr::add);
        try (McpTestClient client = McpTestClient.connect(stdio)) {
            exercise(client);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("the server said:\n" + String.join("\n", stderr), e);
        }
        assertTrue(stderr.stream().noneMatch(line -> line.contains(KEY)), "the key in the server's log");
    }

    @Test
    void overStreamableHttp() {
        List<String> logs = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logs.add(record.getMessage() + " " + record.getThrown());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger.getLogger("").addHandler(capture);
        ArazzoClient client = ArazzoClient.builder()
                .server(CivitaiMcpServer.ORCHESTRATION, fake.orchestrationUrl())
                .server(CivitaiMcpServer.SITE, fake.siteUrl())
                .pollPolicy(PollPolicy.defaults()
                        .withInitialDelay(Duration.ofMillis(10))
                        .withMaxDelay(Duration.ofMillis(80)))
                .build();
        try (WorkflowMcpServer server = WorkflowMcpServer.http(
                CivitaiMcpServer.tools(client, SecretBinding.of("the test", () -> KEY)), "civitai", "127.0.0.1", 0)) {
            URI url = server.url().orElseThrow();
            HttpClientStreamableHttpTransport http = HttpClientStreamableHttpTransport.builder(
                            "http://127.0.0.1:" + url.getPort())
                    .endpoint(url.getPath())
                    .build();
            try (McpTestClient mcp = McpTestClient.connect(http)) {
                exercise(mcp);
            }
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        assertEquals(List.of(), logs.stream().filter(l -> l.contains(KEY)).toList(), "the key in the server's log");
    }

    private void exercise(McpTestClient client) {
        listsTheCapabilitysToolsAndTheSeeds(client);
        pollsASeedWithProgress(client);
        callsEveryOperation(client);
        cancelsALongPoll(client);
        assertEquals(
                List.of(),
                client.messages().stream().filter(m -> m.contains(KEY)).toList());
        assertEquals(0, fake.unauthorizedCount(), "every request carried the server's key");
    }

    private static void listsTheCapabilitysToolsAndTheSeeds(McpTestClient client) {
        assertEquals(
                List.of(
                        "civitai-submit-workflow",
                        "civitai-get-workflow",
                        "civitai-query-workflows",
                        "civitai-cancel-workflow",
                        "civitai-update-workflow",
                        "civitai-patch-workflow",
                        "image-generation-poll",
                        "workflow-query-cancel",
                        "model-version-to-generation",
                        "presigned-blob-generate"),
                client.tools().stream().map(McpSchema.Tool::name).toList());
        CAPABILITY.forEach((name, expected) -> {
            McpSchema.Tool tool = client.tool(name);
            assertTrue(tool.description().startsWith((String) expected.get(0)), tool.description());
            assertEquals(expected.get(1), tool.annotations().readOnlyHint(), name + " readOnly");
            assertEquals(expected.get(2), tool.annotations().destructiveHint(), name + " destructive");
            assertEquals(expected.get(3), tool.annotations().idempotentHint(), name + " idempotent");
        });
        assertEquals(true, client.tool("civitai-update-workflow").annotations().idempotentHint(), "PUT");
        assertEquals(false, client.tool("civitai-patch-workflow").annotations().idempotentHint(), "PATCH");
        for (McpSchema.Tool tool : client.tools()) {
            Map<?, ?> properties = (Map<?, ?>) tool.inputSchema().get("properties");
            assertFalse(properties.containsKey("apiKey"), tool.name() + " asks for the key");
        }
    }

    private void pollsASeedWithProgress(McpTestClient client) {
        McpSchema.CallToolResult result = client.call(
                "image-generation-poll", Map.of("engine", "flux2", "prompt", "a red fox", "quantity", 2), "fox");
        assertFalse(result.isError(), result.toString());
        Map<?, ?> outputs = (Map<?, ?>) result.structuredContent();
        assertEquals("succeeded", outputs.get("status"));
        assertEquals(24, outputs.get("cost"));
        assertEquals("https://blobs.example/" + outputs.get("workflowId") + "/0.png", outputs.get("firstBlobUrl"));
        List<String> progress = client.progress("fox").stream()
                .map(McpSchema.ProgressNotification::message)
                .toList();
        assertTrue(progress.contains("step 'submitGeneration'"), progress.toString());
        assertTrue(progress.contains("step 'pollWorkflow', visit 2"), progress.toString());
        assertTrue(progress.stream().anyMatch(m -> m.startsWith("poll ")), progress.toString());
    }

    private void callsEveryOperation(McpTestClient client) {
        Map<String, Object> request = Map.of(
                "steps", List.of(Map.of("$type", "imageGen", "input", Map.of("engine", "sdxl", "prompt", "a heron"))),
                "tags", List.of("birds"));
        String id = (String) result(client.call("civitai-submit-workflow", Map.of("body", request), null))
                .get("id");
        assertEquals(
                "a heron", fake.submittedBody(id).at("/steps/0/input/prompt").asText());

        assertEquals(
                id,
                result(client.call("civitai-get-workflow", Map.of("workflowId", id), null))
                        .get("id"));
        List<?> items = (List<?>) result(client.call("civitai-query-workflows", Map.of("take", 5), null))
                .get("items");
        assertEquals(id, ((Map<?, ?>) items.get(0)).get("id"));
        Map<?, ?> patched = result(client.call(
                "civitai-patch-workflow",
                Map.of("workflowId", id, "operations", List.of(Map.of("op", "add", "path", "/tags/-", "value", "x"))),
                null));
        assertEquals(List.of("birds", "x"), patched.get("tags"));
        Map<?, ?> updated = result(client.call(
                "civitai-update-workflow", Map.of("workflowId", id, "body", Map.of("status", "canceled")), null));
        assertEquals("canceled", updated.get("status"));
        McpSchema.CallToolResult deleted = client.call("civitai-cancel-workflow", Map.of("workflowId", id), null);
        assertEquals(Map.of("status", 204), deleted.structuredContent());

        McpSchema.CallToolResult gone = client.call("civitai-get-workflow", Map.of("workflowId", id), null);
        assertTrue(gone.isError(), gone.toString());
        String text = ((McpSchema.TextContent) gone.content().get(0)).text();
        assertTrue(text.startsWith("workflow 'get' step 'getWorkflow' (attempt 1): "), text);
        assertTrue(text.contains("[HTTP 404]") && text.contains("no workflow '" + id + "'"), text);
    }

    private static Map<?, ?> result(McpSchema.CallToolResult call) {
        assertFalse(call.isError(), call.toString());
        return (Map<?, ?>) ((Map<?, ?>) call.structuredContent()).get("result");
    }

    private void cancelsALongPoll(McpTestClient client) {
        fake.pollsUntilDone(1_000_000);
        McpTestClient.Started call =
                client.start("image-generation-poll", Map.of("engine", "flux2", "prompt", "a slow one"), "slow");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (client.progress("slow").size() < 6 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(client.progress("slow").size() >= 6, "the run polls");

        client.cancel("image-generation-poll", call);

        int settled = settle();
        sleep(300);
        assertTrue(
                fake.requestCount() <= settled + 1, "polls after the cancel: " + settled + " " + fake.requestCount());
        fake.pollsUntilDone(2);
    }

    private int settle() {
        int before;
        do {
            before = fake.requestCount();
            sleep(100);
        } while (fake.requestCount() != before);
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
