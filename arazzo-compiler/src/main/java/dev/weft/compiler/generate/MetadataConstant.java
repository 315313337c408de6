package dev.weft.compiler.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.weft.compiler.model.InputSchema;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Node;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.ResolvedDocument;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * The {@code METADATA} constant of a workflow class: its summary and description, its inputs' JSON Schema as the
 * document writes it, its outputs' JSON Schema from the {@code Outputs} types, its secret inputs and the HTTP
 * methods it sends (those of the workflows it calls included), for a tool server that lists workflows.
 */
final class MetadataConstant {
    static final String NAME = "METADATA";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MetadataConstant() {}

    static FieldSpec field(ResolvedDocument document, Workflow workflow, OutputTypes types) {
        List<CodeBlock> calls = new ArrayList<>();
        if (workflow.summary() != null) {
            calls.add(CodeBlock.of(".summary($L)", Literals.of(workflow.summary())));
        }
        if (workflow.description() != null) {
            calls.add(CodeBlock.of(".description($L)", Literals.of(workflow.description())));
        }
        calls.add(CodeBlock.of(".inputsSchema($L)", Literals.of(text(inputsSchema(workflow)))));
        calls.add(CodeBlock.of(".outputsSchema($L)", Literals.of(text(outputsSchema(workflow, types)))));
        List<String> secrets = secrets(workflow);
        if (!secrets.isEmpty()) {
            calls.add(CodeBlock.of(".secretInputs($L)", strings(secrets)));
        }
        Set<String> methods = new TreeSet<>();
        methods(document, workflow, methods, new IdentityHashMap<>());
        if (!methods.isEmpty()) {
            calls.add(CodeBlock.of(".httpMethods($L)", strings(List.copyOf(methods))));
        }
        calls.add(CodeBlock.of(".build()"));
        CodeBlock init =
                Chains.expression(CodeBlock.of("$T.builder(WORKFLOW_ID)", RuntimeTypes.WORKFLOW_METADATA), calls);
        return FieldSpec.builder(
                        RuntimeTypes.WORKFLOW_METADATA, NAME, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(Docs.wrap(
                        "What this workflow says about itself, for {@link #JSON}'s {@code metadata()}: its texts, the"
                                + " JSON Schemas of its inputs and outputs, its secret inputs and the HTTP methods it"
                                + " sends.",
                        Docs.MEMBER))
                .initializer("$>$>$L$<$<", init) // a field's continuation lines get no indent of their own
                .build();
    }

    private static ObjectNode inputsSchema(Workflow workflow) {
        JsonNode schema = workflow.inputs() == null ? null : json(workflow.inputs());
        return schema instanceof ObjectNode object ? object : NODES.objectNode().put("type", "object");
    }

    /** One property per output, typed as the {@code Outputs} record types it; any output may be absent or null. */
    private static ObjectNode outputsSchema(Workflow workflow, OutputTypes types) {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (Map.Entry<String, Located<String>> output : workflow.outputs().entrySet()) {
            ObjectNode property = properties.putObject(output.getKey());
            String type = switch (types.ofWorkflowOutputNamed(output.getKey())) {
                case STRING -> "string";
                case LONG -> "integer";
                case DOUBLE -> "number";
                case BOOLEAN -> "boolean";
                case LIST -> "array";
                case JSON -> null;
            };
            if (type != null) {
                property.putArray("type").add(type).add("null");
            }
        }
        return schema;
    }

    private static List<String> secrets(Workflow workflow) {
        InputSchema schema = InputSchema.of(workflow);
        return schema.properties().keySet().stream().filter(schema::isSecret).toList();
    }

    /** The methods of the operations a workflow's steps call, then those of every workflow it references. */
    private static void methods(
            ResolvedDocument document, Workflow workflow, Set<String> into, Map<Workflow, Boolean> seen) {
        if (seen.put(workflow, Boolean.TRUE) != null) {
            return;
        }
        for (Step step : workflow.steps()) {
            document.target(workflow, step).ifPresent(operation -> into.add(operation.method()));
        }
        for (Located<String> reference : workflow.workflowReferences()) {
            document.workflow(reference.value())
                    .ifPresent(called -> methods(called.document(), called.workflow(), into, seen));
        }
    }

    private static JsonNode json(Node node) {
        if (node instanceof Node.MapNode map) {
            ObjectNode object = NODES.objectNode();
            map.entries().forEach((key, entry) -> object.set(key, json(entry.value())));
            return object;
        }
        if (node instanceof Node.ListNode list) {
            ArrayNode array = NODES.arrayNode();
            list.items().forEach(item -> array.add(json(item)));
            return array;
        }
        if (node instanceof Node.StringNode string) {
            return NODES.textNode(string.value());
        }
        if (node instanceof Node.NumberNode number) {
            try {
                return number.integral()
                        ? NODES.numberNode(number.value().toBigIntegerExact())
                        : NODES.numberNode(number.value());
            } catch (ArithmeticException notWhole) {
                return NODES.numberNode(number.value());
            }
        }
        if (node instanceof Node.BooleanNode bool) {
            return NODES.booleanNode(bool.value());
        }
        return NODES.nullNode();
    }

    private static String text(JsonNode node) {
        try {
            // one JSON line per source line: Literals writes a multi-line text a line per literal
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static CodeBlock strings(List<String> values) {
        List<CodeBlock> literals = new ArrayList<>();
        values.forEach(v -> literals.add(Literals.of(v)));
        return CodeBlock.join(literals, ", ");
    }
}
