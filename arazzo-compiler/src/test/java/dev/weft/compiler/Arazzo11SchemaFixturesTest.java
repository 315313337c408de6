package dev.weft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Arazzo 1.1 schema test fixtures (in the shared reference folder, not copied into this repository):
 * every {@code pass} document is accepted, every {@code fail} document rejected with a code that names its
 * defect. The fixtures are schema fixtures: their source descriptions are remote URLs no test may fetch, so
 * the diagnostics that only say so ({@code invalid-source-description} for a remote url) are set aside, and
 * so are those that follow from the missing descriptions. The exceptions, each with its reason, are in
 * {@link #PASS_EXCEPTIONS} and {@link #FAIL_EXCEPTIONS}. Skipped, with the reason printed, when the
 * reference folder is absent.
 */
class Arazzo11SchemaFixturesTest {
    private static final Path SHARED = Path.of(System.getProperty("weft.shared", "../../shared"));
    private static final Path TESTS = SHARED.resolve("arazzo-spec/1.1/tests");

    private static final String DOT_PAYLOAD =
            "'$message.payload.userId' is a dot path; the grammar reads a payload by pointer only (SOURCE.md)";

    private static final String BARE_CHANNEL_PATH =
            "its channelPath is no '{$sourceDescriptions.<name>.url}#/channels/<key>' reference, as the prose requires";

    private static final String OPENAPI_ACTION =
            "'action' on a step of an OpenAPI source: action and correlationId apply to AsyncAPI steps only";

    /** Pass fixtures that are rejected, and why. */
    static final Map<String, String> PASS_EXCEPTIONS = Map.ofEntries(
            Map.entry("async-depends-on-cross-workflow.arazzo.yaml", DOT_PAYLOAD),
            Map.entry("async-depends-on.arazzo.yaml", DOT_PAYLOAD),
            Map.entry("async-with-channel-path.arazzo.yaml", BARE_CHANNEL_PATH),
            Map.entry("characterization-async-invalid-channelPath-string.arazzo.yaml", BARE_CHANNEL_PATH),
            Map.entry(
                    "characterization-asyncapi-operationId-without-action.arazzo.yaml",
                    "an operation of an AsyncAPI source needs 'action: send' or 'action: receive'"),
            Map.entry("characterization-openapi-operationId-with-action.arazzo.yaml", OPENAPI_ACTION),
            Map.entry("characterization-openapi-receive-with-correlationId.arazzo.yaml", OPENAPI_ACTION),
            Map.entry("openapi-and-asyncapi.arazzo.yaml", "'$message.payload.orderId' is a dot path (SOURCE.md)"),
            Map.entry(
                    "bnpl-example.yaml",
                    "dot paths after $response.body and outputs its steps do not declare (as the 1.0 example)"),
            Map.entry(
                    "characterization-openapi-invalid-operationPath-string.arazzo.yaml",
                    "a characterization: its operationPath is not a source reference and a JSON Pointer"),
            Map.entry(
                    "openapi-operation-path.arazzo.yaml",
                    "operationPath '$sourceDescriptions.userAPI#/...' lacks the '{...}.url' form the prose requires"),
            Map.entry(
                    "openapi-success-criteria.arazzo.yaml",
                    "its operationId names source 'userAPI'; the source is 'UserAPI' (names are case-sensitive)"),
            Map.entry(
                    "workflow-success-criteria.arazzo.yaml",
                    "its operationId names source 'userAPI'; the source is 'UserAPI' (names are case-sensitive)"),
            Map.entry(
                    "criterion-with-extended-xpath.arazzo.yaml",
                    "it declares xpath-31, which needs arazzo-xpath on the compiler's class path, absent here on "
                            + "purpose (xpath-engine-missing); arazzo-xpath's SharedXPathFixtureTest accepts it"),
            Map.entry(
                    "pet-coupons-example.yaml",
                    "steps that call a workflow test '$statusCode', which only an operation's response has"),
            Map.entry(
                    "payload-replacement-using-selector.arazzo.yaml",
                    "context '$steps.previous.outputs' names no output (the grammar requires one) nor step"));

    /** Fail fixtures that are accepted, and why (SOURCE.md's known defects of the schema). */
    static final Map<String, String> FAIL_EXCEPTIONS = Map.of();

    /** What follows from a description nobody may download: not a verdict on the document. */
    private static boolean aboutTheMissingDescriptions(Diagnostic d) {
        return d.code() == DiagnosticCode.INVALID_SOURCE_DESCRIPTION
                || d.code() == DiagnosticCode.MISSING_FILE && d.message().startsWith("source description");
    }

    static Stream<Path> pass() throws IOException {
        return list("pass");
    }

    static Stream<Path> fail() throws IOException {
        return list("fail");
    }

    private static Stream<Path> list(String kind) throws IOException {
        Path dir = TESTS.resolve(kind);
        if (!Files.isDirectory(dir)) {
            System.out.println("Arazzo11SchemaFixturesTest skipped: " + dir.toAbsolutePath() + " is absent");
            return Stream.of(Path.of("absent"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    private static List<Diagnostic> errors(Path fixture) {
        CompilationResult result = ArazzoCompiler.compile(
                CompilationRequest.builder().document(fixture).build());
        return result.errors().stream()
                .filter(d -> !aboutTheMissingDescriptions(d))
                .toList();
    }

    private static String show(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pass")
    void passFixtureIsAccepted(Path fixture) {
        assumeTrue(Files.isRegularFile(fixture), "the shared 1.1 fixtures are absent");
        String name = fixture.getFileName().toString();
        List<Diagnostic> errors = errors(fixture);
        if (PASS_EXCEPTIONS.containsKey(name)) {
            assertTrue(!errors.isEmpty(), name + " is now accepted; drop it from PASS_EXCEPTIONS");
            return;
        }
        assertEquals("", show(errors), name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fail")
    void failFixtureIsRejected(Path fixture) {
        assumeTrue(Files.isRegularFile(fixture), "the shared 1.1 fixtures are absent");
        String name = fixture.getFileName().toString();
        List<Diagnostic> errors = errors(fixture);
        if (FAIL_EXCEPTIONS.containsKey(name)) {
            assertEquals("", show(errors), name + " is now rejected; drop it from FAIL_EXCEPTIONS");
            return;
        }
        assertTrue(!errors.isEmpty(), name + " is accepted");
    }
}
