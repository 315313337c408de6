package dev.weft.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.weft.compiler.cli.Weft.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code weft run --check}: the generated workflow run against a fake pets server on 127.0.0.1 with the run-time
 * checks of {@code arazzo-runtime-checks} (found through ServiceLoader): an error fails the step, and the
 * generated {@code onFailure} action sees it; a warning is printed and the run goes on; without the module the
 * option says what is missing.
 */
@Timeout(120)
class CommandLineCheckTest {
    static final Path PETS = Path.of("src/test/resources/cli/checks/pets.arazzo.yaml");
    static final String CAT = "{\"petType\":\"cat\",\"name\":\"Tom\",\"lives\":9}";

    /** The replies by pet id: status, content type, body, whether X-Request-Id is sent. */
    record Reply(int status, String contentType, String body, boolean requestId) {}

    static final Map<String, Reply> REPLIES = Map.of(
            "good", new Reply(200, "application/json", CAT, true),
            "teapot", new Reply(418, "application/json", "{}", true),
            "html", new Reply(200, "text/html", "<p>Tom</p>", true),
            "bad",
                    new Reply(
                            200, "application/json", "{\"petType\":\"cat\",\"name\":\"Tom\",\"lives\":\"nine\"}", true),
            "noheader", new Reply(200, "application/json", CAT, false));

    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/pets/", exchange -> {
            Reply reply = REPLIES.getOrDefault(
                    exchange.getRequestURI().getPath().substring("/api/pets/".length()),
                    new Reply(404, "application/problem+json", "{\"title\":\"no such pet\"}", true));
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            if (reply.requestId()) {
                exchange.getResponseHeaders().add("X-Request-Id", "req-1");
            }
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Result run(String workflow, String petId, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                PETS.toString(),
                "-w",
                workflow,
                "--no-cache",
                "--server",
                "petsApi=http://127.0.0.1:" + server.getAddress().getPort() + "/api",
                "-i",
                "petId=" + petId));
        args.addAll(List.of(more));
        return Weft.run(args.toArray(String[]::new));
    }

    private static JsonNode outputs(Result result) throws IOException {
        return new ObjectMapper().readTree(result.out());
    }

    @Test
    void underErrorEachBrokenCheckFailsTheStep() {
        Map<String, String> broken = Map.of(
                "teapot", "STATUS_CODE_CHECK",
                "html", "CONTENT_TYPE_CHECK",
                "bad", "SCHEMA_CHECK",
                "noheader", "RESPONSE_HEADER_CHECK");
        broken.forEach((petId, check) -> {
            Result result = run("get-pet", petId, "--check");
            assertEquals(Main.FAILED, result.status(), result.toString());
            assertTrue(result.err().contains("! getPet  " + check + " (error): "), result.toString());
            assertTrue(result.err().contains("breaks run-time checks: " + check), result.toString());
        });
    }

    @Test
    void theGeneratedFailureActionSeesTheBrokenCheck() throws IOException {
        Result result = run("get-pet-or-fallback", "teapot", "--check");
        assertEquals(Main.OK, result.status(), result.toString());
        assertTrue(
                result.err().contains("! getPet  STATUS_CODE_CHECK (error): status 418 is not declared"),
                result.toString());
        assertEquals("Tom", outputs(result).path("fallbackName").asText(), result.toString());
        // a response as described: the step succeeds and the workflow ends
        Result good = run("get-pet-or-fallback", "good", "--check");
        assertEquals(Main.OK, good.status(), good.toString());
        assertEquals("Tom", outputs(good).path("name").asText(), good.toString());
        assertFalse(good.err().contains("! "), good.toString());
    }

    @Test
    void underWarnTheFindingIsPrintedAndTheRunGoesOn() throws IOException {
        for (String spec : List.of("SCHEMA_CHECK=warn", "{\"SCHEMA_CHECK\":\"warn\"}", "warn")) {
            Result result = run("get-pet", "bad", "--check", spec);
            assertEquals(Main.OK, result.status(), result.toString());
            assertTrue(
                    result.err().contains("! getPet  SCHEMA_CHECK (warn): the body does not fit"), result.toString());
            assertEquals("Tom", outputs(result).path("name").asText());
        }
    }

    @Test
    void offOrNoOptionSaysNothing() {
        for (String[] more :
                List.of(new String[] {"--check", "off"}, new String[] {"--check", "SCHEMA_CHECK=off"}, new String[0])) {
            Result result = run("get-pet", "bad", more);
            assertEquals(Main.OK, result.status(), result.toString());
            assertFalse(result.err().contains("SCHEMA_CHECK"), result.toString());
        }
    }

    @Test
    void theOptionMayComeBeforeTheDocument() {
        Result result = Weft.run(
                "run",
                "--check",
                PETS.toString(),
                "-w",
                "get-pet",
                "--no-cache",
                "--server",
                "petsApi=http://127.0.0.1:" + server.getAddress().getPort() + "/api",
                "-i",
                "petId=html");
        assertEquals(Main.FAILED, result.status(), result.toString());
        assertTrue(result.err().contains("CONTENT_TYPE_CHECK (error)"), result.toString());
    }

    @Test
    void anUnknownCheckIsAUsageError() {
        Result result = run("get-pet", "good", "--check", "SCHEMA_CHEK=warn");
        assertEquals(Main.USAGE, result.status(), result.toString());
        assertTrue(result.err().contains("--check: unknown check 'SCHEMA_CHEK'"), result.toString());
    }

    @Test
    void withoutTheModuleTheOptionSaysWhatIsMissing() throws IOException {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> ResponseCheckOption.load(PETS, "", bare));
            assertEquals(ResponseCheckOption.ABSENT, e.getMessage());
        }
    }
}
