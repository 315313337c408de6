package dev.weft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.JsonWorkflow;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Arazzo 1.1 Selector Objects of {@code fixtures/arazzo11/selectors.arazzo.yaml}, compiled by Weft and javac
 * ({@code -Xlint:all -Werror}) and run over real HTTP against a JDK server on 127.0.0.1 that answers an order in JSON
 * and an invoice in XML: JSONPath, JSON Pointer and XPath 1.0 selectors in outputs, a query parameter, a payload
 * and replacement values, JSONPath replacement targets, and an XPath 1.0 criterion. This module's test class path
 * has no XPath engine, so the XPaths are the JDK's; {@code arazzo-xpath} runs the XPath 3.1 fixture.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Arazzo11SelectorsTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/arazzo11/selectors.arazzo.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String ORDER = "{\"order\": {\"id\": \"o-1\", \"customer\": {\"email\": \"a@example.com\"},"
            + " \"items\": [{\"sku\": \"A\", \"qty\": 1, \"shipped\": true},"
            + " {\"sku\": \"B\", \"qty\": 2, \"shipped\": true}]}}";
    static final String INVOICE = "<Invoice><Header><InvoiceNumber>INV-42</InvoiceNumber><Total>12.5</Total>"
            + "</Header><Lines><Line>first</Line><Line>second</Line></Lines></Invoice>";

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query)
                + (body.isEmpty() ? "" : " " + body));
        boolean xml = path.equals("/invoice");
        byte[] bytes = (xml ? INVOICE : path.startsWith("/orders/") ? ORDER : "{}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", xml ? "application/xml" : "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void selectorsSelectFromJsonAndXmlOverHttp() throws Exception {
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(FIXTURE)
                .packageName("e2e.selectors")
                .build());
        assertEquals(
                List.of(),
                result.diagnostics().stream().map(Diagnostic::toString).toList());

        ClassLoader loader = Arazzo11EndToEndTest.compileAndLoad(result.files());
        ArazzoClient client = ArazzoClient.builder()
                .server("shop", "http://127.0.0.1:" + server.getAddress().getPort())
                .build();
        ObjectNode outputs = JsonWorkflow.of(loader.loadClass("e2e.selectors.SelectorsWorkflow"))
                .run(client, JSON.createObjectNode().put("orderId", "o-1"));

        Class<?> record = loader.loadClass("e2e.selectors.SelectorsWorkflow$Outputs");
        for (String selected : List.of("email", "skus", "lines")) {
            assertEquals(JsonNode.class, record.getMethod(selected).getReturnType(), selected);
        }
        assertEquals("a@example.com", outputs.get("email").asText(), outputs::toString);
        assertEquals(JSON.readTree("[\"A\", \"B\"]"), outputs.get("skus"));
        assertEquals(1, outputs.get("firstQty").asInt());
        assertEquals("INV-42", outputs.get("number").asText());
        assertEquals(2, outputs.get("lineCount").asInt());
        assertEquals(JSON.readTree("[\"first\", \"second\"]"), outputs.get("lines"));
        assertEquals(3, received.size(), received::toString);
        String ship = received.get(2);
        assertEquals("POST /ship?invoice=INV-42", ship.substring(0, ship.indexOf(' ', 5)));
        JsonNode sent = JSON.readTree(ship.substring(ship.indexOf('{')));
        assertEquals(
                JSON.readTree("{\"email\": \"a@example.com\", \"items\": [{\"sku\": \"A\", \"qty\": 1, \"shipped\":"
                        + " false}, {\"sku\": \"B\", \"qty\": 1, \"shipped\": false}], \"note\": \"12.5\"}"),
                sent);
    }

    @Test
    void xpath31WithoutTheEngineIsABuildErrorNamingTheDependency() {
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(FIXTURE.resolveSibling("selectors-xpath31.arazzo.yaml"))
                .packageName("e2e.saxon")
                .build());
        List<Diagnostic> missing = result.errors().stream()
                .filter(d -> d.code() == DiagnosticCode.XPATH_ENGINE_MISSING)
                .toList();
        // the criterion and two selectors of the default version are no XPath 1.0; three declare 2.0, 3.0, 3.1
        assertEquals(7, missing.size(), result.diagnostics().toString());
        assertEquals(missing, result.errors(), "nothing else is wrong with the document");
        assertTrue(result.files().isEmpty());
        for (Diagnostic d : missing) {
            assertTrue(
                    d.message().contains("'dev.weft:arazzo-xpath:0.1.0-SNAPSHOT'")
                            && d.message().contains("'net.sf.saxon:Saxon-HE:12.5'"),
                    d.message());
        }
    }
}
