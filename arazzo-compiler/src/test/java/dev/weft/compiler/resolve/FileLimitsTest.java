package dev.weft.compiler.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import dev.weft.compiler.read.ReadLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenAPI files are read under the same kind of bounds as workflow documents, in time linear in their
 * size: what passes a bound is refused at once with a message naming it, and big real-sized
 * descriptions (YAML above Swagger Parser's own 3 MB limit, JSON of GitHub's size) are read.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FileLimitsTest {
    @TempDir
    Path dir;

    private Workspace ws;

    private static final String HEAD = """
            openapi: 3.0.3
            info: {title: big, version: '1'}
            paths:
              /ping:
                get:
                  operationId: ping
                  responses: {'200': {description: ok}}
            """;

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void billionLaughsInAnOpenApiFileIsRefused() {
        ws = new Workspace(dir);
        StringBuilder yaml =
                new StringBuilder(HEAD).append("x-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            yaml.append("x-a%d: &a%d [".formatted(i, i));
            yaml.append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1))));
            yaml.append("]\n");
        }
        ws.write("api.openapi.yaml", yaml.toString());

        ws.resolve(ws.arazzo("api.openapi.yaml", "ping"), Map.of());

        Diagnostic only = only(DiagnosticCode.MALFORMED_YAML);
        assertTrue(only.message().contains("values"), only.message());
        assertTrue(only.location().file().endsWith("api.openapi.yaml"), "located in the OpenAPI file: " + only);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aLongYamlLineIsRefusedAtOnceNamingTheLimit() {
        ws = new Workspace(dir);
        ws.write("api.openapi.yaml", HEAD + "x-long: " + "a".repeat(8 * 1024 * 1024) + "\n");

        ws.resolve(ws.arazzo("api.openapi.yaml", "ping"), Map.of());

        Diagnostic only = only(DiagnosticCode.MALFORMED_YAML);
        assertTrue(only.message().contains(ReadLimits.MAX_YAML_LINE + " characters"), only.message());
        assertEquals(8, only.location().line(), only.toString());
    }

    @Test
    void aLongStringInJsonIsReadInLinearTime() {
        ws = new Workspace(dir);
        String json = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"x-long\": \""
                + "a".repeat(20 * 1024 * 1024)
                + "\", \"paths\": {\"/ping\": {\"get\": {\"operationId\": \"ping\", \"responses\": "
                + "{\"200\": {\"description\": \"ok\"}}}}}}";
        ws.write("api.openapi.json", json);
        long start = System.nanoTime();

        ResolvedDocument resolved = ws.resolve(ws.arazzo("api.openapi.json", "ping"), Map.of());

        assertEquals(List.of(), ws.errors());
        assertTrue(Workspace.target(resolved).isPresent());
        System.out.printf("FileLimitsTest: 20 MB string in JSON read in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    @Test
    void yamlAboveThreeMegabytesIsRead() {
        ws = new Workspace(dir);
        StringBuilder yaml = new StringBuilder(HEAD);
        for (int i = 0; yaml.length() < 3_500_000; i++) {
            yaml.append("  /things/" + i + "/{id}:\n")
                    .append("    get:\n")
                    .append("      operationId: getThing" + i + "\n")
                    .append("      description: Reads thing " + i + ", with a description as real ones have.\n")
                    .append("      parameters:\n")
                    .append("      - {name: id, in: path, required: true, schema: {type: string}}\n")
                    .append("      responses:\n")
                    .append("        '200':\n")
                    .append("          description: the thing\n")
                    .append("          content:\n")
                    .append("            application/json:\n")
                    .append("              schema: {type: object, properties: {id: {type: string}}}\n");
        }
        String text = yaml.toString();
        ws.write("api.openapi.yaml", text);
        long start = System.nanoTime();

        ResolvedDocument resolved = ws.resolve(ws.arazzo("api.openapi.yaml", "getThing3000"), Map.of());

        assertEquals(List.of(), ws.errors());
        assertTrue(Workspace.target(resolved).isPresent());
        System.out.printf(
                "FileLimitsTest: %.1f MB of YAML read in %.1f s%n",
                text.length() / 1e6, (System.nanoTime() - start) / 1e9);
    }

    @Test
    void aDescriptionOfAnUnknownVersionGetsOneLine() {
        ws = new Workspace(dir);
        ws.write("api.openapi.yaml", HEAD.replace("3.0.3", "4.0.0"));
        ws.resolve(ws.arazzo("api.openapi.yaml", "ping"), Map.of());
        Diagnostic only = only(DiagnosticCode.INVALID_SOURCE_DESCRIPTION);
        assertTrue(
                only.message().contains("api.openapi.yaml") && only.message().contains("OpenAPI 4.0.0"),
                only.message());
        assertTrue(!only.message().contains("\n"), only.message());
    }

    @Test
    void anUnreadable32DescriptionGetsOneLineWithTheFirstReason() {
        ws = new Workspace(dir);
        ws.write("api.openapi.yaml", "openapi: 3.2.0\ninfo: {title: t, version: '1'}\npaths: [not, a, map]\n");
        ws.resolve(ws.arazzo("api.openapi.yaml", "ping"), Map.of());
        Diagnostic only = only(DiagnosticCode.INVALID_SOURCE_DESCRIPTION);
        String message = only.message();
        assertTrue(message.contains("api.openapi.yaml") && message.contains("OpenAPI 3.2.0"), message);
        assertTrue(!message.contains("\n") && !message.contains("swagger"), message);
    }

    private Diagnostic only(DiagnosticCode code) {
        List<Diagnostic> errors = ws.errors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(code, errors.get(0).code(), errors.toString());
        return errors.get(0);
    }
}
