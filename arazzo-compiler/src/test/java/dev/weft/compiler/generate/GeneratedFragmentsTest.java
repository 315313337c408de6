package dev.weft.compiler.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One generator feature each, pinned on a tiny document (as square/wire's JavaGeneratorTest does), so that a
 * change to one feature shows here rather than only as a rewrite of every golden file.
 */
class GeneratedFragmentsTest {
    private static final String HEAD = String.join(
            "\n",
            "arazzo: 1.0.1",
            "info: {title: fragments, version: '1'}",
            "sourceDescriptions:",
            "- {name: items, url: ./items.openapi.yaml}",
            "workflows:",
            "- workflowId: w",
            "  steps:",
            "");

    @TempDir
    Path work;

    @BeforeEach
    void openapi() throws IOException {
        Files.copy(
                Path.of("src/test/resources/fixtures/openapi/items.openapi.yaml"), work.resolve("items.openapi.yaml"));
    }

    @Test
    void statusComparisonsAreIntComparisons() throws IOException {
        String source = generate(step(
                "read",
                "    successCriteria:\n"
                        + "    - condition: $statusCode == 200 || 201 == $statusCode || $statusCode >= 202\n"
                        + "    - condition: $statusCode < 300\n"));

        assertContainsCode(
                source,
                "if ((exchange.statusCode() == 200 || exchange.statusCode() == 201"
                        + " || exchange.statusCode() >= 202)");
        // without a response $statusCode is absent, which orders before nothing, while statusCode() is -1
        assertContainsCode(source, "&& (exchange.transportFailure() == null && exchange.statusCode() < 300))");
        assertFalse(source.contains("statusCodeNode()"), source);
    }

    @Test
    void aValueTestedSeveralTimesIsReadOnceIntoANamedLocal() throws IOException {
        String source = generate(step(
                "read",
                "    onSuccess:\n"
                        + "    - name: waiting\n      type: goto\n      stepId: read\n      criteria:\n"
                        + "      - condition: $response.body.status == 'new'\n"
                        + "    - name: done\n      type: end\n      criteria:\n"
                        + "      - condition: $response.body.status == 'ready'\n"));

        assertContains(
                source,
                "if (exchange.statusCode() >= 200 && exchange.statusCode() < 300) {\n"
                        + "                JsonNode status = Values.member(exchange.responseBody(), \"status\");\n"
                        + "                if (Conditions.eq(status, Values.of(\"new\"))) {");
        assertContains(source, "if (Conditions.eq(status, Values.of(\"ready\"))) {");
        assertEquals(1, count(source, "exchange.responseBody()"), source);
    }

    @Test
    void aBodyReadIsNotMovedAboveATestThatWouldHaveSkippedIt() throws IOException {
        // reading a body declared JSON that does not parse fails the step: on a 500 with an HTML error page,
        // the status test must still come first
        String source = generate(step(
                "read",
                "    onSuccess:\n"
                        + "    - name: ready\n      type: end\n      criteria:\n"
                        + "      - condition: $statusCode == 200 && $response.body.ready == true\n"
                        + "    - name: stale\n      type: end\n      criteria:\n"
                        + "      - condition: $statusCode == 203 && $response.body.ready == false\n"));

        assertFalse(source.contains("JsonNode ready ="), source);
        assertEquals(2, count(source, "Values.member(exchange.responseBody(), \"ready\")"), source);
    }

    @Test
    void aConditionReadingAStepOutputUsesItsField() throws IOException {
        String source = generate(step(
                        "read",
                        "    outputs:\n      status: $response.body#/status\n"
                                + "    successCriteria:\n    - context: $response.body#/status\n"
                                + "      condition: ^(new|ready)$\n      type: regex\n")
                + "  outputs:\n    status: $steps.read.outputs.status\n");

        assertContains(source, "readStatus = exchange.responseBody(\"/status\");");
        assertContains(source, "if (Conditions.regex(readStatus, STATUS_PATTERN)) {");
    }

    @Test
    void constantsAreNamedAfterWhatTheyHold() throws IOException {
        String source = generate(step(
                "read",
                "    successCriteria:\n    - context: $response.header.ETag\n"
                        + "      condition: ^v[0-9]+$\n      type: regex\n"
                        + "    onFailure:\n    - {name: notYet, type: retry, retryAfter: 0.5, retryLimit: 3}\n"));

        assertContains(source, "private static final String ITEMS_BASE_URL = \"http://localhost:8080/api\";");
        assertContains(source, "private static final Pattern ETAG_PATTERN = Pattern.compile(\"^v[0-9]+$\");");
        assertContains(
                source, "private static final RetryAction NOT_YET = RetryAction.of(\"read\", \"notYet\").limit(3)");
        assertContains(source, "StepRequest.create(\"read\", \"items\", ITEMS_BASE_URL, \"GET\",");
        assertContains(source, "workflowRun.retry(NOT_YET, exchange)");
    }

    @Test
    void anOutputNothingReadsIsNotRecordedAndTheJavadocSaysSo() throws IOException {
        String source = generate(step("read", "    outputs:\n      name: $response.body#/name\n"));

        assertFalse(source.contains("readName"), source);
        assertContains(source, "* <p>Not recorded, as nothing reads it: output {@code name}.");
    }

    @Test
    void aStepsJavadocNamesItsDocumentLine() throws IOException {
        String source = generate(step("first", "") + step("second", ""));

        assertContains(source, "* Step {@code first}, at fragments.arazzo.yaml:8.");
        assertContains(source, "* Step {@code second}, at fragments.arazzo.yaml:11.");
    }

    @Test
    void pseudoStepsAreDescribedOnlyWhenThereAreSome() throws IOException {
        assertContains(generate(step("read", "")), "* The steps of the workflow, in document order.\n");
    }

    @Test
    void longLinesWrapBeforeOneHundredColumns() throws IOException {
        String source = generate(step(
                "a-rather-long-step",
                "    successCriteria:\n    - condition: $response.body.owner.login == 'someone with a long name'"
                        + " && $response.body.tags[0] == 'a tag that is long too'\n"));

        for (String line : source.lines().toList()) {
            assertTrue(line.length() <= 100, line);
        }
    }

    @Test
    void aRequestNamesItsOperationForTransportsAndTracing() throws IOException {
        String source = generate("  - stepId: read\n    operationId: getItem\n"
                + "    parameters:\n    - {name: id, in: path, value: x}\n");
        assertContainsCode(
                source,
                "StepRequest.create(\"read\", \"items\", ITEMS_BASE_URL, \"GET\", "
                        + "\"/items/{id}\") .operationId(\"getItem\") .pathParam(");
    }

    @Test
    void aLongRequestChainContinuesOnALocal() throws IOException {
        StringBuilder parameters = new StringBuilder("    parameters:\n    - {name: id, in: path, value: x}\n");
        for (int i = 0; i < 40; i++) {
            parameters.append("    - {name: q").append(i).append(", in: query, value: v}\n");
        }
        String source = generate("  - stepId: read\n    operationId: getItem\n" + parameters);

        // javac reads a chain recursively: every 32 calls it goes on from a local
        assertContainsCode(source, "StepRequest request = StepRequest.create(\"read\", \"items\", ITEMS_BASE_URL,");
        // the operationId, the path parameter and q0 to q29 are the first 32
        assertContainsCode(source, "request = request .query(\"q30\", Values.of(\"v\"))");
        assertContains(source, "return request;");
    }

    @Test
    void manyInputsAreShownByToStringOneAppendAtATime() throws IOException {
        StringBuilder properties = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            properties.append(i == 0 ? "" : ", ").append("i").append(i).append(": {type: string}");
        }
        String inputs = "  inputs: {type: object, properties: {" + properties + "}}\n";

        // javac reads a long '+' chain recursively too
        String source = generate(HEAD.replace("  steps:\n", inputs + "  steps:\n"), step("read", ""));
        assertContains(source, "StringBuilder text = new StringBuilder();");
        assertContains(source, "text.append(\", i19=\");");
        assertFalse(generate(step("read", "")).contains("StringBuilder"), "no inputs: one expression");
    }

    private String generate(String steps) throws IOException {
        return generate(HEAD, steps);
    }

    private String generate(String head, String steps) throws IOException {
        Path file = work.resolve("fragments.arazzo.yaml");
        Files.writeString(file, head + steps, StandardCharsets.UTF_8);
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(file)
                .packageName("fragments")
                .build());
        assertEquals(List.of(), result.errors(), "errors");
        return result.files().stream().map(GeneratedFile::source).findFirst().orElseThrow();
    }

    private static String step(String id, String more) {
        return "  - stepId: " + id + "\n    operationId: getItem\n    parameters: [{name: id, in: path, value: x}]\n"
                + more;
    }

    private static void assertContains(String source, String fragment) {
        assertTrue(source.contains(fragment), () -> "no\n" + fragment + "\nin\n" + source);
    }

    /** As {@link #assertContains}, whatever the line breaks and indentation. */
    private static void assertContainsCode(String source, String fragment) {
        assertContains(source.replaceAll("\\s+", " "), fragment.replaceAll("\\s+", " "));
    }

    private static int count(String source, String fragment) {
        Matcher matcher = Pattern.compile(Pattern.quote(fragment)).matcher(source);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
