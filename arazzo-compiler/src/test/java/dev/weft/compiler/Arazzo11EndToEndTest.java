package dev.weft.compiler;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.weft.compiler.diagnostic.Severity;
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
 * An Arazzo 1.1 workflow compiled by Weft and javac and run over real HTTP against a JDK server on
 * 127.0.0.1: step {@code use} lists {@code make} in its dependsOn and runs after it although listed first;
 * {@code make} sends its {@code in: querystring} parameter as the whole query string; {@code slow} exceeds
 * its 300 ms {@code timeout}, fails, and its failure action goes to {@code fallback}. Workflow {@code handoff}
 * goes to workflow {@code target} with a goto action whose {@code parameters} are the target's inputs.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Arazzo11EndToEndTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/arazzo11/v11.arazzo.yaml");

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
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
        received.add(path + (query == null ? "" : "?" + query));
        String answer;
        if (path.equals("/slow")) {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer = "{}";
        } else if (path.equals("/search")) {
            answer = "{\"id\": \"7\"}";
        } else {
            answer = "{\"name\": \"item " + path.substring(path.lastIndexOf('/') + 1) + "\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException closedByTheClient) {
            // the slow step's client gave up: nothing to answer
        }
    }

    @Test
    void dependsOnQuerystringAndTimeoutWorkOverHttp() throws Exception {
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(FIXTURE)
                .packageName("e2e.v11")
                .build());
        assertEquals(
                List.of(),
                result.diagnostics().stream()
                        .filter(d -> d.severity() == Severity.ERROR)
                        .toList());

        ClassLoader loader = compileAndLoad(result.files());
        Class<?> workflow = loader.loadClass("e2e.v11.FeaturesWorkflow");
        Class<?> inputs = loader.loadClass("e2e.v11.FeaturesWorkflow$Inputs");
        Object in = inputs.getMethod("builder").invoke(null);
        in = in.getClass().getMethod("build").invoke(in);
        ArazzoClient client = ArazzoClient.builder()
                .server("api", "http://127.0.0.1:" + server.getAddress().getPort())
                .build();
        Object instance = workflow.getConstructor(ArazzoClient.class).newInstance(client);

        long start = System.nanoTime();
        Object outputs = workflow.getMethod("run", inputs).invoke(instance, in);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals("item 7", outputs.getClass().getMethod("used").invoke(outputs));
        assertEquals("item 9", outputs.getClass().getMethod("fallback").invoke(outputs));
        assertEquals(List.of("/search?q=a%20b&limit=2", "/items/7", "/slow", "/items/9"), received);
        assertTrue(millis < 1500, "the slow step was cut at its timeout, took " + millis + " ms");

        received.clear();
        Class<?> handoff = loader.loadClass("e2e.v11.HandoffWorkflow");
        Class<?> handoffInputs = loader.loadClass("e2e.v11.HandoffWorkflow$Inputs");
        Object none = handoffInputs.getMethod("builder").invoke(null);
        none = none.getClass().getMethod("build").invoke(none);
        Object running = handoff.getConstructor(ArazzoClient.class).newInstance(client);
        handoff.getMethod("run", handoffInputs).invoke(running, none);
        assertEquals(List.of("/search", "/items/7"), received, "the goto passed id 7 as the target's input");
    }

    /** Compiles the generated sources in memory and loads them over the test's own class path. */
    static ClassLoader compileAndLoad(List<GeneratedFile> files) throws IOException {
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
        return new ClassLoader(Arazzo11EndToEndTest.class.getClassLoader()) {
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
