package dev.weft.compiler.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedFile;
import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.model.ArazzoDocument;
import dev.weft.compiler.read.DocumentBinder;
import dev.weft.compiler.read.NodeReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents of one folder using one description share the model of what they use together, parsed once, and
 * compile to what each compiles to alone; a problem in the part one of them uses stays that document's.
 */
class SharedDescriptionTest {
    private static final String API = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '200':
                      description: ok
                      content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}
              /b:
                get:
                  operationId: getB
                  responses:
                    '200':
                      description: ok
                      content: {application/json: {schema: %s}}
              /c:
                get:
                  operationId: getC
                  responses: {'200': {description: ok}}
            components:
              schemas:
                A: {type: object, properties: {id: {type: string}}}
                B: {type: object, properties: {count: {type: integer}}}
            """;

    @TempDir
    Path dir;

    @Test
    void documentsShareOneModelAndCompileAsEachAlone() {
        Workspace ws = new Workspace(dir);
        ws.write("api.openapi.yaml", API.formatted("{$ref: '#/components/schemas/B'}"));
        Path a = document(ws, "a", "getA", "id");
        Path b = document(ws, "b", "getB", "count");

        Resolver together = new Resolver(new Diagnostics());
        List<ArazzoDocument> documents = List.of(bind(a), bind(b));
        documents.forEach(together::identify);
        OperationRef getA = Workspace.target(together.resolve(documents.get(0))).orElseThrow();
        OperationRef getB = Workspace.target(together.resolve(documents.get(1))).orElseThrow();
        assertSame(getA.api(), getB.api(), "one model for both documents");
        OperationRef alone = Workspace.target(new Resolver(new Diagnostics()).resolve(bind(a)))
                .orElseThrow();
        assertNotSame(getA.api(), alone.api(), "a document alone has the model of its own part");

        CompilationResult both = compile(a, b);
        List<GeneratedFile> each = new ArrayList<>(compile(a).files());
        each.addAll(compile(b).files());
        assertEquals(List.of(), both.errors());
        assertEquals(2, both.files().size());
        assertEquals(
                each.stream().map(GeneratedFile::source).toList(),
                both.files().stream().map(GeneratedFile::source).toList());
    }

    @Test
    void aProblemInThePartOneDocumentUsesStaysItsOwn() {
        Workspace ws = new Workspace(dir);
        ws.write("api.openapi.yaml", API.formatted("{$ref: 'missing.yaml#/B'}"));
        Path a = document(ws, "a", "getA", "id");
        Path b = document(ws, "b", "getB", "count");
        Path c = document(ws, "c", "getA", "id");

        List<Diagnostic> each = new ArrayList<>(compile(a).diagnostics());
        each.addAll(compile(b).diagnostics());
        each.addAll(compile(c).diagnostics());
        List<Diagnostic> together = compile(a, b, c).diagnostics();
        assertFalse(together.isEmpty(), "the missing file is reported");
        assertEquals(each.stream().sorted().toList(), together);
        assertEquals(List.of(), compile(a).diagnostics(), "getA's part is whole");
    }

    private static Path document(Workspace ws, String name, String operationId, String output) {
        return ws.write(name + ".arazzo.yaml", """
                arazzo: 1.0.1
                info: {title: t, version: '1'}
                sourceDescriptions:
                - {name: api, url: ./api.openapi.yaml, type: openapi}
                workflows:
                - workflowId: %s
                  steps:
                  - stepId: s
                    operationId: %s
                    successCriteria: [{condition: $statusCode == 200}]
                    outputs: {value: $response.body#/%s}
                """.formatted(name, operationId, output));
    }

    private static ArazzoDocument bind(Path file) {
        Diagnostics diagnostics = new Diagnostics();
        return new DocumentBinder(diagnostics)
                .bind(
                        file,
                        new NodeReader(diagnostics)
                                .read(file, Location.startOf(file))
                                .orElseThrow())
                .orElseThrow();
    }

    private static CompilationResult compile(Path... documents) {
        return ArazzoCompiler.compile(CompilationRequest.builder()
                .documents(List.of(documents))
                .packageName("shared")
                .sourceMappings(Map.of())
                .build());
    }
}
