package dev.weft.compiler.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.compiler.WorkflowSignature;
import dev.weft.compiler.diagnostic.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code --input} values of a run, checked against the workflow's inputs (an unknown name and every missing
 * required one are usage errors) and read as JSON, with the values of secret inputs kept to be masked.
 *
 * @param json the inputs object the workflow runs with
 * @param secrets the values of the secret inputs
 */
record RunInputs(ObjectNode json, Set<String> secrets) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads the inputs.
     *
     * @throws IllegalArgumentException with one line saying every problem: unknown and missing inputs
     */
    static RunInputs of(WorkflowSignature workflow, Map<String, String> given) {
        List<String> problems = new ArrayList<>();
        String id = workflow.workflowId();
        for (String name : given.keySet()) {
            if (workflow.input(name).isEmpty()) {
                problems.add(
                        workflow.inputs().isEmpty()
                                ? "workflow '" + id + "' takes no inputs, but --input gives '" + name + "'"
                                : "unknown input '" + name + "' of workflow '" + id + "'"
                                        + Suggestions.hint(name, workflow.inputNames()));
            }
        }
        List<String> missing = workflow.inputs().stream()
                .filter(i -> i.required() && !given.containsKey(i.name()))
                .map(WorkflowSignature.Input::name)
                .toList();
        if (!missing.isEmpty()) {
            problems.add("workflow '" + id + "' needs " + (missing.size() == 1 ? "input " : "inputs ")
                    + missing.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ")) + ": add "
                    + missing.stream().map(n -> "--input " + n + "=VALUE").collect(Collectors.joining(" ")));
        }
        ObjectNode json = JSON.createObjectNode();
        Set<String> secrets = new LinkedHashSet<>();
        for (Map.Entry<String, String> input : given.entrySet()) {
            WorkflowSignature.Input declared = workflow.input(input.getKey()).orElse(null);
            if (declared == null) {
                continue;
            }
            JsonNode value = "string".equals(declared.type())
                    ? JsonNodeFactory.instance.textNode(input.getValue())
                    : parse(input.getValue());
            if (!fits(value, declared.type())) {
                problems.add("input '" + declared.name() + "' of workflow '" + id + "' takes "
                        + ("integer".equals(declared.type()) ? "an " : "a ") + declared.type()
                        + (declared.secret() ? "" : ", not '" + input.getValue() + "'"));
            }
            json.set(input.getKey(), value);
            if (declared.secret()) {
                secrets.add(input.getValue());
                secrets.add(value.isTextual() ? value.textValue() : value.toString());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new RunInputs(json, Set.copyOf(secrets));
    }

    /** Whether a value has the JSON Schema type (any value fits an input without one; null is unset). */
    private static boolean fits(JsonNode value, String type) {
        if (type == null || value.isNull()) {
            return true;
        }
        return switch (type) {
            case "integer" ->
                value.isIntegralNumber()
                        || value.isNumber()
                                && value.decimalValue().stripTrailingZeros().scale() <= 0;
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> true;
        };
    }

    /** JSON when the text is JSON (a number, true, an object…), else the text as a string. */
    private static JsonNode parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null || node.isMissingNode() ? JsonNodeFactory.instance.textNode(text) : node;
        } catch (JsonProcessingException notJson) {
            return JsonNodeFactory.instance.textNode(text);
        }
    }
}
