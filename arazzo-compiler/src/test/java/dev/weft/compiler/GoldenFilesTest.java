package dev.weft.compiler;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the generated code of representative documents byte for byte, since readable output is a
 * feature, and compiles it with {@code -Xlint:all -Werror}.
 *
 * <p>A mismatch prints a unified diff of the first lines that differ. After a deliberate change to the
 * generator, rewrite the goldens and review the diff:
 * {@code mvn -pl arazzo-compiler test -Dtest=GoldenFilesTest -Dweft.updateGoldens=true}.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("weft.updateGoldens");

    static Stream<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        try (Stream<Path> good = Files.list(Path.of("src/test/resources/fixtures/good"))) {
            good.filter(f -> f.toString().endsWith(".arazzo.yaml")).forEach(documents::add);
        }
        documents.addAll(SeedWorkflowsCompileTest.exampleDocuments());
        return documents.stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void generatedCodeMatchesTheGoldenFiles(Path document) throws IOException {
        String name = document.getFileName().toString().replaceAll("\\.(arazzo\\.)?ya?ml$", "");
        String packageName = "golden." + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(document)
                .packageName(packageName)
                .build());
        assertEquals(List.of(), result.errors(), "errors");
        assertTrue(!result.files().isEmpty(), "no code generated");

        Path dir = GOLDEN.resolve(name);
        List<JavaFileObject> sources = new ArrayList<>();
        for (GeneratedFile file : result.files()) {
            Path golden = dir.resolve(file.qualifiedName() + ".java");
            if (UPDATE) {
                Files.createDirectories(dir);
                Files.writeString(golden, file.source(), StandardCharsets.UTF_8);
            }
            assertTrue(Files.exists(golden), "no golden file " + golden + "; run with -Dweft.updateGoldens=true");
            String expected = Files.readString(golden, StandardCharsets.UTF_8);
            if (!expected.equals(file.source())) {
                fail(file.qualifiedName() + " differs from its golden file (if intended: -Dweft.updateGoldens=true):\n"
                        + UnifiedDiff.of(golden.toString(), expected, "generated", file.source()));
            }
            sources.add(JavaFileObjects.forSourceString(file.qualifiedName(), file.source()));
        }
        try (Stream<Path> goldens = Files.list(dir)) {
            assertEquals(result.files().size(), goldens.count(), "stale golden files in " + dir);
        }

        Compilation compilation = javac().withOptions("-Xlint:all", "-Werror").compile(sources);
        assertThat(compilation).succeededWithoutWarnings();
    }
}
