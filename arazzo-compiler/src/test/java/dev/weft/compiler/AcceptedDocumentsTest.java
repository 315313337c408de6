package dev.weft.compiler;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.JavaFileObjects;
import dev.weft.compiler.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every document under {@code fixtures/accepted} is valid Arazzo that Weft compiles: it reports exactly
 * the warnings its caret comments expect (code, line, column, message words) and no error, and the code
 * it generates compiles with {@code -Xlint:all -Werror}. With {@code strict}, exactly its dialect
 * warnings become errors.
 */
class AcceptedDocumentsTest {
    static final Path ACCEPTED = Path.of("src/test/resources/fixtures/accepted");

    static Stream<Path> fixtures() throws IOException {
        return Files.list(ACCEPTED)
                .filter(f -> f.toString().matches(".*\\.arazzo\\.(yaml|yml|json)"))
                .sorted();
    }

    private static CompilationResult compile(Path fixture, boolean strict) {
        String name = fixture.getFileName().toString().replaceAll("\\.arazzo\\..*$", "");
        return ArazzoCompiler.compile(CompilationRequest.builder()
                .document(fixture)
                .packageName("accepted." + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_"))
                .strict(strict)
                .build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    @Timeout(60)
    void compilesWithExactlyTheExpectedWarnings(Path fixture) throws IOException {
        CompilationResult result = compile(fixture, false);

        String mismatches = FixtureExpectations.mismatches(fixture, result.diagnostics());
        if (!mismatches.isEmpty()) {
            fail(mismatches);
        }
        assertEquals(List.of(), result.errors(), "errors");
        assertFalse(result.files().isEmpty(), "no code generated");
        assertThat(javac().withOptions("-Xlint:all", "-Werror")
                        .compile(result.files().stream()
                                .map(f -> JavaFileObjects.forSourceString(f.qualifiedName(), f.source()))
                                .toList()))
                .succeededWithoutWarnings();
    }

    private static String withoutSeverity(Diagnostic d) {
        return d.location() + " [" + d.code().id() + "] " + d.message();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void strictMakesExactlyTheDialectWarningsErrors(Path fixture) {
        List<Diagnostic> lenient = compile(fixture, false).diagnostics();
        CompilationResult strict = compile(fixture, true);

        assertEquals(
                lenient.stream()
                        .map(AcceptedDocumentsTest::withoutSeverity)
                        .sorted()
                        .toList(),
                strict.diagnostics().stream()
                        .map(AcceptedDocumentsTest::withoutSeverity)
                        .sorted()
                        .toList(),
                "strict reports the same diagnostics");
        for (Diagnostic s : strict.diagnostics()) {
            assertEquals(s.code().isDialect(), s.isError(), s.toString());
        }
        assertTrue(strict.hasErrors() == lenient.stream().anyMatch(d -> d.code().isDialect()));
    }
}
