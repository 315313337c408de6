package dev.weft.compiler;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Arazzo 1.1 text's root example (§Arazzo Specification Object Example, read from the shared reference
 * folder, never copied here): with its known defects fixed in memory it compiles into code javac accepts, and
 * with any one fix left out that defect is reported with a code that names it. Its sources are mapped to the
 * shared copies of the Swagger Petstore and the 1.1 example AsyncAPI description. Skipped, with the reason
 * printed, when the reference folder is absent.
 */
class Arazzo11RootExampleTest {
    private static final Path SHARED = Path.of(System.getProperty("weft.shared", "../../shared"));
    private static final Path SPEC = SHARED.resolve("arazzo-spec/1.1/arazzo-1.1.0.md");

    /** A known defect: the text to replace, its fix, and the diagnostic that reports it when unfixed. */
    record Defect(String name, String text, String fix, DiagnosticCode code, String words) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** SOURCE.md's defects of the example, and one more (the description has no operation 'confirmOrder'). */
    static List<Defect> defects() {
        return List.of(
                new Defect(
                        "source name in the wrong case",
                        "petstoreDescription",
                        "petStoreDescription",
                        DiagnosticCode.UNKNOWN_SOURCE,
                        "did you mean 'petStoreDescription'?"),
                new Defect(
                        "async operationPath that is no pointer",
                        "operationPath: $sourceDescriptions.asyncOrderApiDescription.placeOrder",
                        "operationId: $sourceDescriptions.asyncOrderApiDescription.placeOrder",
                        DiagnosticCode.INVALID_OPERATION_PATH,
                        "write 'operationId: $sourceDescriptions.asyncOrderApiDescription.placeOrder'"),
                new Defect(
                        "receive step naming an operation the AsyncAPI description lacks",
                        "operationPath: $sourceDescriptions.asyncOrderApiDescription.confirmOrder",
                        "channelPath: '{$sourceDescriptions.asyncOrderApiDescription.url}#/channels/confirm-order'",
                        DiagnosticCode.INVALID_OPERATION_PATH,
                        "operationPath '$sourceDescriptions.asyncOrderApiDescription.confirmOrder'"),
                new Defect(
                        "payload read by a dot path",
                        "$message.payload.orderId",
                        "$message.payload#/orderId",
                        DiagnosticCode.MALFORMED_EXPRESSION,
                        "write '$message.payload#/orderId'"));
    }

    @BeforeAll
    static void requireTheReferenceFiles() {
        boolean present = Files.isRegularFile(SPEC);
        if (!present) {
            System.out.println("Arazzo11RootExampleTest skipped: " + SPEC.toAbsolutePath() + " is absent");
        }
        assumeTrue(present, SPEC.toAbsolutePath() + " is absent");
    }

    /** The YAML block after the heading of the root object's example. */
    static String example() throws IOException {
        String text = Files.readString(SPEC);
        int heading = text.indexOf("##### Arazzo Specification Object Example");
        assertTrue(heading >= 0, "the 1.1 text has no root object example");
        int open = text.indexOf("```yaml\n", heading) + "```yaml\n".length();
        return text.substring(open, text.indexOf("```", open));
    }

    private static String fixed(String example, Defect except) {
        String result = example;
        for (Defect d : defects()) {
            if (!d.equals(except)) {
                assertTrue(result.contains(d.text()), "the example no longer has the defect: " + d.name());
                result = result.replace(d.text(), d.fix());
            }
        }
        return result;
    }

    private static CompilationResult compile(Path dir, String text) throws IOException {
        Path doc = dir.resolve("pet-purchase.arazzo.yaml");
        Files.writeString(doc, text);
        return ArazzoCompiler.compile(CompilationRequest.builder()
                .document(doc)
                .packageName("oai.example11")
                .sourceMapping(
                        "https://github.com/swagger-api/swagger-petstore/blob/master/src/main/resources/openapi.yaml",
                        SHARED.resolve("arazzo-spec/examples/login-and-retrieve-pets/swagger-petstore.openapi.yaml"))
                .sourceMapping(
                        "https://raw.githubusercontent.com/OAI/Arazzo-Specification/main/examples/1.1.0/"
                                + "pet-asyncapi.yaml",
                        SHARED.resolve("arazzo-spec/1.1/examples/pet-asyncapi.yaml"))
                .build());
    }

    private static String all(CompilationResult result) {
        return result.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void theFixedExampleCompilesIntoCodeJavacAccepts(@TempDir Path dir) throws IOException {
        CompilationResult result = compile(dir, fixed(example(), null));

        assertEquals(List.of(), result.errors(), all(result));
        assertThat(javac().withOptions("-Xlint:all", "-Werror")
                        .compile(result.files().stream()
                                .map(f -> JavaFileObjects.forSourceString(f.qualifiedName(), f.source()))
                                .toList()))
                .succeededWithoutWarnings();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void eachDefectLeftInIsReported(Defect defect, @TempDir Path dir) throws IOException {
        CompilationResult result = compile(dir, fixed(example(), defect));

        assertTrue(
                result.errors().stream()
                        .anyMatch(d -> d.code() == defect.code() && d.message().contains(defect.words())),
                "expected [" + defect.code().id() + "] with '" + defect.words() + "' among:\n" + all(result));
    }
}
