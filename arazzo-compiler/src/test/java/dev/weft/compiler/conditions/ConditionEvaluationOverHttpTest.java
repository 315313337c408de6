package dev.weft.compiler.conditions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedClasses;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.WorkflowException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Condition evaluation (Arazzo 1.1 §Condition Evaluation; 1.0.1 is silent on each of these rules, so its documents
 * are evaluated alike) as generated code over real HTTP: a table of criteria, each the success criteria of one
 * workflow's only step, run against a JDK server on 127.0.0.1 for a document of each version. A step whose criteria
 * fail fails its workflow; a criterion whose evaluation goes wrong (an embedded value that makes a JSONPath query
 * invalid, an absent embedded value) fails the criterion, not the run in some other way. The 1.1 document also
 * reads its {@code $self} and a source's fields ({@code $sourceDescriptions.api.url}), which 1.0.1 has not.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConditionEvaluationOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Version {
        V1_0_1("1.0.1"),
        V1_1_0("1.1.0");

        final String declared;

        Version(String declared) {
            this.declared = declared;
        }
    }

    /** A criterion (YAML list item lines), the workflow inputs, and whether it holds. */
    record Case(String name, String criteria, String inputs, boolean holds, String operation) {
        Case(String name, String criteria, String inputs, boolean holds) {
            this(name, criteria, inputs, holds, "getData");
        }
    }

    /** Cases of the 1.1 grammar only ($self, $sourceDescriptions fields), in the 1.1 document only. */
    static final List<Case> CASES_1_1 = List.of(
            new Case(
                    "selfIsTheSelfField",
                    "- condition: $self == 'https://example.com/Conditions.arazzo.yaml'",
                    "{}",
                    true),
            new Case(
                    "sourceUrlAsWritten",
                    "- condition: $sourceDescriptions.api.url == './api.openapi.yaml'",
                    "{}",
                    true),
            new Case("sourceTypeIgnoringCase", "- condition: $sourceDescriptions.api.type == 'OpenAPI'", "{}", true),
            new Case(
                    "selfEmbeddedInARegex",
                    "- context: $sourceDescriptions.api.name\n        condition: '^{$sourceDescriptions.api.name}$'\n"
                            + "        type: regex",
                    "{}",
                    true));

    static List<Case> cases(Version version) {
        return version == Version.V1_1_0
                ? Stream.concat(CASES.stream(), CASES_1_1.stream()).toList()
                : CASES;
    }

    static final String BODY = "{\"count\": \"10\", \"total\": 10, \"status\": \"Sold\", \"name\": null,"
            + " \"flag\": true, \"items\": [{\"status\": \"sold\", \"price\": 12}]}";

    static final List<Case> CASES = List.of(
            new Case("numericStringAgainstNumber", "- condition: $response.body#/count > 9", "{}", true),
            new Case("twoNumericStringsCoerced", "- condition: $response.body#/count > '9'", "{}", true),
            new Case("numberAgainstNumericString", "- condition: $response.body#/total == '10.0'", "{}", true),
            new Case("stringsIgnoreCase", "- condition: $response.body#/status == 'sold'", "{}", true),
            new Case("stringsOrderIgnoringCase", "- condition: $response.body#/status < 'TAKEN'", "{}", true),
            new Case("nullEqualsNull", "- condition: $response.body#/name == null", "{}", true),
            new Case("nullIsNotAValue", "- condition: $response.body#/name != null", "{}", false),
            new Case("nullComparedFails", "- condition: $response.body#/name < 1", "{}", false),
            new Case("absentIsNull", "- condition: $response.body#/missing == null", "{}", true),
            new Case("absentOrderedFails", "- condition: $response.body#/missing >= 0", "{}", false),
            new Case("bareTrue", "- condition: $response.body#/flag", "{}", true),
            new Case("bareStringIsNotTrue", "- condition: $response.body#/count", "{}", false),
            new Case("bareNullFails", "- condition: $response.body#/name", "{}", false),
            new Case(
                    "criteriaJoinedByAnd",
                    "- condition: $statusCode == 200\n      - condition: $response.body#/total < 5",
                    "{}",
                    false),
            new Case(
                    "orAndNot",
                    "- condition: '!($response.body#/total < 5) && ($statusCode == 404 || $response.body#/flag)'",
                    "{}",
                    true),
            new Case(
                    "regexEmbedsAPattern",
                    "- context: $response.body#/status\n        condition: '^({$inputs.p})$'\n        type: regex",
                    "{\"p\": \"sold|Sold\"}",
                    true),
            new Case(
                    "regexEmbedsAPatternThatDoesNotMatch",
                    "- context: $response.body#/status\n        condition: '^({$inputs.p})$'\n        type: regex",
                    "{\"p\": \"sold\"}",
                    false),
            new Case(
                    "regexWithAnEmbeddedPatternThatDoesNotCompileFails",
                    "- context: $response.body#/status\n        condition: '^({$inputs.p})$'\n        type: regex",
                    "{\"p\": \"(\"}",
                    false),
            new Case(
                    "regexWithAnAbsentEmbeddedValueFails",
                    "- context: $response.body#/status\n        condition: '^({$inputs.p})$'\n        type: regex",
                    "{}",
                    false),
            new Case(
                    "regexKeepsItsOwnBraces",
                    "- context: $statusCode\n        condition: '^2\\d{2}$'\n        type: regex",
                    "{}",
                    true),
            new Case(
                    "jsonPathEmbedsAString",
                    "- context: $response.body\n        condition: \"$.items[?@.status == '{$inputs.p}']\"\n"
                            + "        type: jsonpath",
                    "{\"p\": \"sold\"}",
                    true),
            new Case(
                    "jsonPathEmbedsANumber",
                    "- context: $response.body\n        condition: '$.items[?@.price > {$response.body#/total}]'\n"
                            + "        type: jsonpath",
                    "{}",
                    true),
            new Case(
                    "regexEmbedsAStructureAsJson",
                    "- context: $response.body#/items\n        condition: '^\\Q{$inputs.a}\\E$'\n        type: regex",
                    "{\"a\": [{\"status\": \"sold\", \"price\": 12}]}",
                    true),
            new Case(
                    "jsonPathMadeInvalidByAnEmbeddedStructureFails",
                    "- context: $response.body\n        condition: '$.items[?@.status == {$inputs.o}.status]'\n"
                            + "        type: jsonpath",
                    "{\"o\": {\"status\": \"sold\"}}",
                    false),
            new Case(
                    "xpathEmbedsANumber",
                    "- context: $response.body\n        condition: '/root/item[price > {$inputs.n}]'\n"
                            + "        type: xpath",
                    "{\"n\": 10}",
                    true,
                    "getXml"),
            new Case(
                    "xpathEmbedsANumberThatDoesNotMatch",
                    "- context: $response.body\n        condition: '/root/item[price > {$inputs.n}]'\n"
                            + "        type: xpath",
                    "{\"n\": 20}",
                    false,
                    "getXml"),
            new Case(
                    "xpathMadeInvalidByItsEmbeddingFails",
                    "- context: $response.body\n        condition: '/root/item[price > {$inputs.p}]'\n"
                            + "        type: xpath",
                    "{\"p\": \"\"}",
                    false,
                    "getXml"),
            new Case(
                    "jsonPathMadeInvalidByItsEmbeddingFails",
                    "- context: $response.body\n        condition: '$.items[?@.status == {$inputs.p}]'\n"
                            + "        type: jsonpath",
                    "{\"p\": \"sold\"}",
                    false));

    private static HttpServer server;
    private static final Map<Version, URLClassLoader> LOADERS = new EnumMap<>(Version.class);

    @BeforeAll
    static void compileAndServe(@TempDir Path dir) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/xml", exchange -> {
            byte[] bytes = "<root><item><price>12</price></item></root>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.createContext("/data", exchange -> {
            byte[] bytes = BODY.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        Files.writeString(dir.resolve("api.openapi.yaml"), """
                openapi: 3.1.0
                info: {title: data, version: '1'}
                servers:
                - url: http://localhost:8080
                paths:
                  /data:
                    get:
                      operationId: getData
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {type: object}
                  /xml:
                    get:
                      operationId: getXml
                      responses:
                        '200':
                          description: ok
                          content:
                            application/xml:
                              schema: {type: string}
                """);
        for (Version version : Version.values()) {
            Path doc = dir.resolve(version.name() + ".arazzo.yaml");
            Files.writeString(doc, document(version));
            CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                    .document(doc)
                    // the 1.1 document's $self is its base URI: its relative source url resolves against it
                    .sourceMapping("https://example.com/api.openapi.yaml", dir.resolve("api.openapi.yaml"))
                    .packageName("conditions." + version.name().toLowerCase(java.util.Locale.ROOT))
                    .build());
            assertEquals(List.of(), result.errors(), result.diagnostics().toString());
            LOADERS.put(version, GeneratedClasses.compile(result.files(), dir.resolve(version.name())));
        }
    }

    @AfterAll
    static void stop() throws IOException {
        server.stop(0);
        for (URLClassLoader loader : LOADERS.values()) {
            loader.close();
        }
    }

    static String document(Version version) {
        StringBuilder doc = new StringBuilder("arazzo: " + version.declared + "\n"
                + (version == Version.V1_1_0 ? "$self: https://example.com/Conditions.arazzo.yaml\n" : "")
                + "info: {title: conditions, version: '1'}\n"
                + "sourceDescriptions:\n- {name: api, url: ./api.openapi.yaml, type: openapi}\n"
                + "workflows:\n");
        for (Case c : cases(version)) {
            doc.append("- workflowId: ")
                    .append(c.name())
                    .append("\n  inputs: {type: object, properties: {p: {type: string}, o: {type: object},"
                            + " a: {type: array}, n: {type: number}}}\n")
                    .append("  steps:\n  - stepId: read\n    operationId: ")
                    .append(c.operation())
                    .append("\n    successCriteria:\n      ")
                    .append(c.criteria())
                    .append('\n');
        }
        return doc.toString();
    }

    static Stream<Arguments> cases() {
        return Stream.of(Version.values()).flatMap(v -> cases(v).stream().map(c -> Arguments.of(v, c.name(), c)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void theCriterionHoldsAsTheSpecSays(Version version, String name, Case c) throws Exception {
        ArazzoClient client = ArazzoClient.builder()
                .server("api", "http://127.0.0.1:" + server.getAddress().getPort())
                .build();
        String className = "conditions." + version.name().toLowerCase(java.util.Locale.ROOT) + "."
                + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Workflow";
        boolean held;
        try {
            GeneratedClasses.run(LOADERS.get(version), className, client, (ObjectNode) JSON.readTree(c.inputs()));
            held = true;
        } catch (WorkflowException e) {
            held = false;
        } catch (InvocationTargetException e) {
            if (!(e.getCause() instanceof WorkflowException)) {
                throw e;
            }
            held = false;
        }
        assertEquals(c.holds(), held, version + " " + c.criteria());
    }
}
