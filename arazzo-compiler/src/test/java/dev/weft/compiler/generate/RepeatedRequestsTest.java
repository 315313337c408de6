package dev.weft.compiler.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedClasses;
import dev.weft.compiler.GeneratedFile;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.JsonWorkflow;
import dev.weft.runtime.PollPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step that runs again in one execution (a goto back, a retry) keeps the request it built while the step outputs
 * it reads keep their values, and builds a new one as soon as one changes: over real HTTP, blocking and not, the
 * server sees each visit's own path and headers. Steps that run once keep nothing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RepeatedRequestsTest {
    private static final String DOCUMENT = String.join(
            "\n",
            "arazzo: 1.0.1",
            "info: {title: loops, version: '1'}",
            "sourceDescriptions:",
            "- {name: items, url: ./items.openapi.yaml}",
            "workflows:",
            "- workflowId: walk",
            "  inputs: {type: object, properties: {trace: {type: string}}}",
            "  steps:",
            "  - stepId: create",
            "    operationId: createItem",
            "    requestBody: {payload: {name: $inputs.trace}}",
            "    successCriteria: [{condition: $statusCode == 201}]",
            "    outputs: {id: $response.body#/id, tag: $response.body#/tag}",
            "  - stepId: poll",
            "    operationId: getItem",
            "    parameters:",
            "    - {name: id, in: path, value: $steps.create.outputs.id}",
            "    - {name: X-Trace, in: header, value: 'poll {$inputs.trace} of {$steps.create.outputs.tag}'}",
            "    successCriteria: [{condition: $statusCode == 200}]",
            "    onSuccess:",
            "    - name: waiting",
            "      type: goto",
            "      stepId: poll",
            "      criteria: [{condition: $response.body#/status == 'waiting'}]",
            "    - {name: more, type: goto, stepId: create, criteria: [{condition: $response.body#/status == 'more'}]}",
            "    outputs: {last: $response.body#/id}",
            "  - stepId: summary",
            "    operationId: getItem",
            "    parameters: [{name: id, in: path, value: $steps.poll.outputs.last}]",
            "  outputs: {last: $steps.poll.outputs.last}",
            "");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger created = new AtomicInteger();
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        Files.copy(
                Path.of("src/test/resources/fixtures/openapi/items.openapi.yaml"), work.resolve("items.openapi.yaml"));
        Files.writeString(work.resolve("loops.arazzo.yaml"), DOCUMENT, StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String trace = exchange.getRequestHeaders().getFirst("X-Trace");
            requests.add(exchange.getRequestMethod() + " " + path + (trace == null ? "" : " [" + trace + "]"));
            String body;
            int status;
            if (exchange.getRequestMethod().equals("POST")) {
                exchange.getRequestBody().readAllBytes();
                status = 201;
                int id = created.incrementAndGet();
                body = "{\"id\":\"" + id + "\",\"tag\":\"tag" + id + "\"}";
            } else {
                String id = path.substring(path.lastIndexOf('/') + 1);
                int seen = polls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                // each item waits once, then asks for another until the third
                String state = seen < 2 ? "waiting" : id.equals("3") ? "done" : "more";
                status = 200;
                body = "{\"id\":\"" + id + "\",\"status\":\"" + state + "\"}";
            }
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static final List<String> EXPECTED = List.of(
            "POST /api/items",
            "GET /api/items/1 [poll t of tag1]",
            "GET /api/items/1 [poll t of tag1]",
            "POST /api/items",
            "GET /api/items/2 [poll t of tag2]",
            "GET /api/items/2 [poll t of tag2]",
            "POST /api/items",
            "GET /api/items/3 [poll t of tag3]",
            "GET /api/items/3 [poll t of tag3]",
            "GET /api/items/3");

    @Test
    void eachVisitSendsWhatItsValuesAreAtThatVisit() throws Exception {
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(work.resolve("loops.arazzo.yaml"))
                .packageName("loops")
                .build());
        assertEquals(List.of(), result.errors());
        String source = result.files().stream()
                .filter(f -> f.qualifiedName().equals("loops.WalkWorkflow"))
                .map(GeneratedFile::source)
                .findFirst()
                .orElseThrow();
        assertTrue(source.contains("private StepRequest pollLastRequest;"), source);
        // two step outputs read: kept as an array, compared node by node
        assertTrue(source.contains("private JsonNode[] pollLastRequestFrom;"), source);
        assertTrue(source.contains("private StepRequest createLastRequest;"), source);
        assertFalse(source.contains("summaryLastRequest"), source);

        ArazzoClient client = ArazzoClient.builder()
                .server("items", "http://127.0.0.1:" + server.getAddress().getPort() + "/api")
                .pollPolicy(PollPolicy.noDelay())
                .build();
        JsonNode inputs = JSON.readTree("{\"trace\":\"t\"}");
        try (URLClassLoader loader = GeneratedClasses.compile(result.files(), work)) {
            assertEquals(
                    "3",
                    GeneratedClasses.run(loader, "loops.WalkWorkflow", client, inputs)
                            .get("last")
                            .asText());
            assertEquals(EXPECTED, requests);

            requests.clear();
            created.set(0);
            polls.clear();
            JsonWorkflow workflow = JsonWorkflow.of(loader.loadClass("loops.WalkWorkflow"));
            assertEquals(
                    "3",
                    workflow.runAsync(client, inputs)
                            .get(30, TimeUnit.SECONDS)
                            .get("last")
                            .asText());
            assertEquals(EXPECTED, requests);
        }
    }
}
