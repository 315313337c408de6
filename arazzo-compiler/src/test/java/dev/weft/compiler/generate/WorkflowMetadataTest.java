package dev.weft.compiler.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedClasses;
import dev.weft.runtime.JsonWorkflow;
import dev.weft.runtime.WorkflowMetadata;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a generated class says about itself through {@code JSON.metadata()}: texts, the inputs schema as written,
 * an outputs schema typed as the {@code Outputs} record types it, secret inputs, and the HTTP methods of its steps
 * and of the workflows it calls.
 */
@Timeout(60)
class WorkflowMetadataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT = String.join(
            "\n",
            "arazzo: 1.0.1",
            "info: {title: metadata, version: '1'}",
            "sourceDescriptions:",
            "- {name: items, url: ./items.openapi.yaml}",
            "workflows:",
            "- workflowId: tidy",
            "  summary: Read an item, then remove it.",
            "  description: Reads, then calls remove.",
            "  inputs:",
            "    type: object",
            "    required: [id, token]",
            "    properties:",
            "      id: {type: string, description: The item.}",
            "      token: {type: string}",
            "      passphrase: {type: string, format: password}",
            "      dryRun: {type: boolean}",
            "  steps:",
            "  - stepId: read",
            "    operationId: getItem",
            "    parameters:",
            "    - {name: id, in: path, value: $inputs.id}",
            "    outputs:",
            "      name: $response.body#/name",
            "      count: $response.body#/count",
            "      item: $response.body",
            "  - stepId: remove",
            "    workflowId: remove",
            "    parameters:",
            "    - {name: id, value: $inputs.id}",
            "  outputs:",
            "    name: $steps.read.outputs.name",
            "    count: $steps.read.outputs.count",
            "    item: $steps.read.outputs.item",
            "    dryRun: $inputs.dryRun",
            "- workflowId: remove",
            "  inputs: {type: object, properties: {id: {type: string}}}",
            "  steps:",
            "  - stepId: delete",
            "    operationId: deleteItem",
            "    parameters:",
            "    - {name: id, in: path, value: $inputs.id}",
            "    successCriteria:",
            "    - condition: $statusCode == 204",
            "    outputs:",
            "      status: $statusCode",
            "  outputs:",
            "    status: $steps.delete.outputs.status",
            "");

    @Test
    void aGeneratedClassDescribesItself(@TempDir Path work) throws Exception {
        Files.copy(
                Path.of("src/test/resources/fixtures/openapi/items.openapi.yaml"), work.resolve("items.openapi.yaml"));
        Path document = work.resolve("tidy.arazzo.yaml");
        Files.writeString(document, DOCUMENT, StandardCharsets.UTF_8);
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(document)
                .packageName("meta")
                .build());
        assertEquals(List.of(), result.errors());

        try (URLClassLoader loader = GeneratedClasses.compile(result.files(), work)) {
            WorkflowMetadata tidy =
                    JsonWorkflow.of(loader.loadClass("meta.TidyWorkflow")).metadata();
            WorkflowMetadata remove =
                    JsonWorkflow.of(loader.loadClass("meta.RemoveWorkflow")).metadata();

            assertEquals("tidy", tidy.workflowId());
            assertEquals(Optional.of("Read an item, then remove it."), tidy.summary());
            assertEquals(Optional.of("Reads, then calls remove."), tidy.description());
            assertEquals(
                    JSON.readTree("{\"type\":\"object\",\"required\":[\"id\",\"token\"],\"properties\":{"
                            + "\"id\":{\"type\":\"string\",\"description\":\"The item.\"},"
                            + "\"token\":{\"type\":\"string\"},"
                            + "\"passphrase\":{\"type\":\"string\",\"format\":\"password\"},"
                            + "\"dryRun\":{\"type\":\"boolean\"}}}"),
                    tidy.inputsSchema(),
                    "the inputs schema as the document writes it");
            assertEquals(
                    JSON.readTree("{\"type\":\"object\",\"properties\":{"
                            + "\"name\":{\"type\":[\"string\",\"null\"]},\"count\":{\"type\":[\"integer\",\"null\"]},"
                            + "\"item\":{},\"dryRun\":{\"type\":[\"boolean\",\"null\"]}}}"),
                    tidy.outputsSchema(),
                    "typed as the Outputs record: String, Long, JsonNode, Boolean");
            assertEquals(List.of("token", "passphrase"), tidy.secretInputs());
            assertEquals(List.of("DELETE", "GET"), List.copyOf(tidy.httpMethods()), "the called workflow's too");

            assertEquals(Optional.empty(), remove.summary());
            assertEquals(List.of(), remove.secretInputs());
            assertEquals(List.of("DELETE"), List.copyOf(remove.httpMethods()));
            assertTrue(remove.outputsSchema()
                    .at("/properties/status/type")
                    .toString()
                    .contains("integer"));
        }
    }
}
