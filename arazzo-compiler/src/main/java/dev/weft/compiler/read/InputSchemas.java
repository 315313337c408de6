package dev.weft.compiler.read;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.diagnostic.Suggestions;
import dev.weft.compiler.model.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Workflow inputs schemas and {@code components.inputs} (WF-3, D-41, D-42): the JSON Schema
 * keywords Weft relies on have the right shape, {@code $ref}s resolve against the Arazzo document
 * (or name an existing file) and never loop; a workflow's {@code inputs} that is only a {@code $ref}
 * to a component stands for that component.
 *
 * <p>Full JSON Schema validation of the schemas is out of scope; keywords Weft does not read are
 * left alone.
 */
final class InputSchemas {
    static final String PREFIX = "#/components/inputs/";
    private static final Set<String> TYPES =
            Set.of("null", "boolean", "object", "array", "number", "string", "integer");
    private static final Set<String> SCHEMA_KEYWORDS = Set.of(
            "items",
            "additionalProperties",
            "not",
            "contains",
            "propertyNames",
            "if",
            "then",
            "else",
            "unevaluatedItems",
            "unevaluatedProperties");
    private static final Set<String> SCHEMA_MAPS =
            Set.of("properties", "$defs", "definitions", "patternProperties", "dependentSchemas");
    private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");

    private final Path file;
    private final Node root;
    private final Map<String, Node> components = new LinkedHashMap<>();
    private final Diagnostics diagnostics;

    /**
     * @param root the document root, against which {@code #/...} references resolve
     * @param section the {@code components.inputs} object, or null
     */
    InputSchemas(Path file, Node root, Node section, Diagnostics diagnostics) {
        this.file = file;
        this.root = root;
        this.diagnostics = diagnostics;
        if (section instanceof Node.MapNode map) {
            map.entries().forEach((key, entry) -> components.put(key, entry.value()));
        }
    }

    /** Checks every component schema, and that their references do not form a cycle. */
    void checkComponents() {
        components.forEach((key, schema) -> check(schema, "components.inputs." + key));
        Set<String> reported = new LinkedHashSet<>();
        for (String key : components.keySet()) {
            cycle(key, new ArrayList<>(), reported);
        }
    }

    /**
     * Checks a workflow's inputs schema and returns the schema it stands for: the component it only
     * references, or itself.
     */
    Node workflowInputs(Node inputs, String workflowId) {
        check(inputs, "inputs of workflow '" + workflowId + "'");
        Node current = inputs;
        Set<String> seen = new LinkedHashSet<>();
        while (current instanceof Node.MapNode map
                && map.entries().size() == 1
                && map.get("$ref") instanceof Node.StringNode ref
                && ref.value().startsWith(PREFIX)) {
            String key = ref.value().substring(PREFIX.length());
            Node target = components.get(key);
            if (target == null || !seen.add(key)) {
                return inputs; // reported by check() or checkComponents()
            }
            current = target;
        }
        return current;
    }

    private void check(Node schema, String what) {
        if (schema instanceof Node.BooleanNode) {
            return;
        }
        if (!(schema instanceof Node.MapNode map)) {
            error(schema.location(), Message.NOT_A_SCHEMA, what, schema.typeName());
            return;
        }
        map.entries().forEach((keyword, entry) -> keyword(keyword, entry, what));
    }

    private void keyword(String keyword, Node.Entry entry, String what) {
        Node value = entry.value();
        switch (keyword) {
            case "type" -> type(value, what);
            case "required" -> required(value, what);
            case "enum" -> {
                if (!(value instanceof Node.ListNode)) {
                    error(value.location(), Message.ENUM_NOT_AN_ARRAY, what, value.typeName());
                }
            }
            case "$ref" -> reference(value, what);
            default -> {
                if (SCHEMA_KEYWORDS.contains(keyword)) {
                    check(value, "'" + keyword + "' of " + what);
                } else if (SCHEMA_MAPS.contains(keyword)) {
                    schemaMap(keyword, value, what);
                } else if (SCHEMA_LISTS.contains(keyword)) {
                    schemaList(keyword, value, what);
                }
            }
        }
    }

    private void type(Node value, String what) {
        List<Node> names = value instanceof Node.ListNode list ? list.items() : List.of(value);
        for (Node name : names) {
            if (!(name instanceof Node.StringNode s)) {
                error(name.location(), Message.TYPE_NOT_A_NAME, what, name.typeName());
            } else if (!TYPES.contains(s.value())) {
                error(s.at(0), Message.UNKNOWN_SCHEMA_TYPE, s.value(), Suggestions.hint(s.value(), TYPES));
            }
        }
    }

