package dev.weft.compiler.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OpenAPI 3.2 constructs resolve like any other operation, wherever they sit (behind a path item
 * reference, with path-level parameters), and malformed ones never crash the rewrite to 3.1.
 */
class Oas32ShapesTest {
    @TempDir
    Path dir;

    @Test
    void aQueryOperationBehindAPathItemReferenceKeepsThePathsParameters() {
        Workspace ws = new Workspace(dir);
        ws.write("api.openapi.yaml", """
                openapi: 3.2.0
                info: {title: t, version: '1'}
                paths:
                  /shelves/{shelf}/books:
                    $ref: '#/components/pathItems/Books'
                components:
                  pathItems:
                    Books:
                      parameters:
                      - {name: shelf, in: path, required: true, schema: {type: string}}
                      - name: page
                        in: querystring
                        content:
                          application/x-www-form-urlencoded:
                            schema: {type: object, properties: {after: {type: string}}}
                      query:
                        operationId: findBooks
                        responses: {'200': {description: ok}}
                """);
        OperationRef op = Workspace.target(ws.resolve(ws.arazzo("api.openapi.yaml", "findBooks"), Map.of()))
                .orElseThrow();
        assertEquals(List.of(), ws.errors());
        assertEquals("QUERY", op.method());
        assertEquals("/shelves/{shelf}/books", op.path());
        assertTrue(op.parameter("shelf", "path").isPresent(), op.parameters().toString());
        assertTrue(op.parameter("after", "query").isPresent(), op.parameters().toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "  /a:\n    query: [1]\n",
                "  /a:\n    additionalOperations: 5\n",
                "  /a:\n    additionalOperations: {PURGE: 5, '': {}}\n",
                "  /a:\n    $ref: 5\n",
                "  /a:\n    $ref: '#/components/pathItems/Missing'\n",
                "  /a:\n    get:\n      parameters: [{in: querystring, content: 5}, {in: querystring}]\n",
                "  /a:\n    parameters: {not: a list}\n"
                        + "    query: {parameters: [{$ref: '#/components/parameters/Q'}]}\n",
                "  /a:\n    get:\n      responses: {'200': {content: {a/b: {$ref: '#/components/mediaTypes/X'}}}}\n"
            })
    void malformed32ShapesNeverCrash(String path) {
        Workspace ws = new Workspace(dir);
        ws.write(
                "api.openapi.yaml",
                "openapi: 3.2.0\ninfo: {title: t, version: '1'}\npaths:\n" + path
                        + "components:\n  parameters: {Q: {name: q, in: querystring}}\n"
                        + "  mediaTypes: {X: {$ref: '#/components/mediaTypes/X'}}\n");
        ws.resolve(ws.arazzo("api.openapi.yaml", "nothing"), Map.of());
        for (Diagnostic d : ws.diagnostics.sorted()) {
            assertTrue(d.code() != DiagnosticCode.INTERNAL_ERROR, d.toString());
        }
        assertTrue(!ws.errors().isEmpty(), "the step names no operation");
    }
}
