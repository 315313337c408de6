package dev.weft.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Literal requests against OpenAPI 3.0, 3.1 and 3.2 schemas (issue 13, item 4): the exact messages of the
 * {@code accepted/request-literals} fixtures, whose carets fix their locations; and the bounded pattern test.
 */
class RequestLiteralsTest {
    private static final Path ACCEPTED = Path.of("src/test/resources/fixtures/accepted");

    private static List<String> literalFindings(String fixture) {
        return ArazzoCompiler.compile(CompilationRequest.builder()
                        .document(ACCEPTED.resolve(fixture))
                        .packageName("literals")
                        .build())
                .diagnostics()
                .stream()
                .filter(d -> d.code() == DiagnosticCode.REQUEST_BODY_MISMATCH
                        || d.code() == DiagnosticCode.PARAMETER_VALUE_MISMATCH)
                .sorted()
                .map(d -> "[" + d.code().id() + "] " + d.message())
                .toList();
    }

    @Test
    void everyMismatchIsNamedExactly() throws IOException {
        List<String> expected = Files.readAllLines(
                Path.of("src/test/resources/request-literals/mismatches.txt"), StandardCharsets.UTF_8);
        assertEquals(expected, literalFindings("request-literals.arazzo.yaml"));
    }

    @Test
    void literalsThatFitOrAreNotKnownAreNotReported() {
        assertEquals(List.of(), literalFindings("request-literals-fit.arazzo.yaml"));
    }

    @Test
    void patternsAreTestedOnlyWhenTheyCannotRunAway() {
        assertEquals(Boolean.TRUE, SchemaLiterals.matches("^[a-f0-9]{8}$", "0a1b2c3d"));
        assertEquals(Boolean.FALSE, SchemaLiterals.matches("^[a-f0-9]{8}$", "XYZ"));
        // unanchored, as OpenAPI (ECMA-262) searches
        assertEquals(Boolean.TRUE, SchemaLiterals.matches("b", "abc"));
        // a backreference, nested quantifiers, what Java cannot read, an unbounded text: not decided
        assertEquals(null, SchemaLiterals.matches("(a)\\1", "aa"));
        assertEquals(null, SchemaLiterals.matches("^(a+)+$", "a".repeat(30) + "!"));
        assertEquals(null, SchemaLiterals.matches("[", "x"));
        assertEquals(null, SchemaLiterals.matches("a", "a".repeat(5_000)));
    }

    @Test
    void anExpressionOrTemplateIsUnknown() {
        assertEquals(true, SchemaLiterals.unknown(node("$inputs.x")));
        assertEquals(true, SchemaLiterals.unknown(node("id-{$inputs.x}")));
        assertEquals(false, SchemaLiterals.unknown(node("plain")));
    }

    private static dev.weft.compiler.model.Node node(String text) {
        return new dev.weft.compiler.model.Node.StringNode(
                text,
                dev.weft.compiler.model.Node.Style.PLAIN,
                new dev.weft.compiler.diagnostic.Location(Path.of("x"), 1, 1));
    }
}
