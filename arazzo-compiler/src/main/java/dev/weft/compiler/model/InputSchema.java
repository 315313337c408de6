package dev.weft.compiler.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A view of a workflow's {@code inputs} JSON Schema: its properties, their types, which are required. */
public final class InputSchema {
    private final Map<String, Node> properties = new LinkedHashMap<>();
    private final Set<String> required = new LinkedHashSet<>();
    private final boolean closed;
    private final boolean open;

    private InputSchema(Node schema) {
        boolean known = false;
        if (schema instanceof Node.MapNode map) {
            if (map.get("properties") instanceof Node.MapNode props) {
                known = true;
                props.entries().forEach((name, entry) -> properties.put(name, entry.value()));
            }
            if (map.get("required") instanceof Node.ListNode list) {
                list.items().stream()
                        .filter(n -> n instanceof Node.StringNode)
                        .forEach(n -> required.add(((Node.StringNode) n).value()));
            }
            known = known
                    && map.get("$ref") == null
                    && map.get("allOf") == null
                    && map.get("oneOf") == null
                    && map.get("anyOf") == null;
        }
        this.closed = known;
        // JSON Schema admits properties a schema does not list unless additionalProperties (or
        // unevaluatedProperties) is false; patternProperties may admit them even then
        this.open = !(schema instanceof Node.MapNode map)
                || map.get("patternProperties") != null
                || !isFalse(map.get("additionalProperties")) && !isFalse(map.get("unevaluatedProperties"));
    }

    private static boolean isFalse(Node node) {
        return node instanceof Node.BooleanNode b && !b.value();
    }

    public static InputSchema of(Workflow workflow) {
        return new InputSchema(workflow.inputs());
    }

    /** Properties in document order. */
    public Map<String, Node> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public boolean isRequired(String name) {
        return required.contains(name);
    }

    /** Whether the schema lists its properties plainly, so an unknown name is surely a mistake. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Whether the schema admits properties it does not list: unless {@code additionalProperties} or {@code
     * unevaluatedProperties} is false (JSON Schema's default is to admit them).
     */
    public boolean allowsUnlisted() {
        return open;
    }

    /** The JSON Schema {@code type} of a property, when it names exactly one. */
    public Optional<String> type(String name) {
        Node schema = properties.get(name);
        if (schema instanceof Node.MapNode map && map.get("type") instanceof Node.StringNode type) {
            return Optional.of(type.value());
        }
        return Optional.empty();
    }

    /** Whether an input should be treated as a secret: named like a credential or {@code format: password}. */
    public boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean named = lower.contains("apikey")
                || lower.contains("api_key")
                || lower.contains("token")
                || lower.contains("secret")
                || lower.contains("password")
                || lower.equals("authorization");
        Node schema = properties.get(name);
        boolean password = schema instanceof Node.MapNode map
                && map.get("format") instanceof Node.StringNode f
                && f.value().equals("password");
        return named || password;
    }
}
