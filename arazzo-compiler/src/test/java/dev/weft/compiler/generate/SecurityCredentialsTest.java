package dev.weft.compiler.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedClasses;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.Credential;
import dev.weft.runtime.WorkflowListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code generated for {@code accepted/security.arazzo.yaml} applies the client's credentials, bound by security
 * scheme name, where each operation requires the scheme and the step sends none of its alternatives itself, as a
 * server on 127.0.0.1 receives them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SecurityCredentialsTest {

    /** One request as the server saw it. */
    private record Seen(String path, String query, String authorization, String apiKey, String cookie) {}

    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private HttpServer server;
    private String base;

    @TempDir
    Path work;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            var h = exchange.getRequestHeaders();
            seen.add(new Seen(
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(),
                    h.getFirst("Authorization"),
                    h.getFirst("X-API-Key"),
                    h.getFirst("Cookie")));
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void generatedRequestsApplyTheCredentialsTheirOperationRequires() throws Exception {
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(Path.of("src/test/resources/fixtures/accepted/security.arazzo.yaml"))
                .packageName("security")
                .build());
        assertEquals(List.of(), result.errors());
        ArazzoClient client = ArazzoClient.builder()
                .server("secured", base)
                .listener(WorkflowListener.NONE)
                .credential("bearerAuth", Credential.bearer("tok-1234"))
                .credential("ApiKey", Credential.apiKey("key-5678"))
                .credential("CookieKey", Credential.apiKey("sid-9012"))
                .credential("basicAuth", Credential.basic("u", "pw-3456"))
                .build();
        try (URLClassLoader loader = GeneratedClasses.compile(result.files(), work)) {
            GeneratedClasses.run(loader, "security.SecurityWorkflow", client, new ObjectMapper().createObjectNode());
        }
        assertEquals(11, seen.size(), seen.toString());
        // profileSigned sends its own Authorization; profileBare gets the bound bearer token
        assertEquals(new Seen("/profile", null, "Bearer t", null, null), seen.get(0));
        assertEquals(new Seen("/profile", null, "Bearer tok-1234", null, null), seen.get(1));
        // listKeys accepts a header or a query key: a step sending either gets nothing more
        assertEquals(new Seen("/keys", "api_key=k", null, null, null), seen.get(2));
        assertEquals(new Seen("/keys", null, null, "k", null), seen.get(3));
        assertEquals(new Seen("/keys", null, null, "key-5678", null), seen.get(4));
        assertEquals(new Seen("/session", null, null, null, "sid=s"), seen.get(5));
        assertEquals(new Seen("/session", null, null, null, "sid=sid-9012"), seen.get(6));
        // getBoth needs an API key and basic: the step's own key stays, basic is added
        String basic = "Basic " + Base64.getEncoder().encodeToString("u:pw-3456".getBytes(StandardCharsets.UTF_8));
        assertEquals(new Seen("/both", null, basic, "k", null), seen.get(7));
        // security: [] requires nothing
        assertEquals(new Seen("/public", null, null, null, null), seen.get(8));
        // [{}, ApiKey]: optional, and the bound key is sent
        assertEquals(new Seen("/optional", null, null, "key-5678", null), seen.get(9));
        Seen tls = seen.get(10);
        assertNull(tls.authorization());
        assertTrue(tls.path().equals("/tls"), tls.toString());
    }
}
