package dev.weft.compiler.fuzz;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ids, names and texts that have broken code generators (Java keywords, leading digits, unicode,
 * spaces, {@code $}, quotes, comment ends, unicode escapes, line separators) as workflow, step, input
 * and output ids and as descriptions and values: the compiler reports or accepts them, never crashes,
 * and what it accepts compiles with {@code -Xlint:all -Werror}, every name distinct.
 */
class HostileNamesTest {
    @TempDir
    Path work;

    private String document(String name) {
        String quoted = "'" + name.replace("'", "''") + "'";
        return String.join(
                "\n",
                "arazzo: 1.0.1",
                "info: {title: " + quoted + ", version: '1', description: " + quoted + "}",
                "sourceDescriptions:",
                "- {name: items, url: ./items.openapi.yaml}",
                "workflows:",
                "- workflowId: " + quoted,
                "  summary: " + quoted,
                "  description: " + quoted,
                "  inputs:",
                "    type: object",
                "    properties:",
                "      " + quoted + ": {type: string, description: " + quoted + "}",
                "      id: {type: string}",
                "  steps:",
                "  - stepId: " + quoted,
                "    description: " + quoted,
                "    operationId: getItem",
                "    parameters:",
                "    - {name: id, in: path, value: $inputs.id}",
                "    - {name: X-Note, in: header, value: " + quoted + "}",
                "    outputs:",
                "      name: $response.body#/name",
                "    onSuccess:",
                "    - {name: " + quoted + ", type: end}",
                "  outputs:",
                "    " + quoted + ": $inputs.id",
                "    plain: $inputs.id",
                "");
    }

    @Test
    void hostileStringsEitherFailCleanlyOrCompile() throws IOException {
        Files.copy(
                Path.of("src/test/resources/fixtures/openapi/items.openapi.yaml"), work.resolve("items.openapi.yaml"));
        List<JavaFileObject> sources = new ArrayList<>();
        int accepted = 0;
        int i = 0;
        for (String name : Mutator.HOSTILE) {
            Path file = work.resolve("hostile-" + i + ".arazzo.yaml");
            Files.writeString(file, document(name), StandardCharsets.UTF_8);
            CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                    .document(file)
                    .packageName("hostile.n" + i++)
                    .build());
            assertTrue(
                    result.diagnostics().stream().noneMatch(d -> d.code() == DiagnosticCode.INTERNAL_ERROR),
                    name + ": " + result.diagnostics());
            if (result.hasErrors()) {
                System.out.println("HostileNamesTest: '" + name + "' refused: "
                        + result.errors().get(0).message());
            } else {
                accepted++;
                result.files()
                        .forEach(f -> sources.add(JavaFileObjects.forSourceString(f.qualifiedName(), f.source())));
            }
        }
        assertTrue(accepted >= Mutator.HOSTILE.size() / 2, "accepted " + accepted + " of " + Mutator.HOSTILE.size());
        assertThat(javac().withOptions("-Xlint:all", "-Werror").compile(sources))
                .succeededWithoutWarnings();
    }

    @Test
    void idsThatBecomeTheSameJavaNameAreNamedApart() throws IOException {
        Files.copy(
                Path.of("src/test/resources/fixtures/openapi/items.openapi.yaml"), work.resolve("items.openapi.yaml"));
        Path file = work.resolve("collide.arazzo.yaml");
        String one = document("get-pet");
        String two = one.substring(one.indexOf("- workflowId:")).replace("get-pet", "get_pet");
        String three = one.substring(one.indexOf("- workflowId:")).replace("get-pet", "GET-PET");
        Files.writeString(file, one + two + three, StandardCharsets.UTF_8);

        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(file)
                .packageName("collide")
                .build());

        assertEquals(List.of(), result.errors());
        Set<DiagnosticCode> codes = new HashSet<>();
        result.diagnostics().forEach(d -> codes.add(d.code()));
        assertTrue(
                codes.contains(DiagnosticCode.NAME_COLLISION),
                result.diagnostics().toString());
        Set<String> names = new HashSet<>();
        result.files().forEach(f -> names.add(f.qualifiedName().toLowerCase(java.util.Locale.ROOT)));
        assertEquals(3, names.size(), "class names distinct even ignoring case: " + result.files());
        List<JavaFileObject> sources = new ArrayList<>();
        result.files().forEach(f -> sources.add(JavaFileObjects.forSourceString(f.qualifiedName(), f.source())));
        assertThat(javac().withOptions("-Xlint:all", "-Werror").compile(sources))
                .succeededWithoutWarnings();
    }
}
