package dev.weft.xpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 1.1 schema pass fixture with an XPath 3.1 criterion, which arazzo-compiler's own tests reject for want of an
 * engine ({@code xpath-engine-missing}): with this module on the class path it is accepted, but for its remote
 * source description nobody may download. Skipped, with the reason printed, when the shared folder is absent.
 */
class SharedXPathFixtureTest {
    private static final Path FIXTURE = Path.of(System.getProperty("weft.shared", "../../shared"))
            .resolve("arazzo-spec/1.1/tests/pass/criterion-with-extended-xpath.arazzo.yaml");

    @Test
    void theXPath31CriterionFixtureIsAccepted() {
        if (!Files.isRegularFile(FIXTURE)) {
            System.out.println("SharedXPathFixtureTest skipped: " + FIXTURE.toAbsolutePath() + " is absent");
        }
        assumeTrue(Files.isRegularFile(FIXTURE), "the shared 1.1 fixtures are absent");
        var errors = ArazzoCompiler.compile(
                        CompilationRequest.builder().document(FIXTURE).build())
                .errors()
                .stream()
                .filter(d -> d.code() != DiagnosticCode.INVALID_SOURCE_DESCRIPTION
                        && !(d.code() == DiagnosticCode.MISSING_FILE
                                && d.message().startsWith("source description")))
                .map(Object::toString)
                .toList();
        assertEquals(List.of(), errors);
    }
}
