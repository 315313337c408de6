package dev.weft.compiler.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * References inside OpenAPI descriptions are followed on disk only: a remote one is an error pointing
 * at source mappings, or is read from the mapped file, and in no case is a connection opened. The
 * server here counts every connection and never answers, as a host that hangs would.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class NoNetworkTest {
    private static final String API = """
            openapi: %s
            info: {title: pets, version: '1'}
            paths:
              /pets/{id}:
                get:
                  operationId: getPet
                  parameters:
                  - {name: id, in: path, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: a pet
                      content:
                        application/json:
                          schema: {$ref: '%s'}
            """;

    @TempDir
    Path dir;

    private ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> held = new ArrayList<>();
    private Workspace ws;

    @BeforeEach
    void start() throws IOException {
        ws = new Workspace(dir);
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    synchronized (held) {
                        held.add(socket); // never answered
                    }
                } catch (IOException e) {
                    return;
                }
            }
        });
        accept.setDaemon(true);
        accept.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        synchronized (held) {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private String remote(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    @Test
    void aRemoteRefIsAnErrorNamingItAndSourceMappingsWithoutAnyConnection() {
        for (String version : List.of("3.0.3", "3.1.0", "3.2.0")) {
            Workspace w = new Workspace(dir.resolve(version));
            String ref = remote("/schemas.yaml#/Pet");
            w.write("api.openapi.yaml", API.formatted(version, ref));
            long start = System.nanoTime();
            ResolvedDocument resolved = w.resolve(w.arazzo("api.openapi.yaml", "getPet"), Map.of());

            List<Diagnostic> errors = w.errors(DiagnosticCode.INVALID_SOURCE_DESCRIPTION);
            assertEquals(1, errors.size(), version + ": " + w.errors());
            String message = errors.get(0).message();
            assertTrue(message.contains(ref) && message.contains("sourceMappings"), message);
            assertTrue(message.contains("#/paths/~1pets~1{id}/get/responses/200"), "says where: " + message);
            assertTrue(Workspace.target(resolved).isEmpty());
            assertTrue((System.nanoTime() - start) < TimeUnit.SECONDS.toNanos(5), "no wait for the host");
        }
        assertEquals(0, connections.get(), "connections to the host of the remote $ref");
    }

    @Test
    void aMappedRemoteRefIsReadFromTheMappedFile() {
        String ref = remote("/shared/schemas.yaml#/Pet");
        ws.write("api.openapi.yaml", API.formatted("3.1.0", ref));
        Path copy = ws.write("cache/schemas.yaml", """
                Pet:
                  type: object
                  properties:
                    name: {type: string}
                    tag: {$ref: 'tag.yaml#/Tag'}
                """);
        ws.write("cache/tag.yaml", "Tag: {type: object, properties: {label: {type: string}}}\n");

        ResolvedDocument resolved =
                ws.resolve(ws.arazzo("api.openapi.yaml", "getPet"), Map.of(remote("/shared/schemas.yaml"), copy));

        assertEquals(List.of(), ws.errors());
        OperationRef op = Workspace.target(resolved).orElseThrow();
        Schema<?> pet = responseSchema(op);
        assertEquals("string", type(op, pet.getProperties().get("name")));
        Schema<?> tag = Schemas.resolve(op.api(), pet.getProperties().get("tag"));
        assertEquals("string", type(op, tag.getProperties().get("label")));
        assertEquals(0, connections.get());
    }

    @Test
    void relativeRefsAreReadFromDiskAcrossFiles() {
        for (String version : List.of("3.0.3", "3.1.0", "3.2.0")) {
            Workspace w = new Workspace(dir.resolve(version));
            w.write("openapi/api.openapi.yaml", API.formatted(version, "schemas/pet.yaml#/Pet"));
            w.write("openapi/schemas/pet.yaml", """
                    Pet:
                      type: object
                      properties:
                        name: {type: string}
                        tag: {$ref: '#/Tag'}
                        error: {$ref: '../common.json#/Error'}
                    Tag: {type: object, properties: {label: {type: string}}}
                    """);
            w.write(
                    "openapi/common.json",
                    "{\"Error\": {\"type\": \"object\", \"properties\": {\"code\": {\"type\": \"integer\"}}}}");

            ResolvedDocument resolved = w.resolve(w.arazzo("openapi/api.openapi.yaml", "getPet"), Map.of());

            assertEquals(List.of(), w.errors(), version);
            OperationRef op = Workspace.target(resolved).orElseThrow();
            Schema<?> pet = responseSchema(op);
            Schema<?> tag = Schemas.resolve(op.api(), pet.getProperties().get("tag"));
            assertEquals("string", type(op, tag.getProperties().get("label")), version);
            Schema<?> error = Schemas.resolve(op.api(), pet.getProperties().get("error"));
            assertEquals("integer", type(op, error.getProperties().get("code")), version);
        }
    }

    @Test
    void swagger2RefsAreBundledToo() {
        String swagger = """
                swagger: '2.0'
                info: {title: pets, version: '1'}
                paths:
                  /pets/{id}:
                    get:
                      operationId: getPet
                      parameters:
                      - {$ref: 'parts.yaml#/Id'}
                      responses:
                        '200': {description: a pet, schema: {$ref: '%s'}}
                """;
        ws.write(
                "parts.yaml",
                "Id: {name: id, in: path, required: true, type: string}\n"
                        + "Pet: {type: object, properties: {name: {type: string}}}\n");
        ws.write("api.openapi.yaml", swagger.formatted("parts.yaml#/Pet"));
        OperationRef op = Workspace.target(ws.resolve(ws.arazzo("api.openapi.yaml", "getPet"), Map.of()))
                .orElseThrow();
        assertEquals(List.of(), ws.errors());
        assertEquals("id", op.parameters().get(0).getName());
        assertEquals("string", type(op, responseSchemaOf2(op).getProperties().get("name")));

        Workspace remote = new Workspace(dir.resolve("remote"));
        remote.write(
                "api.openapi.yaml",
                swagger.formatted(remote("/defs.yaml#/Pet")).replace("parts.yaml", remote("/p.yaml")));
        remote.resolve(remote.arazzo("api.openapi.yaml", "getPet"), Map.of());
        assertEquals(
                1,
                remote.errors(DiagnosticCode.INVALID_SOURCE_DESCRIPTION).size(),
                remote.errors().toString());
        assertEquals(0, connections.get());
    }

    private static Schema<?> responseSchemaOf2(OperationRef op) {
        var content = op.operation().getResponses().get("200").getContent();
        return Schemas.resolve(op.api(), content.values().iterator().next().getSchema());
    }

    @Test
    void aRefOutsideTheAllowedFoldersIsRefused() {
        Path outside = dir.resolve("elsewhere/secret.yaml");
        new Workspace(dir).write("elsewhere/secret.yaml", "Pet: {type: string}\n");
        Workspace w = new Workspace(dir.resolve("project"));
        w.write("api.openapi.yaml", API.formatted("3.0.3", outside.toUri() + "#/Pet"));

        w.resolve(w.arazzo("api.openapi.yaml", "getPet"), Map.of());

        List<Diagnostic> errors = w.errors(DiagnosticCode.INVALID_SOURCE_DESCRIPTION);
        assertEquals(1, errors.size(), w.errors().toString());
        assertTrue(
                errors.get(0).message().contains("outside the folders"),
                errors.get(0).message());
    }

    @Test
    void aRefThatLeadsNowhereSaysSo() {
        ws.write("api.openapi.yaml", API.formatted("3.0.3", "missing.yaml#/Pet"));
        ws.resolve(ws.arazzo("api.openapi.yaml", "getPet"), Map.of());
        assertEquals(1, ws.errors().size(), ws.errors().toString());
        assertEquals(DiagnosticCode.MISSING_FILE, ws.errors().get(0).code());
    }

    private static Schema<?> responseSchema(OperationRef op) {
        Schema<?> schema = op.operation()
                .getResponses()
                .get("200")
                .getContent()
                .get("application/json")
                .getSchema();
        return Schemas.resolve(op.api(), schema);
    }

    private static String type(OperationRef op, Schema<?> schema) {
        Schema<?> resolved = Schemas.resolve(op.api(), schema);
        if (resolved.getType() != null) {
            return resolved.getType();
        }
        return resolved.getTypes() == null
                ? null
                : resolved.getTypes().iterator().next();
    }
}
