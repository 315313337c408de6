package dev.weft.compiler.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedClasses;
import dev.weft.compiler.cli.Main;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.internal.WorkflowRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code dependsOn} workflow that the depending workflow's inputs leave a required input of (warned as
 * {@code missing-workflow-input}) fails the run with a {@link WorkflowException} naming the input, over real
 * HTTP, blocking and not: the dependency before it has run, the depending workflow's own steps do not.
 * (It failed with a NullPointerException, as the dependency was called directly.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MissingDependencyInputTest {
    private static final String DOCUMENT = String.join(
            "\n",
            "arazzo: 1.0.1",
            "info: {title: a dependency without its input, version: '1'}",
            "sourceDescriptions:",
            "- {name: items, url: ./items.openapi.yaml}",
            "workflows:",
            "- workflowId: main",
            "  dependsOn: [first, needs-name]",
            "  steps:",
            "  - {stepId: read, operationId: getItem, parameters: [{name: id, in: path, value: main}]}",
            "- workflowId: first",
            "  steps:",
            "  - {stepId: read, operationId: getItem, parameters: [{name: id, in: path, value: first}]}",
            "- workflowId: needs-name",
            "  inputs: {type: object, required: [name], properties: {name: {type: string}}}",
            "  steps:",
            "  - {stepId: read, operationId: getItem, parameters: [{name: id, in: path, value: $inputs.name}]}",
            "");

    @TempDir
    Path work;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        Files.copy(
                Path.of("src/test/resources/fixtures/openapi/items.openapi.yaml"), work.resolve("items.openapi.yaml"));
        Files.writeString(work.resolve("deps.arazzo.yaml"), DOCUMENT, StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            byte[] answer = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String serverUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    @Test
    void theCommandLineRunFailsWithAWorkflowExceptionNamingTheInput() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Main.run(
                new String[] {
                    "run",
                    "--verbose", // the warnings too
                    work.resolve("deps.arazzo.yaml").toString(),
                    "--workflow",
                    "main",
                    "--server",
                    "items=" + serverUrl()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String errors = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, errors);
        assertTrue(errors.contains("[missing-workflow-input]"), errors);
        assertTrue(errors.contains("\u2717 workflow 'main' failed:"), errors);
        assertTrue(errors.contains("input 'name' of workflow 'needs-name' is required"), errors);
        assertFalse(errors.contains("NullPointerException"), errors);
        assertEquals(List.of("GET /api/items/first"), requests);
    }

    @Test
    void bothEntryPointsFailWithAWorkflowException() throws Exception {
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(work.resolve("deps.arazzo.yaml"))
                .packageName("deps")
                .build());
        assertEquals(List.of(), result.errors());
        ArazzoClient client =
                ArazzoClient.builder().server("items", serverUrl()).build();
        JsonNode noInputs = JsonNodeFactory.instance.objectNode();
        try (URLClassLoader loader = GeneratedClasses.compile(result.files(), work)) {
            WorkflowException blocking = assertThrows(
                    WorkflowException.class, () -> GeneratedClasses.run(loader, "deps.MainWorkflow", client, noInputs));
            assertTrue(
                    blocking.getMessage().contains("input 'name' of workflow 'needs-name' is required"),
                    blocking::getMessage);

            Method callAsync = loader.loadClass("deps.MainWorkflow")
                    .getDeclaredMethod("callAsync", WorkflowRun.class, JsonNode.class);
            callAsync.setAccessible(true);
            CompletableFuture<?> future =
                    (CompletableFuture<?>) callAsync.invoke(null, WorkflowRun.start(client, "test"), noInputs);
            ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(30, TimeUnit.SECONDS));
            WorkflowException async = assertInstanceOf(WorkflowException.class, failed.getCause());
            assertTrue(
                    async.getMessage().contains("input 'name' of workflow 'needs-name' is required"),
                    async::getMessage);
        }
        assertEquals(List.of("GET /api/items/first", "GET /api/items/first"), requests);
    }
}
