package dev.weft.compiler.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a bundled OpenAPI 3.2 tree as the 3.1 one Swagger Parser reads, keeping the operations,
 * methods and parameters Weft needs (see docs/design.md, "OpenAPI 3.2 is rewritten as 3.1").
 */
final class Oas32 {
    /** The extension holding a rewritten operation's real path. */
    static final String PATH = "x-weft-path";
    /** The extension holding a rewritten operation's real HTTP method. */
    static final String METHOD = "x-weft-method";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_HOPS = 10;

    private Oas32() {}

    static boolean is32(JsonNode tree) {
        return tree.path("openapi").asText("").startsWith("3.2");
    }

    /** Rewrites {@code tree} (bundled: every reference local) in place. */
    static void toOas31(ObjectNode tree) {
        tree.put("openapi", "3.1.1");
        tree.remove("$self");
        inlineMediaTypes(tree, tree, 0);
        if (tree.get("components") instanceof ObjectNode components) {
            components.remove("mediaTypes");
        }
        forEachPathItem(tree, item -> {
            expandQuerystrings(tree, item);
            for (JsonNode op : operations(item)) {
                if (op instanceof ObjectNode operation) {
                    expandQuerystrings(tree, operation);
                }
            }
        });
        if (tree.get("paths") instanceof ObjectNode paths) {
            for (var e : new ArrayList<>(paths.properties())) {
                splitOperations(tree, paths, e.getKey(), e.getValue());
            }
        }
        forEachPathItem(tree, item -> {
            item.remove("query");
            item.remove("additionalOperations");
        });
        if (tree.path("components").get("parameters") instanceof ObjectNode parameters) {
            for (var e : new ArrayList<>(parameters.properties())) {
                if ("querystring".equals(e.getValue().path("in").asText())) {
                    parameters.remove(e.getKey()); // every use was expanded
                }
            }
        }
    }

    /** The 3.2-only operations of a path become path items of their own, beside it. */
    private static void splitOperations(ObjectNode tree, ObjectNode paths, String path, JsonNode declared) {
        JsonNode item = resolve(tree, declared, "#/components/pathItems/");
        if (!(item instanceof ObjectNode pathItem)) {
            return;
        }
        List<Map.Entry<String, JsonNode>> extra = new ArrayList<>();
        if (pathItem.get("query") != null) {
            extra.add(Map.entry("QUERY", pathItem.get("query")));
        }
        if (pathItem.get("additionalOperations") instanceof ObjectNode more) {
            extra.addAll(more.properties());
        }
        for (Map.Entry<String, JsonNode> op : extra) {
            ObjectNode own = NODES.objectNode();
            own.put(PATH, path);
            own.put(METHOD, op.getKey());
            for (String shared : List.of("summary", "description", "servers", "parameters")) {
                if (pathItem.get(shared) != null) {
                    own.set(shared, pathItem.get(shared).deepCopy());
                }
            }
            own.set("post", op.getValue().deepCopy());
            paths.set(path + "#" + op.getKey(), own);
        }
    }

    private static List<JsonNode> operations(ObjectNode item) {
        List<JsonNode> ops = new ArrayList<>();
        for (String method : OpenApiShape.METHODS) {
            if (item.get(method) != null) {
                ops.add(item.get(method));
            }
        }
        if (item.get("additionalOperations") instanceof ObjectNode more) {
            more.forEach(ops::add);
        }
        return ops;
    }

    private static void forEachPathItem(ObjectNode tree, java.util.function.Consumer<ObjectNode> action) {
        for (JsonNode holder : List.of(
                tree.path("paths"),
                tree.path("webhooks"),
                tree.path("components").path("pathItems"))) {
            if (holder instanceof ObjectNode items) {
                for (var e : items.properties()) {
                    if (!e.getKey().startsWith("x-") && e.getValue() instanceof ObjectNode item) {
                        action.accept(item);
                    }
                }
            }
        }
    }

    /**
     * An {@code in: querystring} parameter (the whole query string, described by a schema under
     * {@code content}) becomes one {@code in: query} parameter per property of that schema, which is
     * how a form-encoded query string carries them. One whose schema lists no properties is dropped.
     */
    private static void expandQuerystrings(ObjectNode tree, ObjectNode holder) {
        if (!(holder.get("parameters") instanceof ArrayNode parameters)) {
            return;
        }
        ArrayNode expanded = NODES.arrayNode();
        boolean changed = false;
        for (JsonNode declared : parameters) {
            JsonNode parameter = resolve(tree, declared, "#/components/parameters/");
            if (parameter == null || !"querystring".equals(parameter.path("in").asText())) {
                expanded.add(declared);
                continue;
            }
            changed = true;
            JsonNode schema = NODES.missingNode();
            for (JsonNode media : parameter.path("content")) {
                schema = resolve(tree, media.path("schema"), "#/components/schemas/");
                break;
            }
            if (schema == null) {
                continue;
            }
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            for (var property : schema.path("properties").properties()) {
                ObjectNode query = NODES.objectNode();
                query.put("name", property.getKey());
                query.put("in", "query");
                if (required.contains(property.getKey())) {
                    query.put("required", true);
                }
                query.put("style", "form");
                query.put("explode", true);
                query.set("schema", property.getValue().deepCopy());
                expanded.add(query);
            }
        }
        if (changed) {
            holder.set("parameters", expanded);
        }
    }

    /** Media type objects that are references to {@code components.mediaTypes} become copies of their target. */
    private static void inlineMediaTypes(ObjectNode tree, JsonNode node, int depth) {
        if (depth > 200) {
            return;
        }
        if (node instanceof ObjectNode object) {
            if (object.get("content") instanceof ObjectNode content) {
                for (var e : new ArrayList<>(content.properties())) {
                    if (e.getValue().has("$ref")) {
                        JsonNode target = resolve(tree, e.getValue(), "#/components/mediaTypes/");
                        if (target != null && !target.has("$ref")) {
                            content.set(e.getKey(), target.deepCopy());
                        }
                    }
                }
            }
            for (var e : object.properties()) {
                if (!e.getKey().equals("mediaTypes")) {
                    inlineMediaTypes(tree, e.getValue(), depth + 1);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode item : array) {
                inlineMediaTypes(tree, item, depth + 1);
            }
        }
    }

    /** Follows local references under {@code prefix}; null when one dangles or loops. */
    private static JsonNode resolve(ObjectNode tree, JsonNode node, String prefix) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref"); hops++) {
            String ref = current.path("$ref").asText();
            if (hops >= MAX_HOPS || !ref.startsWith(prefix)) {
                return hops == 0 ? current : null;
            }
            current = tree.at(ref.substring(1));
            if (current.isMissingNode()) {
                return null;
            }
        }
        return current;
    }
}
