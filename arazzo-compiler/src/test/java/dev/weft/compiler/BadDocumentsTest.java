package dev.weft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every document under {@code fixtures/bad} produces exactly the diagnostics its caret comments (and
 * those of the Arazzo documents it reaches) expect (code, line, column, message words), and no others;
 * and no code.
 */
class BadDocumentsTest {
    static final Path BAD = Path.of("src/test/resources/fixtures/bad");

    static Stream<Path> fixtures() throws IOException {
        return Files.list(BAD)
                .filter(f -> f.toString().matches(".*\\.arazzo\\.(yaml|yml|json)"))
                .sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reportsExactlyTheExpectedDiagnostics(Path fixture) throws IOException {
        FixtureExpectations expectations = FixtureExpectations.read(fixture);
        assertTrue(
                !expectations.expected().isEmpty(), fixture + " expects nothing; a bad fixture must expect something");

        CompilationResult result = ArazzoCompiler.compile(
                CompilationRequest.builder().document(fixture).build());

        String mismatches = FixtureExpectations.mismatches(fixture, result.diagnostics());
        if (!mismatches.isEmpty()) {
            fail(mismatches);
        }
        assertEquals(List.of(), result.files(), "no code for a document with errors");
    }
}
