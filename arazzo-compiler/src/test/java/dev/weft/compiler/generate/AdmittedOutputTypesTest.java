package dev.weft.compiler.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java type of a {@code $response.body} output comes from the responses the step's success criteria admit
 * (issue 13, item 1): through {@code allOf} parts and {@code oneOf} branches that agree, from {@code default}
 * when nothing else is declared, never from an error response; JSON where the admitted responses disagree.
 */
class AdmittedOutputTypesTest {
    private static final String DESCRIPTION = String.join(
            "\n",
            "openapi: 3.1.0",
            "info: {title: output types, version: '1'}",
            "paths:",
            "  /orders:",
            "    get:",
            "      operationId: getOrder",
            "      responses:",
            "        '200':",
            "          description: an order",
            "          content:",
            "            application/json:",
            "              schema:",
            "                allOf:",
            "                - {type: object, properties: {createdBy: {type: string}}}",
            "                - {type: object, properties: {total: {type: number}}}",
            "        '400':",
            "          description: a problem, open to anything",
            "          content:",
            "            application/json: {schema: {type: object, properties: {total: {type: string}},"
                    + " additionalProperties: {}}}",
            "  /pets:",
            "    get:",
            "      operationId: getPet",
            "      responses:",
            "        '200':",
            "          description: a pet",
            "          content:",
            "            application/json:",
            "              schema:",
            "                oneOf:",
            "                - {type: object, properties: {lives: {type: integer}, meows: {type: boolean}}}",
            "                - {type: object, properties: {lives: {type: integer}, name: {type: string}}}",
            "  /either:",
            "    get:",
            "      operationId: getEither",
            "      responses:",
            "        '200':",
            "          description: one shape",
            "          content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}",
            "        '201':",
            "          description: another",
            "          content: {application/json: {schema: {type: object, properties: {id: {type: integer}}}}}",
            "  /notes:",
            "    get:",
            "      operationId: getNote",
            "      responses:",
            "        default:",
            "          description: whatever the status",
            "          content: {application/json: {schema: {type: object, properties: {read: {type: boolean}}}}}",
            "");

    private static final String DOCUMENT = String.join(
            "\n",
            "arazzo: 1.0.1",
            "info: {title: output types, version: '1'}",
            "sourceDescriptions:",
            "- {name: api, url: ./api.openapi.yaml}",
            "workflows:",
            "- workflowId: types",
            "  steps:",
            "  - stepId: order",
            "    operationId: getOrder",
            "    successCriteria: [{condition: $statusCode == 200}]",
            "    outputs: {total: $response.body#/total, createdBy: $response.body#/createdBy}",
            "  - stepId: problem",
            "    operationId: getOrder",
            "    successCriteria: [{condition: $statusCode == 400}]",
            "    outputs: {total: $response.body#/total}",
            "  - stepId: pet",
            "    operationId: getPet",
            "    outputs: {lives: $response.body#/lives, meows: $response.body#/meows}",
            "  - stepId: either",
            "    operationId: getEither",
            "    outputs: {id: $response.body#/id}",
            "  - stepId: eitherOk",
            "    operationId: getEither",
            "    successCriteria: [{condition: $statusCode == 201}]",
            "    outputs: {id: $response.body#/id}",
            "  - stepId: note",
            "    operationId: getNote",
            "    successCriteria: [{condition: $statusCode == 200}]",
            "    outputs: {read: $response.body#/read}",
            "  outputs:",
            "    total: $steps.order.outputs.total",
            "    createdBy: $steps.order.outputs.createdBy",
            "    problemTotal: $steps.problem.outputs.total",
            "    lives: $steps.pet.outputs.lives",
            "    meows: $steps.pet.outputs.meows",
            "    id: $steps.either.outputs.id",
            "    createdId: $steps.eitherOk.outputs.id",
            "    read: $steps.note.outputs.read",
            "");

    @TempDir
    Path work;

    @Test
    void outputTypesComeFromTheAdmittedResponses() throws IOException {
        Files.writeString(work.resolve("api.openapi.yaml"), DESCRIPTION, StandardCharsets.UTF_8);
        Path document = work.resolve("types.arazzo.yaml");
        Files.writeString(document, DOCUMENT, StandardCharsets.UTF_8);

        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(document)
                .packageName("types")
                .build());

        assertEquals(List.of(), result.errors());
        String source = result.files().get(0).source();
        Matcher outputs = Pattern.compile("public record Outputs\\(([^)]*)\\)").matcher(source);
        assertTrue(outputs.find(), source);
        assertEquals(
                "Double total, String createdBy, String problemTotal, Long lives, Boolean meows, JsonNode id, "
                        + "Long createdId, Boolean read",
                outputs.group(1).replaceAll("\\s+", " ").trim());
    }
}
