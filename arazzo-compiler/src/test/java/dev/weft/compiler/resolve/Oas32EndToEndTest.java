package dev.weft.compiler.resolve;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedFile;
import dev.weft.runtime.ArazzoClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The OpenAPI 3.2 fixture's workflow, compiled by Weft and javac, run over real HTTP against a JDK
 * server on 127.0.0.1: the {@code query} operation is sent as QUERY with its body, the custom
 * {@code additionalOperations} method as PURGE, and the {@code querystring} operation's parameters in
 * the query string.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Oas32EndToEndTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/good/openapi32.arazzo.yaml");

    /** What the server received: method, path, query, header, body. */
    record Received(String method, String path, String query, String olderThan, String body) {}

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(
                method,
                path,
                exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Older-Than"),
                body));
        String answer = method.equals("QUERY") && path.equals("/api/items")
                ? "{\"count\": 3}"
                : method.equals("GET") && path.equals("/api/items/search") ? "{\"first\": \"fox\"}" : null;
        int status = method.equals("PURGE") && path.equals("/api/items") ? 204 : answer == null ? 404 : 200;
        if (answer == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void theGeneratedClassCallsQueryCustomAndQuerystringOperations() throws Exception {
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(FIXTURE)
                .packageName("e2e.oas32")
                .build());
        assertEquals(List.of(), result.diagnostics(), "no errors and no warnings");

        ClassLoader loader = compileAndLoad(result.files());
        Class<?> workflow = loader.loadClass("e2e.oas32.QuerySearchPurgeWorkflow");
        Class<?> inputs = loader.loadClass("e2e.oas32.QuerySearchPurgeWorkflow$Inputs");
        Object builder = inputs.getMethod("builder").invoke(null);
        builder = builder.getClass().getMethod("text", String.class).invoke(builder, "red fox");
        builder = builder.getClass().getMethod("q", String.class).invoke(builder, "red");
        Object in = builder.getClass().getMethod("build").invoke(builder);
        ArazzoClient client = ArazzoClient.builder()
                .server("search", "http://127.0.0.1:" + server.getAddress().getPort() + "/api")
                .build();

        Object instance = workflow.getConstructor(ArazzoClient.class).newInstance(client);
        Object outputs = workflow.getMethod("run", inputs).invoke(instance, in);

        assertEquals(3L, outputs.getClass().getMethod("count").invoke(outputs));
        assertEquals("fox", outputs.getClass().getMethod("first").invoke(outputs));
        assertEquals(3, received.size(), received.toString());
        Received query = received.get(0);
        assertEquals("QUERY", query.method());
        assertEquals("/api/items", query.path());
        assertEquals("{\"text\":\"red fox\"}", query.body());
        Received search = received.get(1);
        assertEquals("GET", search.method());
        assertEquals("/api/items/search", search.path());
        assertEquals("q=red&limit=5", search.query());
        Received purge = received.get(2);
        assertEquals("PURGE", purge.method());
        assertEquals("/api/items", purge.path());
        assertEquals("30d", purge.olderThan());
        assertTrue(purge.body().isEmpty(), purge.body());
    }

    /** Compiles the generated sources in memory and loads them over the test's own class path. */
    private static ClassLoader compileAndLoad(List<GeneratedFile> files) throws IOException {
        List<JavaFileObject> sources = new ArrayList<>();
        for (GeneratedFile file : files) {
            sources.add(JavaFileObjects.forSourceString(file.qualifiedName(), file.source()));
        }
        Compilation compilation = javac().withOptions("-Xlint:all", "-Werror").compile(sources);
        assertEquals(
                Compilation.Status.SUCCESS,
                compilation.status(),
                compilation.diagnostics().toString());
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject generated : compilation.generatedFiles()) {
            if (generated.getKind() == JavaFileObject.Kind.CLASS) {
                String name = generated.getName().replaceFirst("^/?CLASS_OUTPUT/", "");
                name = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                try (InputStream in = generated.openInputStream()) {
                    classes.put(name, in.readAllBytes());
                }
            }
        }
        return new ClassLoader(Oas32EndToEndTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }
}
