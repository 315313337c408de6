package dev.weft.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.WorkflowMetadata;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/** Builds a workflow's MCP tool definition from its metadata: name, description, schemas and hints. */
final class ToolSchemas {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    private static final Pattern NOT_IN_NAME = Pattern.compile("[^A-Za-z0-9_.-]");
    private static final int MAX_NAME = 128;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private ToolSchemas() {}

    /**
     * @param hidden the inputs left out of the input schema: secret and bound ones
     */
    static McpSchema.Tool tool(WorkflowMetadata metadata, ToolOptions options, Collection<String> hidden) {
        ToolHints hints = options.hintsFrom(ToolHints.derive(metadata.httpMethods()));
        Map<String, Object> input = map(inputSchema(metadata.inputsSchema(), hidden));
        return McpSchema.Tool.builder(name(metadata.workflowId(), options.name()), input)
                .title(options.title())
                .description(options.description() != null ? options.description() : description(metadata))
                .outputSchema(map(objectSchema(metadata.outputsSchema())))
                .annotations(McpSchema.ToolAnnotations.builder()
                        .title(options.title())
                        .readOnlyHint(hints.readOnly())
                        .destructiveHint(hints.destructive())
                        .idempotentHint(hints.idempotent())
                        .openWorldHint(hints.openWorld())
                        .build())
                .build();
    }

    /** The override, checked, or the workflowId with what a tool name cannot hold replaced by {@code -}. */
    static String name(String workflowId, String override) {
        if (override != null) {
            if (!NAME.matcher(override).matches()) {
                throw new IllegalArgumentException("the tool name '" + override + "' of workflow '" + workflowId
                        + "' is not a valid MCP tool name: 1 to 128 of A-Z a-z 0-9 _ - .");
            }
            return override;
        }
        String name = NOT_IN_NAME.matcher(workflowId).replaceAll("-");
        return name.isEmpty() ? "workflow" : name.substring(0, Math.min(MAX_NAME, name.length()));
    }

    private static String description(WorkflowMetadata metadata) {
        String summary = metadata.summary().orElse(null);
        String description = metadata.description().orElse(null);
        if (summary != null && description != null && !description.strip().equals(summary.strip())) {
            return summary.strip() + "\n\n" + description.strip();
        }
        if (summary != null || description != null) {
            return (summary != null ? summary : description).strip();
        }
        return "Runs the Arazzo workflow '" + metadata.workflowId() + "'.";
    }

    /** The inputs schema without the secret inputs, which the server binds and the agent never sees. */
    static ObjectNode inputSchema(ObjectNode schema, Collection<String> secrets) {
        ObjectNode result = objectSchema(schema);
        if (result.get("properties") instanceof ObjectNode properties) {
            properties.remove(secrets);
        }
        if (result.get("required") instanceof ArrayNode required) {
            for (int i = required.size() - 1; i >= 0; i--) {
                if (secrets.contains(required.get(i).asText())) {
                    required.remove(i);
                }
            }
        }
        return result;
    }

    /** MCP wants object schemas with {@code type: object}; a schema without a type gets it. */
    private static ObjectNode objectSchema(ObjectNode schema) {
        if (!schema.has("type")) {
            schema.put("type", "object");
        }
        return schema;
    }

    static Map<String, Object> map(JsonNode node) {
        return JSON.convertValue(node, MAP);
    }
}
