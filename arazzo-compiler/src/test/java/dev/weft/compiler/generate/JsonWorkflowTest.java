package dev.weft.compiler.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedClasses;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.JsonWorkflow;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.WorkflowListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every generated class's public {@code JSON} constant runs the workflow with JSON inputs and outputs over real
 * HTTP, as the typed {@code run} does: secret inputs stay secret, inputs that do not fit fail before any request.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one compilation and one server for all tests
class JsonWorkflowTest {
    private static final String KEY = "json-entry-key-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT = String.join(
            "\n",
            "arazzo: 1.0.1",
            "info: {title: json entry point, version: '1'}",
            "sourceDescriptions:",
            "- {name: items, url: ./items.openapi.yaml}",
            "workflows:",
            "- workflowId: read-item",
            "  inputs:",
            "    type: object",
            "    required: [id, apiKey]",
            "    properties:",
            "      id: {type: string}",
            "      apiKey: {type: string}",
            "      verbose: {type: boolean}",
            "  steps:",
            "  - stepId: read",
            "    operationId: getItem",
            "    parameters:",
            "    - {name: id, in: path, value: $inputs.id}",
            "    - {name: X-Trace, in: header, value: $inputs.apiKey}",
            "    successCriteria:",
            "    - condition: $statusCode == 200",
            "    outputs:",
            "      name: $response.body#/name",
            "  outputs:",
            "    name: $steps.read.outputs.name",
            "");

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private URLClassLoader loader;
    private JsonWorkflow workflow;
    private ArazzoClient client;

    @BeforeAll
    void compileAndServe(@TempDir Path work) throws IOException, ReflectiveOperationException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            // a server that echoes the credential it got, as a careless one might in an error body
            boolean fail = path.endsWith("/fail");
            byte[] answer = (fail
                            ? "{\"error\":\"bad trace "
                                    + exchange.getRequestHeaders().getFirst("X-Trace") + "\"}"
                            : "{\"name\":\"item " + path.substring(path.lastIndexOf('/') + 1) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        Files.copy(
                Path.of("src/test/resources/fixtures/openapi/items.openapi.yaml"), work.resolve("items.openapi.yaml"));
        Path document = work.resolve("read.arazzo.yaml");
        Files.writeString(document, DOCUMENT, StandardCharsets.UTF_8);
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(document)
                .packageName("json.entry")
                .build());
        assertEquals(List.of(), result.errors());
        loader = GeneratedClasses.compile(result.files(), work);
        workflow = JsonWorkflow.of(loader.loadClass("json.entry.ReadItemWorkflow"));
        client = ArazzoClient.builder()
                .server("items", "http://127.0.0.1:" + server.getAddress().getPort() + "/api")
                .listener(WorkflowListener.NONE)
                .build();
    }

    @BeforeEach
    void forgetRequests() {
        requests.clear();
    }

    @AfterAll
    void stop() throws IOException {
        server.stop(0);
        loader.close();
    }

    @Test
    void runsWithJsonInputsAndOutputs() throws Exception {
        ObjectNode outputs = workflow.run(client, inputs("{\"id\":\"7\",\"apiKey\":\"" + KEY + "\"}"));
        ObjectNode async = workflow.runAsync(client, inputs("{\"id\":\"8\",\"apiKey\":\"" + KEY + "\"}"))
                .get(10, TimeUnit.SECONDS);

        assertEquals(inputs("{\"name\":\"item 7\"}"), outputs);
        assertEquals(inputs("{\"name\":\"item 8\"}"), async);
        assertEquals(List.of("/api/items/7", "/api/items/8"), requests);
        assertEquals("read-item", workflow.workflowId());
    }

    @Test
    void theConstantIsTheClassesJsonForm() throws ReflectiveOperationException {
        Class<?> type = loader.loadClass("json.entry.ReadItemWorkflow");

        assertSame(type.getField(JsonWorkflow.FIELD).get(null), workflow);
        IllegalArgumentException notGenerated =
                assertThrows(IllegalArgumentException.class, () -> JsonWorkflow.of(String.class));
        assertTrue(notGenerated.getMessage().contains("java.lang.String is not a generated workflow class"));
    }

    @Test
    void aSecretInputIsRedactedFromFailures() throws IOException {
        JsonNode secret = inputs("{\"id\":\"fail\",\"apiKey\":\"" + KEY + "\"}");

        WorkflowException blocking = assertThrows(WorkflowException.class, () -> workflow.run(client, secret));
        CompletionException async = assertThrows(
                CompletionException.class,
                () -> workflow.runAsync(client, secret).join());

        for (Throwable failure : List.of(blocking, async.getCause())) {
            assertTrue(failure instanceof WorkflowException, String.valueOf(failure));
            String text = failure.getMessage() + " " + ((WorkflowException) failure).responseExcerpt();
            assertTrue(text.contains("bad trace"), text);
            assertFalse(text.contains(KEY), text);
        }
    }

    @Test
    void inputsThatDoNotFitFailBeforeAnyRequest() throws IOException {
        IllegalArgumentException missing = assertThrows(
                IllegalArgumentException.class, () -> workflow.run(client, inputs("{\"apiKey\":\"" + KEY + "\"}")));
        IllegalArgumentException allMissing =
                assertThrows(IllegalArgumentException.class, () -> workflow.run(client, inputs("{}")));
        IllegalArgumentException notAnObject =
                assertThrows(IllegalArgumentException.class, () -> workflow.runAsync(client, inputs("[1, 2]")));
        IllegalArgumentException wrongType = assertThrows(
                IllegalArgumentException.class,
                () -> workflow.run(client, inputs("{\"id\":\"1\",\"apiKey\":\"" + KEY + "\",\"verbose\":[true]}")));

        assertTrue(
                missing.getMessage().contains("input 'id' of workflow 'read-item' is required"), missing.getMessage());
        assertEquals(
                "inputs 'id', 'apiKey' of workflow 'read-item' are required",
                allMissing.getMessage(),
                "one failure names every missing input");
        assertEquals("the inputs of workflow 'read-item' must be a JSON object, found array", notAnObject.getMessage());
        assertTrue(wrongType.getMessage().startsWith("the inputs of workflow 'read-item' do not fit: expected"));
        assertFalse(wrongType.getMessage().contains(KEY));
        assertEquals(List.of(), requests);
    }

    private static JsonNode inputs(String json) throws IOException {
        return JSON.readTree(json);
    }
}
