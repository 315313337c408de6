package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Suggestions;
import dev.weft.compiler.resolve.OperationRef;
import dev.weft.compiler.resolve.Schemas;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks a {@code $response.body} JSON Pointer through an operation's JSON response schemas, to tell
 * a pointer that surely leads nowhere from one the schemas do not describe.
 */
final class ResponsePointers {
    private static final Set<String> SCALARS = Set.of("string", "integer", "number", "boolean", "null");

    private ResponsePointers() {}

    /** Where one walk ended: found, surely missing (with why), or beyond what the schema says. */
    private record Walk(Kind kind, String why) {
        static final Walk FOUND = new Walk(Kind.FOUND, "");
        static final Walk UNKNOWN = new Walk(Kind.UNKNOWN, "");

        static Walk missing(String why) {
            return new Walk(Kind.MISSING, why);
        }
    }

    private enum Kind {
        FOUND,
        MISSING,
        UNKNOWN
    }

    /**
     * Why {@code tokens} lead nowhere in every JSON response schema of {@code op}, or empty when some
     * schema has the location, or does not say.
     */
    static Optional<String> missing(OperationRef op, List<String> tokens) {
        if (op.operation().getResponses() == null) {
            return Optional.empty();
        }
        String first = null;
        for (Map.Entry<String, ApiResponse> response :
                op.operation().getResponses().entrySet()) {
            if (response.getValue().getContent() == null) {
                continue;
            }
            for (Map.Entry<String, MediaType> media :
                    response.getValue().getContent().entrySet()) {
                Schema<?> schema = media.getValue().getSchema();
                if (!RequestBodyCheck.isJson(media.getKey()) || schema == null) {
                    continue;
                }
                Walk walk = walk(op.api(), schema, tokens, 0, 0);
                if (walk.kind() != Kind.MISSING) {
                    return Optional.empty();
                }
                if (first == null) {
                    first = walk.why();
                }
            }
        }
        return Optional.ofNullable(first);
    }

    private static Walk walk(OpenAPI api, Schema<?> declared, List<String> tokens, int i, int depth) {
        Schema<?> schema = declared == null ? null : Schemas.resolve(api, declared);
        if (schema == null || depth > 64) {
            return Walk.UNKNOWN;
        }
        if (i == tokens.size()) {
            return Walk.FOUND;
        }
        List<Walk> results = new ArrayList<>();
        for (List<Schema<?>> branches : composed(schema)) {
            for (Schema<?> branch : branches) {
                results.add(walk(api, branch, tokens, i, depth + 1));
            }
        }
        results.add(own(api, schema, tokens, i, depth));
        if (results.stream().anyMatch(r -> r.kind() == Kind.FOUND)) {
            return Walk.FOUND;
        }
        if (results.stream().anyMatch(r -> r.kind() == Kind.UNKNOWN)) {
            return Walk.UNKNOWN;
        }
        return results.get(results.size() - 1);
    }

    @SuppressWarnings("rawtypes")
    /** The allOf, oneOf and anyOf branches; Swagger's model hands them out as raw {@code List<Schema>}. */
    private static List<List<Schema<?>>> composed(Schema<?> schema) {
        List<List<Schema<?>>> lists = new ArrayList<>();
        for (List<Schema<?>> list :
                List.of(typed(schema.getAllOf()), typed(schema.getOneOf()), typed(schema.getAnyOf()))) {
            if (!list.isEmpty()) {
                lists.add(list);
            }
        }
        return lists;
    }

    @SuppressWarnings("rawtypes") // Swagger's ComposedSchema API is raw; each element is a Schema<?>
    private static List<Schema<?>> typed(List<Schema> list) {
        List<Schema<?>> typed = new ArrayList<>();
        if (list != null) {
            list.forEach(typed::add);
        }
        return typed;
    }

    private static Walk own(OpenAPI api, Schema<?> schema, List<String> tokens, int i, int depth) {
        String token = tokens.get(i);
        String type = typeOf(schema);
        String at = i == 0 ? "the body" : "'#/" + String.join("/", tokens.subList(0, i)) + "'";
        if ("array".equals(type) || schema.getItems() != null && schema.getProperties() == null) {
            return token.matches("0|[1-9][0-9]*")
                    ? walk(api, schema.getItems(), tokens, i + 1, depth + 1)
                    : Walk.missing(at + " is an array, and '" + token + "' is not an index");
        }
        if (schema.getProperties() != null && schema.getProperties().containsKey(token)) {
            return walk(api, schema.getProperties().get(token), tokens, i + 1, depth + 1);
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> extra) {
            return walk(api, extra, tokens, i + 1, depth + 1);
        }
        if (schema.getProperties() != null
                && !schema.getProperties().isEmpty()
                && !Boolean.TRUE.equals(schema.getAdditionalProperties())) {
            return Walk.missing(at + " has no property '" + token + "'"
                    + Suggestions.hint(token, schema.getProperties().keySet()));
        }
        if (type != null && SCALARS.contains(type)) {
            return Walk.missing(at + " is a " + type + ", which has no member '" + token + "'");
        }
        return Walk.UNKNOWN;
    }

    private static String typeOf(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        Set<String> types = schema.getTypes();
        if (types != null) {
            List<String> nonNull = types.stream().filter(t -> !t.equals("null")).toList();
            return nonNull.size() == 1 ? nonNull.get(0) : null;
        }
        return null;
    }
}
