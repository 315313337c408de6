package dev.weft.compiler.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Copies out of an OpenAPI tree the parts a document's steps use, before they are bundled and handed to Swagger
 * Parser, so that the cost of a description grows with what a workflow uses rather than with its whole size
 * (GitHub's 13 MB description for a two-step workflow).
 *
 * <p>What stays: every path item and operation, but an operation no step names keeps only its
 * {@code operationId} (the index of operations, suggestions and duplicate-id diagnostics see them all);
 * operations a step names by {@code operationId}, path items a step names by {@code operationPath}, everything
 * outside {@code paths}, {@code webhooks} and {@code components} but the root's extensions (data to Swagger Parser,
 * read by nothing in Weft), the security schemes, and every component
 * those reach through {@code $ref}s (and discriminator mappings), transitively. When a kept part refers to
 * anything else in the file ({@code #/paths/...}, a 3.1 {@code $id} or anchor), the whole tree is used; when it
 * refers to another file, the components stay whole (that file may refer back to them).
 */
final class UsedParts {
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace", "query");
    private static final Set<String> ANCHORS = Set.of("$id", "$anchor", "$dynamicRef", "$dynamicAnchor");
    /** Swagger 2.0's component maps, at the root. */
    private static final Set<String> SWAGGER2_CONTAINERS = Set.of("definitions", "parameters", "responses");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * What a document's steps use of one source.
     *
     * @param operationIds the operationIds steps name
     * @param paths the path keys of {@code paths} that steps' operationPaths name
     */
    record Uses(Set<String> operationIds, Set<String> paths) {
        Uses {
            operationIds = Set.copyOf(operationIds);
            paths = Set.copyOf(paths);
        }

        /** Whether these uses hold all of {@code other}'s. */
        boolean holds(Uses other) {
            return operationIds.containsAll(other.operationIds) && paths.containsAll(other.paths);
        }
    }

    private final ObjectNode tree;
    private final boolean swagger2;
    private final Uses uses;
    private final Deque<JsonNode> work = new ArrayDeque<>();
    private final Set<String> reached = new HashSet<>();
    /** The operations steps name and the path items they are in, by identity. */
    private final Set<JsonNode> used = Collections.newSetFromMap(new IdentityHashMap<>());

    private boolean external;

    private UsedParts(ObjectNode tree, boolean swagger2, Uses uses) {
        this.tree = tree;
        this.swagger2 = swagger2;
        this.uses = uses;
    }

    /**
     * A copy of the parts of {@code tree} that {@code uses} needs; {@code tree} is not changed.
     *
     * @return the copy, or null when the tree cannot be cut safely (the caller copies it whole)
     */
    static ObjectNode copy(ObjectNode tree, boolean swagger2, Uses uses) {
        UsedParts parts = new UsedParts(tree, swagger2, uses);
        return parts.plan() ? parts.copy() : null;
    }

    private boolean plan() {
        if (!(tree.get("paths") instanceof ObjectNode paths)) {
            return false;
        }
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            // an extension is data to Swagger Parser, whose references it does not follow (GitHub's
            // x-webhooks would otherwise keep a third of its schemas)
            if (!container(field.getKey()) && !field.getKey().startsWith("x-")) {
                work.push(field.getValue());
            }
        }
        items(paths, true);
        if (tree.get("webhooks") instanceof ObjectNode webhooks) {
            items(webhooks, false);
        }
        work.push(tree.path("components").path("securitySchemes"));
        return follow();
    }

    /** Whether a root field holds path items or components, which are copied in part. */
    private boolean container(String name) {
        return name.equals("paths")
                || name.equals("webhooks")
                || name.equals("components")
                || (swagger2 && SWAGGER2_CONTAINERS.contains(name));
    }

    private ObjectNode copy() {
        ObjectNode copy = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.startsWith("x-")) {
                continue; // extensions of the description as a whole: nothing in Weft reads them
            } else if (!container(name) || !(value instanceof ObjectNode map)) {
                copy.set(name, value.deepCopy());
            } else if (name.equals("paths") || name.equals("webhooks")) {
                ObjectNode items = copy.putObject(name);
                map.properties().forEach(e -> items.set(e.getKey(), item(e.getValue())));
            } else if (name.equals("components")) {
                ObjectNode components = copy.putObject(name);
                map.properties()
                        .forEach(type -> components.set(
                                type.getKey(),
                                type.getKey().equals("securitySchemes")
                                        ? type.getValue().deepCopy()
                                        : named(type.getKey(), type.getValue())));
            } else {
                copy.set(name, named(name, value));
            }
        }
        return copy;
    }

    /** A component map: the components reached, or all of them when another file may refer to them. */
    private JsonNode named(String container, JsonNode map) {
        if (external || !(map instanceof ObjectNode named)) {
            return map.deepCopy();
        }
        ObjectNode copy = NODES.objectNode();
        named.properties().forEach(e -> {
            if (reached.contains(container + "/" + e.getKey())) {
                copy.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        return copy;
    }

    /** A path item: whole when used whole, else its used operations and the others' operationIds. */
    private JsonNode item(JsonNode declared) {
        if (!(declared instanceof ObjectNode item) || used.contains(item) && !hasOperations(item)) {
            return declared.deepCopy();
        }
        ObjectNode copy = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : item.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (METHODS.contains(key)) {
                copy.set(key, copied(value));
            } else if (key.equals("additionalOperations") && value instanceof ObjectNode more) {
                ObjectNode ops = copy.putObject(key);
                more.properties().forEach(op -> ops.set(op.getKey(), copied(op.getValue())));
            } else if (!key.equals("parameters") || used.contains(item)) {
                copy.set(key, value.deepCopy());
            }
        }
        return copy;
    }

    /** Whether some of a used path item's operations are cut: false for one used as a whole. */
    private boolean hasOperations(ObjectNode item) {
        for (Map.Entry<String, JsonNode> field : item.properties()) {
            if (METHODS.contains(field.getKey()) && !used.contains(field.getValue())) {
                return true;
            }
            if (field.getKey().equals("additionalOperations")) {
                for (JsonNode op : field.getValue()) {
                    if (!used.contains(op)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private JsonNode copied(JsonNode op) {
        if (used.contains(op) || !(op instanceof ObjectNode)) {
            return op.deepCopy();
        }
        ObjectNode skeleton = NODES.objectNode();
        if (op.get("operationId") != null) {
            skeleton.set("operationId", op.get("operationId").deepCopy());
        }
        if (!swagger2 && op.has("responses")) {
            skeleton.putObject("responses");
        }
        return skeleton;
    }

    /** Notes what a {@code paths} or {@code webhooks} map uses and queues it. */
    private void items(ObjectNode items, boolean paths) {
        for (Map.Entry<String, JsonNode> entry : items.properties()) {
            if (!(entry.getValue() instanceof ObjectNode item)
                    || item.has("$ref")
                    || (paths && uses.paths().contains(entry.getKey()))) {
                wholly(entry.getValue());
                continue;
            }
            boolean any = false;
            for (Map.Entry<String, JsonNode> field : item.properties()) {
                String key = field.getKey();
                if (METHODS.contains(key)) {
                    any |= operation(field.getValue());
                } else if (key.equals("additionalOperations") && field.getValue() instanceof ObjectNode more) {
                    for (JsonNode op : more) {
                        any |= operation(op);
                    }
                } else if (!key.equals("parameters")) {
                    work.push(field.getValue());
                }
            }
            if (any) {
                used.add(item);
                work.push(item.path("parameters"));
            }
        }
    }

    /** A path item kept whole: it and all its operations are used. */
    private void wholly(JsonNode item) {
        used.add(item);
        item.forEach(used::add);
        item.path("additionalOperations").forEach(used::add);
        work.push(item);
    }

    /** Notes and queues an operation a step names; whether it is one. */
    private boolean operation(JsonNode op) {
        JsonNode id = op.get("operationId");
        if (id != null && id.isTextual() && uses.operationIds().contains(id.asText())) {
            used.add(op);
            work.push(op);
            return true;
        }
        return false;
    }

    /** Follows every reference of what is queued; false when one leads somewhere that cannot be cut safely. */
    private boolean follow() {
        while (!work.isEmpty()) {
            JsonNode node = work.pop();
            if (node.isArray()) {
                node.forEach(work::push);
                continue;
            }
            if (!node.isObject()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                JsonNode value = field.getValue();
                if (ANCHORS.contains(key)) {
                    return false;
                }
                if (key.equals("$ref") && value.isTextual() && !reference(value.asText())) {
                    return false;
                }
                if (key.equals("discriminator") && value.path("mapping") instanceof ObjectNode mapping) {
                    for (JsonNode target : mapping) {
                        String text = target.asText();
                        if (text.startsWith("#")) {
                            if (!reference(text)) {
                                return false;
                            }
                        } else if (text.contains("/") || text.contains(".")) {
                            external = true; // a URL or a file
                        } else {
                            reach(swagger2 ? "definitions" : "schemas", text);
                        }
                    }
                }
                if (value.isContainerNode()) {
                    work.push(value);
                }
            }
        }
        return true;
    }

    /** Follows one {@code $ref}; false for a local one that is not to a component. */
    private boolean reference(String ref) {
        if (!ref.startsWith("#")) {
            external = true;
            return true;
        }
        String[] tokens = ref.split("/", -1);
        if (tokens.length >= 4 && tokens[0].equals("#") && tokens[1].equals("components")) {
            reach(unescape(tokens[2]), unescape(tokens[3]));
            return true;
        }
        if (swagger2 && tokens.length >= 3 && tokens[0].equals("#") && SWAGGER2_CONTAINERS.contains(tokens[1])) {
            reach(tokens[1], unescape(tokens[2]));
            return true;
        }
        return false;
    }

    private void reach(String container, String name) {
        if (!reached.add(container + "/" + name)) {
            return;
        }
        JsonNode holder = swagger2 && SWAGGER2_CONTAINERS.contains(container)
                ? tree.path(container)
                : tree.path("components").path(container);
        JsonNode target = holder.get(name);
        if (target != null) {
            work.push(target);
        }
    }

    private static String unescape(String token) {
        String decoded = token;
        if (decoded.indexOf('%') >= 0) {
            try {
                decoded = URLDecoder.decode(decoded.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // not percent-encoded after all
            }
        }
        return decoded.replace("~1", "/").replace("~0", "~");
    }
}
