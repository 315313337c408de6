package dev.weft.xpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedFile;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.JsonWorkflow;
import dev.weft.runtime.WorkflowListener;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiler's XPath 3.1 fixture ({@code fixtures/arazzo11/selectors-xpath31.arazzo.yaml}: selectors and a
 * criterion of XPath 2.0, 3.0 and the 1.1 default 3.1, and an XPath 3.1 replacement target in an XML payload),
 * compiled with this module on the compiler's class path, compiled by javac under {@code -Xlint:all -Werror}, and
 * run against an HTTP server on 127.0.0.1 that answers the invoice in XML; and the XPath 1.0 fixture beside it, whose
 * XPaths stay the JDK's although Saxon is there.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SaxonWorkflowTest {
    private static final Path FIXTURES = Path.of("../arazzo-compiler/src/test/resources/fixtures/arazzo11");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INVOICE = "<Invoice><Header><InvoiceNumber>INV-42</InvoiceNumber><Total>12.5</Total>"
            + "</Header><Lines><Line>first</Line><Line>second</Line></Lines></Invoice>";

    @TempDir
    Path work;

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath() + (body.isEmpty() ? "" : " " + body));
            if (exchange.getRequestURI().getPath().equals("/archive")) {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
                return;
            }
            byte[] bytes = INVOICE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void xpath31SelectorsCriteriaAndTargetsRunOverHttp() throws Exception {
        ObjectNode outputs;
        try (URLClassLoader loader = compile(FIXTURES.resolve("selectors-xpath31.arazzo.yaml"), "saxon31")) {
            outputs = JsonWorkflow.of(loader.loadClass("saxon31.Invoice31Workflow"))
                    .run(client(), JSON.createObjectNode());
        }
        assertEquals("INV-42", outputs.get("number").asText(), outputs::toString);
        assertEquals("first, second", outputs.get("joined").asText());
        assertEquals("INV-42", outputs.get("upper").asText());
        assertEquals(0, outputs.get("doubled").decimalValue().compareTo(new BigDecimal("25")), outputs::toString);
        assertEquals(JSON.readTree("[\"first\", \"second\"]"), outputs.get("lines"));
        assertEquals(2, received.size(), received::toString);
        assertEquals("GET /invoice", received.get(0));
        assertTrue(received.get(1).startsWith("POST /archive "), received::toString);
        assertTrue(received.get(1).contains("<Archive><Number>inv-42</Number></Archive>"), received::toString);
    }

    private ArazzoClient client() {
        return ArazzoClient.builder()
                .server("shop", "http://127.0.0.1:" + server.getAddress().getPort())
                .listener(WorkflowListener.NONE)
                .build();
    }

    /** A fixture compiled by Weft (no diagnostic at all), then by javac ({@code -Xlint:all -Werror}), and loaded. */
    private URLClassLoader compile(Path fixture, String packageName) throws Exception {
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(fixture)
                .packageName(packageName)
                .build());
        assertEquals(
                List.of(), result.diagnostics().stream().map(Object::toString).toList());
        Path classes = Files.createDirectories(work.resolve(packageName).resolve("classes"));
        List<String> options = new ArrayList<>(List.of(
                "-Xlint:all",
                "-Xlint:-processing",
                "-Werror",
                "-proc:none",
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                classes.toString()));
        for (GeneratedFile file : result.files()) {
            options.add(file.writeTo(work.resolve(packageName).resolve("src")).toString());
        }
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, messages, messages, options.toArray(String[]::new));
        assertEquals(0, status, messages.toString(StandardCharsets.UTF_8));
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, SaxonWorkflowTest.class.getClassLoader());
    }
}
