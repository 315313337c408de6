package dev.weft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fix a diagnostic suggests is one Weft then accepts: each case compiles a document with one
 * mistake, takes the suggested text out of the message, applies it and compiles again, which must
 * report nothing at all (no warning either) — so that no advice leads to another diagnostic.
 */
class SuggestionsTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Pattern WRITE = Pattern.compile("write '([^']+)'");
    private static final Pattern DID_YOU_MEAN = Pattern.compile("did you mean '([^']+)'\\?");

    @TempDir
    Path work;

    /**
     * One mistake and its fix.
     *
     * @param steps the {@code steps} of workflow {@code w} (inputs: {@code id}, {@code token}, object {@code
     *     user}), holding the mistake
     * @param code the diagnostic that suggests the fix
     * @param fix finds the fix in the message
     * @param apply applies the fix to the document text
     */
    record Case(String name, String steps, DiagnosticCode code, Pattern fix, BinaryOperator<String> apply) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static BinaryOperator<String> replacing(String wrong) {
        return (doc, fix) -> doc.replace(wrong, fix);
    }

    /** Replaces the criterion (one flow mapping on the line holding {@code marker}) by {@code condition: fix}. */
    private static BinaryOperator<String> criterionBecomesSimple(String marker) {
        return (doc, fix) -> doc.lines()
                .map(l -> l.contains(marker)
                        ? l.substring(0, l.indexOf('{')) + "{condition: \"" + fix.replace("\"", "\\\"") + "\"}"
                        : l)
                .reduce("", (a, b) -> a + b + "\n");
    }

    private static final String READ = "  - stepId: read\n    operationId: getItem\n"
            + "    parameters:\n    - {name: id, in: path, value: $inputs.id}\n";

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "bare expression",
                        READ + "    - {name: X-Trace, in: header, value: 'Bearer $inputs.token'}\n",
                        DiagnosticCode.BARE_EXPRESSION,
                        WRITE,
                        replacing("$inputs.token")),
                new Case(
                        "member access of an input",
                        READ + "    - {name: verbose, in: query, value: $inputs.user.name}\n",
                        DiagnosticCode.MEMBER_ACCESS,
                        WRITE,
                        replacing("$inputs.user.name")),
                new Case(
                        "member access of an output",
                        READ + "    outputs: {owner: $response.body#/owner}\n"
                                + "  - {stepId: again, operationId: deleteItem, parameters: "
                                + "[{name: id, in: path, value: $steps.read.outputs.owner.login}]}\n",
                        DiagnosticCode.MEMBER_ACCESS,
                        WRITE,
                        replacing("$steps.read.outputs.owner.login")),
                new Case(
                        "misspelt input",
                        READ + "    - {name: X-Trace, in: header, value: $inputs.tokn}\n",
                        DiagnosticCode.UNLISTED_INPUT,
                        DID_YOU_MEAN,
                        replacing("tokn")),
                new Case(
                        "misspelt operationId",
                        READ.replace("getItem", "getItme"),
                        DiagnosticCode.UNKNOWN_OPERATION,
                        DID_YOU_MEAN,
                        replacing("getItme")),
                new Case(
                        "misspelt expression root",
                        READ + "    - {name: X-Trace, in: header, value: 'id {$input.id}'}\n",
                        DiagnosticCode.FOREIGN_EXPRESSION,
                        DID_YOU_MEAN,
                        replacing("{$input.id}")),
                new Case(
                        "misspelt step",
                        READ + "    outputs: {name: $response.body#/name}\n"
                                + "  - {stepId: again, operationId: deleteItem, parameters: "
                                + "[{name: id, in: path, value: $steps.raed.outputs.name}]}\n",
                        DiagnosticCode.UNKNOWN_STEP,
                        DID_YOU_MEAN,
                        replacing("raed")),
                new Case(
                        "field in the wrong case",
                        READ.replace("operationId:", "OperationId:"),
                        DiagnosticCode.UNKNOWN_FIELD,
                        DID_YOU_MEAN,
                        replacing("OperationId")),
                new Case(
                        "braced condition",
                        READ + "    successCriteria:\n    - condition: '{$statusCode == 200}'\n",
                        DiagnosticCode.MALFORMED_CONDITION,
                        WRITE,
                        replacing("{$statusCode == 200}")),
                new Case(
                        "dotted body member",
                        READ + "    outputs: {name: $response.body.name}\n",
                        DiagnosticCode.MALFORMED_EXPRESSION,
                        Pattern.compile("use '([^']+)'"),
                        replacing("$response.body.name")),
                new Case(
                        "comparison written as jsonpath",
                        READ + "    successCriteria:\n"
                                + "    - {context: $response.body, type: jsonpath, condition: \"$.status == "
                                + "'done'\"}\n",
                        DiagnosticCode.JSONPATH_COMPARISON,
                        Pattern.compile("the simple condition '(.*)': write that"),
                        criterionBecomesSimple("$.status")),
                new Case(
                        "root filter on an object",
                        READ + "    successCriteria:\n"
                                + "    - {context: $response.body, type: jsonpath, condition: \"$[?@.status == "
                                + "'done']\"}\n",
                        DiagnosticCode.JSONPATH_PITFALL,
                        Pattern.compile("write the simple condition '(.*)', without"),
                        criterionBecomesSimple("$[?")),
                new Case(
                        "not-null root filter (the OAI oauth example)",
                        READ + "    successCriteria:\n"
                                + "    - {context: $response.body, type: jsonpath, condition: \"$[?@.owner != null "
                                + "&& !@.ready]\"}\n",
                        DiagnosticCode.JSONPATH_PITFALL,
                        Pattern.compile("write the simple condition '(.*)', without"),
                        criterionBecomesSimple("$[?")),
                new Case(
                        "not-null filter elsewhere",
                        READ + "    successCriteria:\n"
                                + "    - {context: $response.body, type: jsonpath, condition: \"$..owner[?@.login != "
                                + "null]\"}\n",
                        DiagnosticCode.JSONPATH_PITFALL,
                        Pattern.compile("test existence with '([^']+)'"),
                        replacing("@.login != null")),
                new Case(
                        "Goessner JSONPath",
                        READ
                                + "    successCriteria:\n    - {context: $response.body, condition: "
                                + "'$.tags[(@.length-1)]', "
                                + "type: {type: jsonpath, version: draft-goessner-dispatch-jsonpath-00}}\n",
                        DiagnosticCode.GOESSNER_JSONPATH,
                        Pattern.compile("with the condition '(.*)'$"),
                        (doc, fix) -> doc.replace(
                                "condition: '$.tags[(@.length-1)]', type: {type: jsonpath, version: "
                                        + "draft-goessner-dispatch-jsonpath-00}",
                                "condition: '" + fix + "', type: jsonpath")),
                new Case(
                        "operationPath of an operation with an operationId",
                        READ.replace(
                                "operationId: getItem",
                                "operationPath: '{$sourceDescriptions.items.url}#/paths/~1items~1{id}/get'"),
                        DiagnosticCode.PREFER_OPERATION_ID,
                        Pattern.compile("prefer '([^']+)'"),
                        (doc, fix) -> doc.replace(
                                "operationPath: '{$sourceDescriptions.items.url}#/paths/~1items~1{id}/get'", fix)),
                new Case(
                        "operationPath at a path item",
                        READ.replace(
                                "operationId: getItem",
                                "operationPath: '{$sourceDescriptions.items.url}#/paths/~1items'"),
                        DiagnosticCode.INVALID_OPERATION_PATH,
                        WRITE,
                        (doc, fix) -> doc.replace(
                                        "operationPath: '{$sourceDescriptions.items.url}#/paths/~1items'", fix)
                                .replace(
                                        "    parameters:\n    - {name: id, in: path, value: $inputs.id}\n",
                                        "    requestBody: {payload: {name: x}}\n")),
                new Case(
                        "workflow of an arazzo source by its plain id",
                        "  - {stepId: call, workflowId: fetch-item, parameters: [{name: id, value: $inputs.id}]}\n",
                        DiagnosticCode.UNKNOWN_WORKFLOW,
                        WRITE,
                        (doc, fix) -> doc.replace("workflowId: fetch-item", "workflowId: " + fix)));
    }

    private String document(String steps) {
        return "arazzo: 1.0.1\n"
                + "info: {title: suggestions, version: '1'}\n"
                + "sourceDescriptions:\n"
                + "- {name: items, url: ./items.openapi.yaml}\n"
                + "- {name: lib, url: ./library.arazzo.yaml, type: arazzo}\n"
                + "workflows:\n"
                + "- workflowId: w\n"
                + "  inputs:\n"
                + "    type: object\n"
                + "    properties:\n"
                + "      id: {type: string}\n"
                + "      token: {type: string}\n"
                + "      user: {type: object, properties: {name: {type: string}}}\n"
                + "  steps:\n"
                + steps;
    }

    private List<Diagnostic> compile(String text) throws IOException {
        Path file = work.resolve("case.arazzo.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return ArazzoCompiler.compile(
                        CompilationRequest.builder().document(file).build())
                .diagnostics();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theSuggestedFixCompilesWithoutAnyDiagnostic(Case c) throws IOException {
        Files.copy(FIXTURES.resolve("openapi/items.openapi.yaml"), work.resolve("items.openapi.yaml"));
        Files.writeString(
                work.resolve("library.arazzo.yaml"),
                Files.readString(FIXTURES.resolve("arazzo/library.arazzo.yaml"))
                        .replace("../openapi/items.openapi.yaml", "./items.openapi.yaml"));
        String broken = document(c.steps());
        List<Diagnostic> before = compile(broken);
        Diagnostic advice = before.stream()
                .filter(d -> d.code() == c.code())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no [" + c.code().id() + "] among " + before));
        Matcher m = c.fix().matcher(advice.message());
        assertTrue(m.find(), "no fix in: " + advice.message());

        String fixed = c.apply().apply(broken, m.group(1));

        assertTrue(!fixed.equals(broken), "the fix changed nothing");
        assertEquals(List.of(), compile(fixed), "after applying '" + m.group(1) + "' to:\n" + fixed);
    }
}
