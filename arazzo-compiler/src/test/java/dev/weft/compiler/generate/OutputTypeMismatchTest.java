package dev.weft.compiler.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedClasses;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.WorkflowException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.InetSocketAddress;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that answers a value of another type than the description declares for a workflow output (a string
 * where an integer, a number or a boolean was promised) fails the typed run with a {@link WorkflowException}
 * naming the workflow and the output, blocking and not, over real HTTP; the value itself is never printed (it
 * failed with a bare IllegalArgumentException naming neither).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OutputTypeMismatchTest {
    private static final String DOCUMENT = String.join(
            "\n",
            "arazzo: 1.0.1",
            "info: {title: outputs of the wrong type, version: '1'}",
            "sourceDescriptions:",
            "- {name: items, url: ./items.openapi.yaml}",
            "workflows:",
            "- workflowId: count",
            "  steps:",
            "  - stepId: read",
            "    operationId: getItem",
            "    parameters: [{name: id, in: path, value: one}]",
            "    outputs: {count: $response.body#/count, price: $response.body#/price, ready: $response.body#/ready}",
            "  outputs:",
            "    count: $steps.read.outputs.count",
            "    price: $steps.read.outputs.price",
            "    ready: $steps.read.outputs.ready",
            "");

    @TempDir
    Path work;

    private HttpServer server;
    private volatile String answer;

    @BeforeEach
    void start() throws IOException {
        Files.copy(
                Path.of("src/test/resources/fixtures/openapi/items.openapi.yaml"), work.resolve("items.openapi.yaml"));
        Files.writeString(work.resolve("count.arazzo.yaml"), DOCUMENT, StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
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
    void aWrongTypedOutputFailsBothTypedRunsNamingTheOutput() throws Exception {
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(work.resolve("count.arazzo.yaml"))
                .packageName("mismatch")
                .build());
        assertEquals(List.of(), result.errors());
        ArazzoClient client = ArazzoClient.builder()
                .server("items", "http://127.0.0.1:" + server.getAddress().getPort() + "/api")
                .build();
        try (URLClassLoader loader = GeneratedClasses.compile(result.files(), work)) {
            Class<?> type = loader.loadClass("mismatch.CountWorkflow");
            Object workflow = type.getConstructor(ArazzoClient.class).newInstance(client);
            Class<?> inputsType = loader.loadClass("mismatch.CountWorkflow$Inputs");
            Object inputs = inputsType.getConstructor().newInstance();

            answer = "{\"count\": 3, \"price\": 2.5, \"ready\": true}";
            Object fine = type.getMethod("run", inputsType).invoke(workflow, inputs);
            assertTrue(fine.toString().contains("count=3"), fine::toString);

            for (String[] wrong : List.of(
                    new String[] {"count", "{\"count\": \"sk-live-SECRET\"}", "an integer"},
                    new String[] {"count", "{\"count\": 2.5}", "an integer"},
                    new String[] {"price", "{\"price\": \"sk-live-SECRET\"}", "a number"},
                    new String[] {"ready", "{\"ready\": \"sk-live-SECRET\"}", "a boolean"})) {
                answer = wrong[1];
                InvocationTargetException thrown = assertThrows(
                        InvocationTargetException.class,
                        () -> type.getMethod("run", inputsType).invoke(workflow, inputs));
                assertNamesTheOutput(assertInstanceOf(WorkflowException.class, thrown.getCause()), wrong);

                CompletableFuture<?> future = (CompletableFuture<?>)
                        type.getMethod("runAsync", inputsType).invoke(workflow, inputs);
                ExecutionException failed =
                        assertThrows(ExecutionException.class, () -> future.get(30, TimeUnit.SECONDS));
                assertNamesTheOutput(assertInstanceOf(WorkflowException.class, failed.getCause()), wrong);
            }
        }
    }

    private static void assertNamesTheOutput(WorkflowException e, String[] wrong) {
        assertEquals("count", e.workflowId());
        String message = e.getMessage();
        assertTrue(
                message.startsWith("workflow 'count': output '" + wrong[0] + "' does not have its declared type: "
                        + "expected " + wrong[2]),
                message);
        assertTrue(!message.contains("SECRET"), message);
    }
}