    private void required(Node value, String what) {
        if (!(value instanceof Node.ListNode list)) {
            error(value.location(), Message.REQUIRED_NOT_AN_ARRAY, what, value.typeName());
            return;
        }
        for (Node item : list.items()) {
            if (!(item instanceof Node.StringNode)) {
                error(item.location(), Message.REQUIRED_NOT_NAMES, what, item.typeName());
            }
        }
    }

    private void schemaMap(String keyword, Node value, String what) {
        if (!(value instanceof Node.MapNode map)) {
            error(value.location(), Message.NOT_SCHEMAS_BY_NAME, keyword, what, value.typeName());
            return;
        }
        map.entries()
                .forEach((name, e) -> check(
                        e.value(),
                        keyword.equals("properties")
                                ? "property '" + name + "' of " + what
                                : "'" + keyword + "." + name + "' of " + what));
    }

    private void schemaList(String keyword, Node value, String what) {
        if (!(value instanceof Node.ListNode list) || list.items().isEmpty()) {
            error(
                    value.location(),
                    Message.NOT_A_LIST_OF_SCHEMAS,
                    keyword,
                    what,
                    value instanceof Node.ListNode ? "an empty array" : value.typeName());
            return;
        }
        list.items().forEach(item -> check(item, "'" + keyword + "' of " + what));
    }

    private void reference(Node value, String what) {
        if (!(value instanceof Node.StringNode ref)) {
            error(value.location(), Message.REF_NOT_A_STRING, what, value.typeName());
            return;
        }
        String text = ref.value();
        if (text.startsWith(PREFIX)) {
            String key = text.substring(PREFIX.length());
            if (!components.containsKey(key.split("/", 2)[0])) {
                error(ref.at(0), Message.UNKNOWN_INPUTS_SCHEMA, text, Suggestions.hint(key, components.keySet()));
            }
        } else if (text.startsWith("#")) {
            if (resolvePointer(text.substring(1)) == null) {
                error(ref.at(0), Message.REF_TO_NOTHING, text);
            }
        } else {
            String path = text.contains("#") ? text.substring(0, text.indexOf('#')) : text;
            Path target = path.contains(":")
                    ? null
                    : file.toAbsolutePath().getParent().resolve(path).normalize();
            if (target == null || !Files.isRegularFile(target)) {
                error(ref.at(0), Message.REF_TO_NO_FILE, text);
            }
        }
    }

    private Node resolvePointer(String pointer) {
        if (pointer.isEmpty()) {
            return root;
        }
        if (!pointer.startsWith("/")) {
            return null;
        }
        Node current = root;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (current instanceof Node.MapNode map) {
                current = map.get(token);
            } else if (current instanceof Node.ListNode list
                    && token.matches("\\d+")
                    && Integer.parseInt(token) < list.items().size()) {
                current = list.items().get(Integer.parseInt(token));
            } else {
                return null;
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** Depth-first through component references; a reference back onto the path is a cycle. */
    private void cycle(String key, List<String> path, Set<String> reported) {
        if (path.contains(key)) {
            List<String> loop = new ArrayList<>(path.subList(path.indexOf(key), path.size()));
            loop.add(key);
            String from = loop.get(loop.size() - 2);
            if (reported.add(String.join(",", loop.stream().distinct().sorted().toList()))) {
                Node.StringNode at = references(components.get(from)).stream()
                        .filter(r -> r.value()
                                .substring(PREFIX.length())
                                .split("/", 2)[0]
                                .equals(key))
                        .findFirst()
                        .orElseThrow();
                error(at.at(0), Message.SCHEMA_CYCLE, String.join(" -> ", loop));
            }
            return;
        }
        Node schema = components.get(key);
        if (schema == null) {
            return;
        }
        path.add(key);
        for (Node.StringNode ref : references(schema)) {
            cycle(ref.value().substring(PREFIX.length()).split("/", 2)[0], path, reported);
        }
        path.remove(path.size() - 1);
    }

    /** The {@code #/components/inputs/...} references anywhere inside a schema. */
    private static List<Node.StringNode> references(Node schema) {
        List<Node.StringNode> found = new ArrayList<>();
        collect(schema, found);
        return found;
    }

    private static void collect(Node node, List<Node.StringNode> found) {
        if (node instanceof Node.MapNode map) {
            map.entries().forEach((key, entry) -> {
                if (key.equals("$ref")
                        && entry.value() instanceof Node.StringNode s
                        && s.value().startsWith(PREFIX)) {
                    found.add(s);
                } else {
                    collect(entry.value(), found);
                }
            });
        } else if (node instanceof Node.ListNode list) {
            list.items().forEach(item -> collect(item, found));
        }
    }

    private void error(Location at, Message message, Object... args) {
        diagnostics.report(message, at, args);
    }
}
