package dev.weft.compiler.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedClasses;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.JsonWorkflow;
import dev.weft.runtime.WorkflowException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls between workflows without an end (a workflow step calling its own workflow, two workflows going to each
 * other by {@code goto}) stop at the run-time depth limit of 64 nested runs with a {@link WorkflowException},
 * blocking and not, over real HTTP: never a StackOverflowError, never a run without end.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkflowRecursionTest {
    private static final String DOCUMENT = String.join(
            "\n",
            "arazzo: 1.0.1",
            "info: {title: calls without an end, version: '1'}",
            "sourceDescriptions:",
            "- {name: items, url: ./items.openapi.yaml}",
            "workflows:",
            "- workflowId: itself",
            "  steps:",
            "  - {stepId: read, operationId: getItem, parameters: [{name: id, in: path, value: one}]}",
            "  - {stepId: again, workflowId: itself}",
            "- workflowId: ping",
            "  steps:",
            "  - stepId: read",
            "    operationId: getItem",
            "    parameters: [{name: id, in: path, value: ping}]",
            "    onSuccess: [{name: toPong, type: goto, workflowId: pong}]",
            "- workflowId: pong",
            "  steps:",
            "  - stepId: read",
            "    operationId: getItem",
            "    parameters: [{name: id, in: path, value: pong}]",
            "    onSuccess: [{name: toPing, type: goto, workflowId: ping}]",
            "");

    @TempDir
    Path work;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        Files.copy(
                Path.of("src/test/resources/fixtures/openapi/items.openapi.yaml"), work.resolve("items.openapi.yaml"));
        Files.writeString(work.resolve("loops.arazzo.yaml"), DOCUMENT, StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void endlessCallsStopAtTheDepthLimit() throws Exception {
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(work.resolve("loops.arazzo.yaml"))
                .packageName("loops")
                .build());
        assertEquals(List.of(), result.errors());
        ArazzoClient client = ArazzoClient.builder()
                .server("items", "http://127.0.0.1:" + server.getAddress().getPort() + "/api")
                .build();
        try (URLClassLoader loader = GeneratedClasses.compile(result.files(), work)) {
            for (String className : List.of("loops.ItselfWorkflow", "loops.PingWorkflow")) {
                JsonWorkflow workflow = JsonWorkflow.of(loader.loadClass(className));

                requests.set(0);
                WorkflowException blocking = assertThrows(
                        WorkflowException.class, () -> workflow.run(client, JsonNodeFactory.instance.objectNode()));
                assertStoppedAtTheLimit(blocking);
                assertEquals(64, requests.get(), "one request per nested run, 64 runs");

                ExecutionException failed = assertThrows(
                        ExecutionException.class,
                        () -> workflow.runAsync(client, JsonNodeFactory.instance.objectNode())
                                .get(30, TimeUnit.SECONDS));
                assertStoppedAtTheLimit(assertInstanceOf(WorkflowException.class, failed.getCause()));
            }
        }
    }

    /** The top-level failure's causes lead to the one the limit raised. */
    private static void assertStoppedAtTheLimit(WorkflowException top) {
        Throwable cause = top;
        int depth = 0;
        while (cause.getCause() != null && depth++ < 200) {
            cause = cause.getCause();
        }
        assertInstanceOf(WorkflowException.class, cause);
        assertTrue(cause.getMessage().contains("would nest more than 64 workflow runs"), cause::getMessage);
    }
}
