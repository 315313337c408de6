package dev.weft.compiler;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The four Civitai seed workflows compile, with only the dialect warnings, into code javac accepts with -Werror. */
class SeedWorkflowsCompileTest {
    static final Path SEEDS = Path.of("../examples/civitai/src/main/arazzo/arazzo");

    /** Every document of the example: the seeds and the MCP example's single-operation workflows. */
    static List<Path> exampleDocuments() throws IOException {
        try (Stream<Path> files = Files.list(SEEDS)) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    static List<Path> seeds() throws IOException {
        try (Stream<Path> files = Files.list(SEEDS)) {
            // the four seeds; civitai-orchestration-operations.yml (the MCP example's operations) is not one
            return files.filter(f -> f.toString().endsWith("-workflow.yml"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void seedsCompileWithDialectWarningsOnly() throws IOException {
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .documents(seeds())
                .packageName("dev.weft.seeds")
                .build());

        assertEquals(List.of(), result.errors(), "errors");
        assertEquals(4, result.files().size());
        for (Diagnostic d : result.diagnostics()) {
            assertFalse(d.isError(), d.toString());
            assertEquals(
                    true,
                    List.of(
                                    DiagnosticCode.BARE_EXPRESSION,
                                    DiagnosticCode.JSONPATH_COMPARISON,
                                    DiagnosticCode.UNQUALIFIED_OPERATION)
                            .contains(d.code()),
                    d.toString());
        }
    }

    @Test
    void strictTurnsTheSeedDialectsIntoErrors() throws IOException {
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .documents(seeds())
                .packageName("dev.weft.seeds")
                .strict(true)
                .build());

        assertEquals(true, result.hasErrors());
        assertEquals(List.of(), result.files());
    }

    @Test
    void generatedCodeCompilesWithoutWarnings() throws IOException {
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .documents(seeds())
                .packageName("dev.weft.seeds")
                .build());
        List<JavaFileObject> sources = result.files().stream()
                .map(f -> JavaFileObjects.forSourceString(f.qualifiedName(), f.source()))
                .toList();

        Compilation compilation = javac().withOptions("-Xlint:all", "-Werror").compile(sources);

        assertThat(compilation).succeededWithoutWarnings();
    }
}
