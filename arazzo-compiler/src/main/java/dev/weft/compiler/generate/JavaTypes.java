package dev.weft.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.weft.compiler.model.Node;
import dev.weft.compiler.resolve.PointerSchemas;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java types of inputs and outputs: from the inputs JSON Schema and from the OpenAPI response
 * schema a pointer lands in. What cannot be known stays {@code JsonNode}.
 */
enum JavaTypes {
    STRING(ClassName.get(String.class), "asString"),
    LONG(ClassName.get(Long.class), "asLong"),
    DOUBLE(ClassName.get(Double.class), "asDouble"),
    BOOLEAN(ClassName.get(Boolean.class), "asBoolean"),
    LIST(RuntimeTypes.listOf(RuntimeTypes.JSON_NODE), "asList"),
    JSON(RuntimeTypes.JSON_NODE, "asJson");

    private final TypeName type;
    private final String conversion;

    JavaTypes(TypeName type, String conversion) {
        this.type = type;
        this.conversion = conversion;
    }

    TypeName type() {
        return type;
    }

    /** The name of the {@code Values} method converting to this type. */
    String conversionMethod() {
        return conversion;
    }

    /** Code converting a {@code JsonNode} expression to this type. */
    CodeBlock convert(CodeBlock node) {
        return CodeBlock.of("$T.$N($L)", RuntimeTypes.VALUES, conversion, node);
    }

    /**
     * Code reading output {@code name} of the {@code json} outputs as this type: through {@code Values.output},
     * which names the output, for the conversions that can fail on a value of another type.
     */
    CodeBlock convertOutput(CodeBlock name) {
        return this == STRING || this == JSON
                ? convert(CodeBlock.of("json.get($L)", name))
                : CodeBlock.of(
                        "$T.output(json, $L, $T::$N)", RuntimeTypes.VALUES, name, RuntimeTypes.VALUES, conversion);
    }

    static JavaTypes ofJsonSchemaType(String type) {
        if (type == null) {
            return JSON;
        }
        return switch (type) {
            case "string" -> STRING;
            case "integer" -> LONG;
            case "number" -> DOUBLE;
            case "boolean" -> BOOLEAN;
            case "array" -> LIST;
            default -> JSON;
        };
    }

    /** The Java type of an input property from its JSON Schema; arrays of scalars become typed lists. */
    static TypeName ofInput(Node schema) {
        if (!(schema instanceof Node.MapNode map) || !(map.get("type") instanceof Node.StringNode type)) {
            return RuntimeTypes.JSON_NODE;
        }
        if (type.value().equals("array")) {
            Node items = map.get("items");
            JavaTypes element = items instanceof Node.MapNode i && i.get("type") instanceof Node.StringNode t
                    ? ofJsonSchemaType(t.value())
                    : JSON;
            return RuntimeTypes.listOf(element == LIST ? RuntimeTypes.JSON_NODE : element.type());
        }
        return ofJsonSchemaType(type.value()).type();
    }

    /**
     * The type at {@code pointer} tokens inside OpenAPI schemas (one per admitted response), through
     * compositions and discriminators; JSON when the schemas do not say or disagree.
     */
    static JavaTypes atPointer(OpenAPI api, List<Schema<?>> roots, List<String> tokens) {
        List<Schema<?>> all = new ArrayList<>();
        for (Schema<?> root : roots) {
            List<Schema<?>> found = PointerSchemas.at(api, root, tokens);
            if (found == null) {
                return JSON;
            }
            all.addAll(found);
        }
        return all.isEmpty() ? JSON : ofJsonSchemaType(PointerSchemas.type(api, all));
    }
}
