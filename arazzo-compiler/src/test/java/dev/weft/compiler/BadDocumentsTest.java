package dev.weft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.compiler.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every document under {@code fixtures/bad} produces exactly the diagnostics its caret comments
 * expect (code, line, column, message words), and no others; and no code.
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

        List<Diagnostic> unmatched = new ArrayList<>(result.diagnostics());
        List<String> missing = new ArrayList<>();
        for (FixtureExpectations.Expected e : expectations.expected()) {
            Diagnostic found = unmatched.stream()
                    .filter(d -> d.code().id().equals(e.code())
                            && d.location().line() == e.line()
                            && d.location().column() == e.column()
                            && d.message().contains(e.text()))
                    .findFirst()
                    .orElse(null);
            if (found == null) {
                missing.add(e.toString());
            } else {
                unmatched.remove(found);
            }
        }
        if (!missing.isEmpty() || !unmatched.isEmpty()) {
            fail(fixture + "\nexpected but not reported:\n  " + String.join("\n  ", missing)
                    + "\nreported but not expected:\n  "
                    + String.join(
                            "\n  ", unmatched.stream().map(Diagnostic::toString).toList()));
        }
        assertEquals(List.of(), result.files(), "no code for a document with errors");
    }
}
