package dev.weft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.weft.compiler.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Weft now accepts with a warning does at run time what the warning says, over real HTTP: a
 * required body left out is not sent, a Redocly {@code $faker} expression is sent as written, a dotted
 * member read reads the member, and an unset path parameter fails the step naming it.
 */
class AcceptedAtRunTimeTest {
    private static final String DOCUMENT = String.join(
            "\n",
            "arazzo: 1.0.1",
            "info: {title: accepted at run time, version: '1'}",
            "sourceDescriptions:",
            "- {name: items, url: ./items.openapi.yaml}",
            "workflows:",
            "- workflowId: relaxed",
            "  inputs:",
            "    type: object",
            "    properties:",
            "      user: {type: object, properties: {name: {type: string}}}",
            "  steps:",
            "  - stepId: create",
            "    operationId: createItem",
            "    parameters:",
            "    - {name: X-Name, in: header, value: $faker.person.firstName}",
            "    - {name: X-User, in: header, value: $inputs.user.name}",
            "  - stepId: read",
            "    operationId: getItem",
            "");

    @TempDir
    Path work;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                            + " name=" + exchange.getRequestHeaders().getFirst("X-Name")
                            + " user=" + exchange.getRequestHeaders().getFirst("X-User")
                            + " contentType=" + exchange.getRequestHeaders().getFirst("Content-Type")
                            + " body=" + body.length);
            byte[] answer = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    @Timeout(60)
    void warnedFormsBehaveAsTheirWarningsSay() throws IOException {
        Files.copy(
                Path.of("src/test/resources/fixtures/openapi/items.openapi.yaml"), work.resolve("items.openapi.yaml"));
        Path document = work.resolve("relaxed.arazzo.yaml");
        Files.writeString(document, DOCUMENT, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Main.run(
                new String[] {
                    "run",
                    "--verbose", // the warnings too
                    document.toString(),
                    "--workflow",
                    "relaxed",
                    "--input",
                    "user={\"name\":\"ada\"}",
                    "--server",
                    "items=http://127.0.0.1:" + server.getAddress().getPort() + "/api"
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String errors = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, errors);
        assertTrue(errors.contains("[missing-request-body]"), errors);
        assertTrue(errors.contains("[missing-path-parameter]"), errors);
        assertTrue(errors.contains("path parameter 'id' of step 'read' has no value"), errors);
        assertEquals(
                List.of("POST /api/items name=$faker.person.firstName user=ada contentType=null body=0"), requests);
    }
}
