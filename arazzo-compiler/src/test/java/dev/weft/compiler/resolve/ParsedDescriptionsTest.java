package dev.weft.compiler.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A parsed description is reused across compilations until one of the files it was read from changes. */
class ParsedDescriptionsTest {
    @TempDir
    Path dir;

    @Test
    void aChangeToAReferencedFileIsSeen() throws IOException {
        Workspace ws = new Workspace(dir);
        ws.write("api.openapi.yaml", """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /thing:
                    get:
                      operationId: getThing
                      responses:
                        '200':
                          description: ok
                          content: {application/json: {schema: {$ref: 'thing.yaml#/Thing'}}}
                """);
        Path thing = ws.write("thing.yaml", "Thing: {type: string}\n");
        Path arazzo = ws.arazzo("api.openapi.yaml", "getThing");

        OperationRef first = Workspace.target(ws.resolve(arazzo, Map.of())).orElseThrow();
        OperationRef again = Workspace.target(ws.resolve(arazzo, Map.of())).orElseThrow();
        assertSame(first.api(), again.api(), "nothing changed: parsed once");

        Files.writeString(thing, "Thing: {type: integer}\n");
        Files.setLastModifiedTime(
                thing, FileTime.fromMillis(Files.getLastModifiedTime(thing).toMillis() + 5_000));
        OperationRef changed = Workspace.target(ws.resolve(arazzo, Map.of())).orElseThrow();

        assertEquals(List.of(), ws.errors());
        assertNotSame(first.api(), changed.api());
        assertEquals("string", type(first));
        assertEquals("integer", type(changed));
    }

    private static String type(OperationRef op) {
        Schema<?> schema = op.operation()
                .getResponses()
                .get("200")
                .getContent()
                .get("application/json")
                .getSchema();
        return Schemas.resolve(op.api(), schema).getType();
    }
}
