package dev.weft.compiler.generate;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedFile;
import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents whose size or text has broken the generated code (issue 10, items 12 and 13): each is either
 * compiled, and the code it generates compiles under {@code -Xlint:all -Werror}, or refused with a
 * diagnostic that names the limit and the place, never an internal error, a hang or code javac rejects.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileSizesTest {
    private static final String HEAD = String.join(
            "\n",
            "arazzo: 1.0.1",
            "info: {title: sizes, version: '1'}",
            "sourceDescriptions:",
            "- {name: items, url: ./items.openapi.yaml}",
            "workflows:",
            "");

    @TempDir
    Path work;

    @BeforeEach
    void openapi() throws IOException {
        Files.copy(
                Path.of("src/test/resources/fixtures/openapi/items.openapi.yaml"), work.resolve("items.openapi.yaml"));
    }

    @Test
    void restrictedIdentifiersAsIdsCompile() throws IOException {
        StringBuilder steps = new StringBuilder();
        for (String id : List.of("yield", "record", "var", "sealed", "permits", "_", "toJson", "Step")) {
            steps.append(step(id, ""));
        }
        compiles(compile("restricted", workflow("yield", steps.toString())));
    }

    @Test
    void textLongerThanOneClassFileConstantIsSplit() throws IOException {
        String text = "x".repeat(70_000);
        String wide = "€".repeat(30_000); // 3 bytes each in the class file: 90,000 bytes
        String lines = "line\n".repeat(20_000);
        String document = workflow(
                "long",
                body("payload-ascii", "text/plain", quoted(text))
                        + body("payload-wide", "text/plain", quoted(wide))
                        + body("payload-lines", "text/plain", quoted(lines))
                        + step(
                                "path",
                                "    successCriteria:\n    - context: $response.body\n      type: jsonpath\n"
                                        + "      condition: " + quoted("$" + ".a".repeat(100_000)) + "\n")
                        + step(
                                "filter",
                                "    successCriteria:\n    - context: $response.body\n      type: jsonpath\n"
                                        + "      condition: "
                                        // folded over lines (a line break in a quoted scalar reads as a space):
                                        // one YAML line may hold at most ReadLimits.MAX_YAML_LINE characters
                                        + quoted("$[?" + terms(20_000, "@.a == %d", " || ") + "]")
                                                .replace(" || ", " ||\n        ")
                                        + "\n"));
        CompilationResult result = compile("long", document);
        String source = compiles(result);
        assertTrue(source.contains("String.join(\"\","), "long literals are joined from chunks");
    }

    @Test
    void longConditionsAreNestedAndSplitIntoMethods() throws IOException {
        String or = terms(2_000, "$statusCode == %d", " || ");
        String and = terms(2_000, "$statusCode != %d", " && ");
        String many = IntStream.range(0, 300)
                .mapToObj(i -> "    - condition: $statusCode != " + (1000 + i) + "\n")
                .collect(Collectors.joining());
        String document = workflow(
                "conditions",
                step("or", "    successCriteria:\n    - condition: " + quoted(or) + "\n")
                        + step("and", "    successCriteria:\n    - condition: " + quoted(and) + "\n")
                        + step("many", "    successCriteria:\n" + many));
        String source = compiles(compile("conditions", document));
        assertTrue(source.contains("private boolean orCondition1(Exchange exchange)"), "helper methods");
    }

    @Test
    void deepParenthesesAndLongAccessorChainsAreNamedLimits() throws IOException {
        String deep = "(".repeat(2_000) + "$statusCode == 200" + ")".repeat(2_000);
        String accessors = "$response.body" + ".a".repeat(33) + " == 1";
        String document = workflow(
                "deep",
                step("deep", "    successCriteria:\n    - condition: " + quoted(deep) + "\n")
                        + step("chained", "    successCriteria:\n    - condition: " + quoted(accessors) + "\n"));
        CompilationResult result = compile("deep", document);
        refused(result, DiagnosticCode.MALFORMED_CONDITION, "nest more than 32 levels", 12);
        refused(result, DiagnosticCode.MALFORMED_CONDITION, "at most 32 accessors", 17);

        String ok = "(".repeat(32) + "$statusCode == 200" + ")".repeat(32);
        String chain = "$response.body" + ".a".repeat(32) + " == 1";
        compiles(compile(
                "deep-ok",
                workflow(
                        "deep",
                        step("deep", "    successCriteria:\n    - condition: " + quoted(ok) + "\n")
                                + step("chained", "    successCriteria:\n    - condition: " + quoted(chain) + "\n"))));
    }

    @Test
    void numbersOutsideWhatJavaHoldsAreRefusedOrKeptExact() throws IOException {
        CompilationResult result = compile(
                "retry",
                workflow(
                        "retry",
                        step(
                                "s",
                                "    onFailure:\n    - {name: r, type: retry, retryLimit: 99999999999999999999,"
                                        + " retryAfter: 1e400}\n")));
        refused(
                result,
                DiagnosticCode.INVALID_VALUE,
                "'retryLimit' of failure action must be an integer from 0 to"
                        + " 2147483647, found 99999999999999999999",
                12);
        refused(
                result,
                DiagnosticCode.INVALID_VALUE,
                "'retryAfter' of failure action must be a number from 0 to" + " 2147483647, found 1e400",
                12);

        String source = compiles(compile(
                "numbers",
                workflow(
                        "numbers",
                        step(
                                        "s",
                                        "    onFailure:\n    - {name: r, type: retry, retryLimit: 2147483647,"
                                                + " retryAfter: 2147483647}\n")
                                + body(
                                        "payload",
                                        "application/json",
                                        "{a: 1e400, b: 0.1000000000000000000000001, c: 1e-400,"
                                                + " d: -9223372036854775808, e: 123456789012345678901234567890}")
                                + step("compare", "    successCriteria:\n    - condition: $statusCode < 1e400\n"))));
        assertTrue(source.contains("new BigDecimal(\"1E+400\")"), "exact decimals beyond a double");
    }

    @Test
    void workflowsBeyondWhatOneClassHoldsGetSizeLimit() throws IOException {
        String steps =
                IntStream.range(0, 1_001).mapToObj(i -> step("s" + i, "")).collect(Collectors.joining());
        refused(compile("steps", workflow("steps", steps)), DiagnosticCode.SIZE_LIMIT, "holds at most 1000", 6);

        String inputs = "  inputs: {type: object, properties: {"
                + IntStream.range(0, 255)
                        .mapToObj(i -> "i" + i + ": {type: string}")
                        .collect(Collectors.joining(", "))
                + "}}\n";
        refused(
                compile("inputs", workflow("inputs", inputs, step("s", ""))),
                DiagnosticCode.SIZE_LIMIT,
                "Inputs record holds at most 254",
                6);

        String parameters = "    parameters:\n    - {name: id, in: path, value: x}\n"
                + IntStream.range(0, 1_300)
                        .mapToObj(i -> "    - {name: q" + i + ", in: query, value: v}\n")
                        .collect(Collectors.joining());
        refused(
                compile("parameters", workflow("parameters", "  - stepId: s\n    operationId: getItem\n" + parameters)),
                DiagnosticCode.SIZE_LIMIT,
                "the request of step 's' needs",
                8);

        String regexes = IntStream.range(0, 2_001)
                .mapToObj(i -> "    - {context: $statusCode, type: regex, condition: '^" + i + "$'}\n")
                .collect(Collectors.joining());
        refused(
                compile("patterns", workflow("patterns", step("s", "    successCriteria:\n" + regexes))),
                DiagnosticCode.SIZE_LIMIT,
                "compiles at most 2000",
                6);

        String big =
                IntStream.range(0, 1_300).mapToObj(i -> "k" + i + ": {a: 1}").collect(Collectors.joining(", "));
        refused(
                compile("payload", workflow("payload", body("s", "application/json", "{" + big + "}"))),
                DiagnosticCode.SIZE_LIMIT,
                "or as a string, which is sent as written",
                8);
    }

    @Test
    void workflowsAtTheLimitsCompile() throws IOException {
        String inputs = "  inputs: {type: object, required: [i0], properties: {"
                + IntStream.range(0, 254)
                        .mapToObj(i -> "i" + i + ": {type: integer}")
                        .collect(Collectors.joining(", "))
                + "}}\n";
        String outputs = "  outputs: {"
                + IntStream.range(0, 254)
                        .mapToObj(i -> "o" + i + ": $inputs.i" + i)
                        .collect(Collectors.joining(", "))
                + "}\n";
        String heavy = "$inputs.i0.a.b.c.d.e.f == 1e400";
        String actions = IntStream.range(0, 66)
                .mapToObj(i -> "    - name: a" + i + "\n      type: goto\n      stepId: s\n      criteria:\n"
                        + ("      - condition: '" + heavy + "'\n").repeat(6))
                .collect(Collectors.joining());
        String document = workflow("limits", inputs, step("s", "    onSuccess:\n" + actions)) + outputs;
        compiles(compile("limits", document));
    }

    @Test
    void aRepeatingStepReadingManyOutputsCompiles() throws IOException {
        for (int n : new int[] {32, 1_000}) {
            String outputs = "    outputs: {"
                    + IntStream.range(0, n)
                            .mapToObj(i -> "o" + i + ": $response.body#/name")
                            .collect(Collectors.joining(", "))
                    + "}\n";
            String payload = "{"
                    + IntStream.range(0, n)
                            .mapToObj(i -> "m" + i + ": $steps.a.outputs.o" + i)
                            .collect(Collectors.joining(", "))
                    + "}";
            String retried = body("b", "application/json", payload)
                    + "    onFailure:\n    - {name: again, type: retry, retryAfter: 0, retryLimit: 2}\n";
            String source = compiles(
                    compile("reads" + (n == 32 ? "few" : "many"), workflow("w", step("a", outputs) + retried)));
            // past a chain's length the request is built every time, rather than compared in one condition
            assertEquals(n == 32, source.contains("private JsonNode[] bLastRequestFrom;"), source.substring(0, 200));
        }
    }

    @Test
    void longIdsGiveNamesEveryFileSystemHolds() throws IOException {
        String id = "w".repeat(300);
        String wide = "流".repeat(300);
        CompilationResult result =
                compile("ids", HEAD + entry(id, "", step("s".repeat(300), "")) + entry(wide, "", step(wide, "")));
        compiles(result);
        for (GeneratedFile file : result.files()) {
            String simple = file.qualifiedName().substring(file.qualifiedName().lastIndexOf('.') + 1);
            int bytes = (simple + "$Inputs$Builder.class").getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes <= 255, simple + " makes file names of " + bytes + " bytes");
        }
    }

    @Test
    void lineSeparatorsInTheFileNameAndTheOpenApiDescriptionCompile() throws IOException {
        String openapi = Files.readString(work.resolve("items.openapi.yaml"))
                .replace("url: http://localhost:8080/api", "url: \"http://localhost:8080/a\\u2028pi\"")
                .replace("  /items/{id}:", "  \"/items\\u2029/{id}\":");
        Files.writeString(work.resolve("items.openapi.yaml"), openapi);
        String source = compiles(compile("line\u2028separated", workflow("separated", step("s", ""))));
        assertTrue(source.contains("\\u2028") && source.contains("\\u2029"), "escaped, not raw");
    }

    private CompilationResult compile(String name, String document) throws IOException {
        Path file = work.resolve(name + ".arazzo.yaml");
        Files.writeString(file, document, StandardCharsets.UTF_8);
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(file)
                .packageName("sizes.t" + name.replaceAll("[^a-z]", ""))
                .build());
        assertTrue(
                result.diagnostics().stream().noneMatch(d -> d.code() == DiagnosticCode.INTERNAL_ERROR),
                () -> result.diagnostics().toString());
        return result;
    }

    /** Asserts the result compiled and its code compiles without warnings; returns the sources. */
    private static String compiles(CompilationResult result) {
        assertEquals(List.of(), result.errors(), "errors");
        List<JavaFileObject> sources = new ArrayList<>();
        result.files().forEach(f -> sources.add(JavaFileObjects.forSourceString(f.qualifiedName(), f.source())));
        assertThat(javac().withOptions("-Xlint:all", "-Werror").compile(sources))
                .succeededWithoutWarnings();
        return result.files().stream().map(GeneratedFile::source).collect(Collectors.joining("\n"));
    }

    private static void refused(CompilationResult result, DiagnosticCode code, String words, int line) {
        assertEquals(List.of(), result.files(), "no code");
        List<Diagnostic> found = result.errors().stream()
                .filter(d -> d.code() == code && d.message().contains(words))
                .toList();
        assertEquals(1, found.size(), "one [" + code.id() + "] '" + words + "' in " + result.diagnostics());
        assertEquals(line, found.get(0).location().line(), found.get(0).toString());
    }

    private static String workflow(String id, String steps) {
        return workflow(id, "", steps);
    }

    private static String workflow(String id, String inputs, String steps) {
        return HEAD + entry(id, inputs, steps);
    }

    private static String entry(String id, String inputs, String steps) {
        return "- workflowId: " + quoted(id) + "\n" + inputs + "  steps:\n" + steps;
    }

    private static String step(String id, String more) {
        return "  - stepId: " + quoted(id) + "\n    operationId: getItem\n"
                + "    parameters: [{name: id, in: path, value: x}]\n" + more;
    }

    private static String body(String id, String contentType, String payload) {
        return "  - stepId: " + quoted(id) + "\n    operationId: createItem\n    requestBody:\n" + "      contentType: "
                + contentType + "\n      payload: " + payload + "\n";
    }

    private static String terms(int n, String format, String operator) {
        return IntStream.range(0, n).mapToObj(i -> String.format(format, i)).collect(Collectors.joining(operator));
    }

    /** A YAML double-quoted scalar. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
