package dev.weft.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code $response.body} pointers are walked through response schemas in time linear in the schema graph,
 * whatever its cycles (issue 10, item 8): a polymorphic {@code Pet} whose {@code Cat} is {@code allOf} the
 * {@code Pet} took minutes before; the answers stay those of a full walk.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SchemaWalkTest {
    @TempDir
    Path work;

    @Test
    void aPolymorphicSchemaIsWalkedOnceAndAnsweredRight() throws IOException {
        String schemas = String.join(
                "\n",
                "    Pet:",
                "      type: object",
                "      required: [petType]",
                "      properties: {petType: {type: string}}",
                "      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]",
                "      discriminator: {propertyName: petType}",
                "    Cat:",
                "      allOf: [{$ref: '#/components/schemas/Pet'}, {type: object, properties: {meows: {type: "
                        + "boolean}}}]",
                "    Dog:",
                "      allOf: [{$ref: '#/components/schemas/Pet'}, {type: object, properties: {barks: {type: "
                        + "boolean}}}]",
                "");
        CompilationResult result = compile(schemas, "Pet", List.of("petType", "meows", "barks", "purrs"));

        assertEquals(List.of(), result.errors());
        List<String> unknown = unknownPointers(result);
        assertEquals(1, unknown.size(), unknown.toString());
        assertEquals(true, unknown.get(0).contains("'purrs'"), unknown.get(0));
    }

    @Test
    void aDenseGraphOfCompositionsIsLinear() throws IOException {
        int n = 40;
        String schemas = IntStream.range(0, n)
                .mapToObj(i -> "    S" + i + ":\n      type: object\n      properties: {p" + i + ": {type: string}}\n"
                        + "      oneOf: ["
                        + IntStream.range(0, n)
                                .filter(j -> j != i)
                                .mapToObj(j -> "{$ref: '#/components/schemas/S" + j + "'}")
                                .collect(Collectors.joining(", "))
                        + "]\n      allOf: [{$ref: '#/components/schemas/S" + ((i + 1) % n) + "'}]\n")
                .collect(Collectors.joining());
        CompilationResult result = compile(schemas, "S0", List.of("p39", "p0", "nothing"));

        List<String> unknown = unknownPointers(result);
        assertEquals(1, unknown.size(), unknown.toString());
        assertEquals(true, unknown.get(0).contains("'nothing'"), unknown.get(0));
    }

    @Test
    void aLongChainIsCutShortWithoutACrash() throws IOException {
        int n = 3_000;
        String schemas = IntStream.range(0, n)
                        .mapToObj(i ->
                                "    S" + i + ":\n      allOf: [{$ref: '#/components/schemas/S" + (i + 1) + "'}]\n")
                        .collect(Collectors.joining())
                + "    S" + n + ": {type: object, properties: {end: {type: string}}}\n";
        CompilationResult result = compile(schemas, "S0", List.of("end", "nothing"));

        assertEquals(List.of(), result.errors());
        assertEquals(List.of(), unknownPointers(result), "beyond the walk's depth, the benefit of the doubt");
    }

    private CompilationResult compile(String schemas, String root, List<String> pointers) throws IOException {
        Files.writeString(
                work.resolve("pets.openapi.yaml"),
                String.join(
                        "\n",
                        "openapi: 3.0.3",
                        "info: {title: pets, version: '1'}",
                        "paths:",
                        "  /pet:",
                        "    get:",
                        "      operationId: getPet",
                        "      responses:",
                        "        '200':",
                        "          description: a pet",
                        "          content:",
                        "            application/json:",
                        "              schema: {$ref: '#/components/schemas/" + root + "'}",
                        "components:",
                        "  schemas:",
                        schemas),
                StandardCharsets.UTF_8);
        String outputs = pointers.stream()
                .map(p -> "      " + p + ": $response.body#/" + p)
                .collect(Collectors.joining("\n"));
        Path document = work.resolve("pets.arazzo.yaml");
        Files.writeString(
                document,
                String.join(
                        "\n",
                        "arazzo: 1.0.1",
                        "info: {title: pets, version: '1'}",
                        "sourceDescriptions:",
                        "- {name: pets, url: ./pets.openapi.yaml}",
                        "workflows:",
                        "- workflowId: pet",
                        "  steps:",
                        "  - stepId: get",
                        "    operationId: getPet",
                        "    outputs:",
                        outputs,
                        ""),
                StandardCharsets.UTF_8);
        return ArazzoCompiler.compile(
                CompilationRequest.builder().document(document).build());
    }

    private static List<String> unknownPointers(CompilationResult result) {
        return result.diagnostics().stream()
                .filter(d -> d.code() == DiagnosticCode.UNKNOWN_RESPONSE_POINTER)
                .map(Diagnostic::message)
                .toList();
    }
}
