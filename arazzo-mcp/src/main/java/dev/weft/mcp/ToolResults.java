package dev.weft.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.http.Redactor;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Builds the result of a tool call: the workflow's outputs as structured content (and the same JSON as text, for
 * clients that read only text), or a tool error ({@code isError}) that names the failed step, its HTTP status and
 * the response excerpt. Every text is masked with the call's secrets once more, in every encoding the runtime's
 * {@link Redactor} knows, so that an output a server filled with the key cannot carry it to the agent.
 */
final class ToolResults {

    private ToolResults() {}

    static McpSchema.CallToolResult success(ObjectNode outputs, Redactor.Masks masks) {
        ObjectNode masked = (ObjectNode) mask(outputs, masks);
        return McpSchema.CallToolResult.builder()
                .structuredContent(ToolSchemas.map(masked))
                .addTextContent(text(masked))
                .isError(false)
                .build();
    }

    static McpSchema.CallToolResult failure(Throwable failure, String workflowId, Redactor.Masks masks) {
        Throwable cause = unwrap(failure);
        String message;
        if (cause instanceof WorkflowException e) {
            message = e.getMessage();
        } else if (cause instanceof CancellationException) {
            message = "workflow '" + workflowId + "' was cancelled";
        } else if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
            message = cause.getMessage(); // inputs that do not fit, or a secret the server lacks
        } else {
            message = "workflow '" + workflowId + "' failed: " + cause;
        }
        return error(masks.mask(message));
    }

    static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder()
                .addTextContent(message)
                .isError(true)
                .build();
    }

    private static JsonNode mask(JsonNode node, Redactor.Masks masks) {
        if (node.isTextual()) {
            String masked = masks.mask(node.asText());
            return masked.equals(node.asText()) ? node : TextNode.valueOf(masked);
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object.objectNode();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                copy.set(masks.mask(field.getKey()), mask(field.getValue(), masks));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.forEach(item -> copy.add(mask(item, masks)));
            return copy;
        }
        return node;
    }

    private static String text(ObjectNode outputs) {
        try {
            return ToolSchemas.JSON.writeValueAsString(outputs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outputs that are a JSON tree always serialize", e);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
