package dev.weft.compiler;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OAI's example documents (in the shared reference folder, not copied into this repository):
 * the clean one compiles into code javac accepts; the known defects of the others are each reported
 * with the right code. Skipped, with the reason printed, only when the reference folder is absent.
 */
class OfficialExamplesTest {
    private static final Path SHARED = Path.of(System.getProperty("weft.shared", "../../shared"));
    private static final Path EXAMPLES = SHARED.resolve("arazzo-spec/examples");
    private static final String BNPL_URL =
            "https://raw.githubusercontent.com/OAI/Arazzo-Specification/main/examples/1.0.0/bnpl-openapi.yaml";
    private static final String PETSTORE_URL =
            "https://raw.githubusercontent.com/swagger-api/swagger-petstore/master/src/main/resources/openapi.yaml";

    @BeforeAll
    static void requireTheReferenceFiles() {
        boolean present = Files.isDirectory(EXAMPLES);
        if (!present) {
            System.out.println("OfficialExamplesTest skipped: " + EXAMPLES.toAbsolutePath() + " is absent");
        }
        assumeTrue(present, "the shared reference folder " + EXAMPLES.toAbsolutePath() + " is absent");
    }

    private static CompilationResult compile(String document) {
        return ArazzoCompiler.compile(CompilationRequest.builder()
                .document(EXAMPLES.resolve(document))
                .packageName("oai.examples")
                .sourceMapping(BNPL_URL, EXAMPLES.resolve("bnpl/bnpl-openapi.yaml"))
                .sourceMapping(PETSTORE_URL, EXAMPLES.resolve("login-and-retrieve-pets/swagger-petstore.openapi.yaml"))
                .build());
    }

    private static List<String> reported(CompilationResult result, DiagnosticCode code) {
        return result.diagnostics().stream()
                .filter(d -> d.code() == code)
                .map(Diagnostic::message)
                .toList();
    }

    private static void assertReported(CompilationResult result, DiagnosticCode code, String words) {
        assertTrue(
                reported(result, code).stream().anyMatch(m -> m.contains(words)),
                "expected [" + code.id() + "] with '" + words + "' among:\n"
                        + result.diagnostics().stream()
                                .map(Diagnostic::toString)
                                .collect(Collectors.joining("\n")));
    }

    @Test
    void oauthIsCleanAndItsCodeCompiles() {
        CompilationResult result = compile("oauth/oauth.arazzo.yaml");

        assertEquals(List.of(), result.errors());
        assertTrue(!result.files().isEmpty());
        assertThat(javac().withOptions("-Xlint:all", "-Werror")
                        .compile(result.files().stream()
                                .map(f -> JavaFileObjects.forSourceString(f.qualifiedName(), f.source()))
                                .toList()))
                .succeededWithoutWarnings();
    }

    @Test
    void oauthsNotNullFilterIsNamedAsThePitfallItIs() {
        CompilationResult result = compile("oauth/oauth.arazzo.yaml");

        assertReported(result, DiagnosticCode.JSONPATH_PITFALL, "filters the context's children");
        assertReported(
                result,
                DiagnosticCode.JSONPATH_PITFALL,
                "'@.access_token != null' is also true when the member is missing");
    }

    @Test
    void fapiParNamesAnOperationIdInTheWrongCase() {
        assertReported(
                compile("fapi-par/FAPI-PAR.arazzo.yaml"),
                DiagnosticCode.UNKNOWN_OPERATION,
                "operationId 'PAR', which is not in 'auth-api'; did you mean 'Par'?");
    }

    @Test
    void bnplReadsOutputsNobodyDeclares() {
        CompilationResult result = compile("bnpl/bnpl-arazzo.yaml");

        assertReported(result, DiagnosticCode.UNKNOWN_OUTPUT, "has no output 'redirectAuthToken'");
        assertReported(result, DiagnosticCode.UNKNOWN_OUTPUT, "has no output 'loanTransactionId'");
        assertReported(result, DiagnosticCode.MALFORMED_EXPRESSION, "expected '.outputs.'");
    }

    @Test
    void petCouponsUsesParameterNamesTheOperationLacks() {
        CompilationResult result = compile("pet-coupons/pet-coupons.arazzo.yaml");

        assertReported(result, DiagnosticCode.UNKNOWN_PARAMETER, "path parameter 'pet_id' is not a variable");
        assertReported(result, DiagnosticCode.UNKNOWN_PARAMETER, "query parameter 'pet_tags'");
        assertReported(result, DiagnosticCode.MISSING_PATH_PARAMETER, "'petId'");
    }

    @Test
    void loginAndRetrievePetsPointsItsOperationPathAtAPathItem() {
        assertReported(
                compile("login-and-retrieve-pets/LoginAndRetrievePets.arazzo.yaml"),
                DiagnosticCode.INVALID_OPERATION_PATH,
                "not at an operation");
    }

    @Test
    void extendedParametersNamesADescriptionThatDoesNotExist() {
        assertReported(
                compile("extended-parameters/ExtendedParametersExample.arazzo.yaml"),
                DiagnosticCode.MISSING_FILE,
                "animals.yaml");
    }
}
