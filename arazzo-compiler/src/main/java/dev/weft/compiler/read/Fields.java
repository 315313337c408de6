package dev.weft.compiler.read;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.diagnostic.Suggestions;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Node;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Typed access to the fields of one Arazzo object, reporting missing, mistyped and unknown fields.
 *
 * <p>Every getter returns null (or an empty list) after reporting, so binding carries on and one
 * run reports all problems.
 */
final class Fields {
    /** The AsyncAPI step fields of Arazzo 1.1, which Weft does not bind yet. */
    private static final Set<String> ASYNC_FIELDS = Set.of("channelPath", "correlationId", "action");

    private static final List<String> RESERVED_EXTENSIONS = List.of("x-oai-", "x-oas-", "x-arazzo");

    private final Node.MapNode node;
    private final String what;
    private final Diagnostics diagnostics;

    private Fields(Node.MapNode node, String what, Diagnostics diagnostics) {
        this.node = node;
        this.what = what;
        this.diagnostics = diagnostics;
    }

    /** Fields of {@code node}, or null (reported) when it is not an object. */
    static Fields of(Node node, String what, Diagnostics diagnostics) {
        if (node instanceof Node.MapNode map) {
            return new Fields(map, what, diagnostics);
        }
        diagnostics.report(Message.NOT_AN_OBJECT_VALUE, node.location(), what, node.typeName());
        return null;
    }

    Location location() {
        return node.location();
    }

    Node.MapNode node() {
        return node;
    }

    boolean has(String key) {
        return node.entries().containsKey(key);
    }

    Node raw(String key) {
        return node.get(key);
    }

    /**
     * Reports every field not in {@code allowed} and not an {@code x-} extension (FMT-4), and
     * extensions with a prefix the specification reserves (FMT-5).
     */
    void allowOnly(Set<String> allowed) {
        allowOnly(allowed, Set.of(), null);
    }

    /**
     * As {@link #allowOnly(Set)}, where {@code later} are the fields a later Arazzo version added to this
     * object: each is reported as such, naming the version that added it and the one the document declares.
     */
    void allowOnly(Set<String> allowed, Set<String> later, Located<String> declared) {
        for (Node.Entry entry : node.entries().values()) {
            String key = entry.key();
            if (key.startsWith("x-")) {
                reserved(entry);
                continue;
            }
            if (later.contains(key)) {
                diagnostics.report(
                        Message.UNKNOWN_FIELD,
                        entry.keyLocation(),
                        key,
                        what,
                        Message.LATER_VERSION_FIELD.format(key, "1.1", declared.value()));
            } else if (!allowed.contains(key)) {
                diagnostics.report(Message.UNKNOWN_FIELD, entry.keyLocation(), key, what, unknownHint(key, allowed));
            }
        }
    }

    /** Reports the fields of a Reusable object other than {@code allowed}, which are ignored (REUSE-4). */
    void ignoreOthers(Set<String> allowed) {
        for (Node.Entry entry : node.entries().values()) {
            String key = entry.key();
            if (key.startsWith("x-")) {
                reserved(entry);
            } else if (!allowed.contains(key)) {
                diagnostics.report(Message.IGNORED_REUSABLE_FIELD, entry.keyLocation(), key);
            }
        }
    }

    private void reserved(Node.Entry entry) {
        String key = entry.key();
        if (RESERVED_EXTENSIONS.stream().anyMatch(key::startsWith)) {
            diagnostics.report(Message.RESERVED_EXTENSION, entry.keyLocation(), key);
        }
    }

    private String unknownHint(String key, Set<String> allowed) {
        if (ASYNC_FIELDS.contains(key)) {
            return Message.ASYNC_FIELD.format(key);
        }
        for (String field : allowed) {
            if (field.equalsIgnoreCase(key)) {
                return Message.CASE_SENSITIVE_FIELD.format(field);
            }
        }
        String close = Suggestions.hint(key, allowed);
        return close.isEmpty()
                ? Message.ALLOWED_FIELDS.format(
                        String.join(", ", allowed.stream().sorted().toList()))
                : close;
    }

    Located<String> requiredString(String key) {
        Node value = node.get(key);
        if (value == null) {
            diagnostics.report(Message.MISSING_FIELD, node.location(), what, key);
            return null;
        }
        return string(key, value);
    }

    Located<String> optionalString(String key) {
        Node value = node.get(key);
        return value == null ? null : string(key, value);
    }

    String optionalText(String key) {
        Located<String> value = optionalString(key);
        return value == null ? null : value.value();
    }

    private Located<String> string(String key, Node value) {
        if (value instanceof Node.StringNode s) {
            return new Located<>(s.value(), s.at(0));
        }
        String hint = value instanceof Node.NumberNode ? Message.QUOTE_IT.format() : "";
        diagnostics.report(Message.NOT_A_STRING, value.location(), key, what, value.typeName(), hint);
        return null;
    }

    Located<Double> optionalNumber(String key) {
        Node value = node.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Node.NumberNode n) {
            return new Located<>(n.value().doubleValue(), n.location());
        }
        diagnostics.report(Message.NOT_A_NUMBER, value.location(), key, what, value.typeName());
        return null;
    }

    /**
     * A number of at most {@code max}: generated code holds it as a Java {@code double}, so a larger one
     * (up to 1e308 and beyond) is an error naming the range. Negative numbers are the checks' business.
     */
    Located<Double> optionalNumber(String key, double max) {
        Located<Double> number = optionalNumber(key);
        if (number != null && number.value() > max) {
            diagnostics.report(
                    Message.NUMBER_OUT_OF_RANGE,
                    node.get(key).location(),
                    key,
                    what,
                    (long) max,
                    ((Node.NumberNode) node.get(key)).text());
            return null;
        }
        return number;
    }

    /** An integer of at most {@code max}, which generated code holds as a Java {@code long}; see above. */
    Located<Long> optionalInteger(String key, long max) {
        Node value = node.get(key);
        if (value instanceof Node.NumberNode n && n.integral() && n.value().compareTo(BigDecimal.valueOf(max)) > 0) {
            diagnostics.report(Message.INTEGER_OUT_OF_RANGE, value.location(), key, what, 0, max, n.text());
            return null;
        }
        return optionalInteger(key);
    }

    Located<Long> optionalInteger(String key) {
        Node value = node.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Node.NumberNode n && n.integral()) {
            try {
                return new Located<>(n.value().longValueExact(), n.location());
            } catch (ArithmeticException tooLarge) {
                diagnostics.report(
                        Message.INTEGER_OUT_OF_RANGE,
                        value.location(),
                        key,
                        what,
                        Long.MIN_VALUE,
                        Long.MAX_VALUE,
                        n.text());
                return null;
            }
        }
        diagnostics.report(Message.NOT_AN_INTEGER, value.location(), key, what, value.typeName());
        return null;
    }

    /** A list field, each item bound by {@code item}; null items (reported) are dropped. */
    <T> List<T> list(String key, Function<Node, T> item) {
        Node value = node.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof Node.ListNode items)) {
            diagnostics.report(Message.NOT_AN_ARRAY, value.location(), key, what, value.typeName());
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (Node n : items.items()) {
            T t = item.apply(n);
            if (t != null) {
                result.add(t);
            }
        }
        return result;
    }

    /** A required list that must not be empty. */
    <T> List<T> requiredList(String key, Function<Node, T> item) {
        Node value = node.get(key);
        if (value == null) {
            diagnostics.report(Message.MISSING_FIELD, node.location(), what, key);
            return List.of();
        }
        if (value instanceof Node.ListNode l && l.items().isEmpty()) {
            diagnostics.report(Message.EMPTY_FIELD, value.location(), key, what);
        }
        return list(key, item);
    }

    /** A map of string values (outputs): keys checked against {@code ^[a-zA-Z0-9.\-_]+$}. */
    Map<String, Located<String>> expressionMap(String key) {
        return expressionMap(key, entry -> false);
    }

    /**
     * As {@link #expressionMap(String)}, where {@code other} may take an entry whose value is not a string
     * (a 1.1 Selector Object): it returns whether it did.
     */
    Map<String, Located<String>> expressionMap(String key, Predicate<Node.Entry> other) {
        Map<String, Located<String>> result = new LinkedHashMap<>();
        Node value = node.get(key);
        if (value == null) {
            return result;
        }
        Fields map = of(value, "'" + key + "' of " + what, diagnostics);
        if (map == null) {
            return result;
        }
        for (Node.Entry entry : map.node.entries().values()) {
            if (!entry.key().matches("[a-zA-Z0-9.\\-_]+")) {
                diagnostics.report(Message.INVALID_OUTPUT_NAME, entry.keyLocation(), entry.key());
                continue;
            }
            if (other.test(entry)) {
                continue;
            }
            Located<String> expr = map.string(entry.key(), entry.value());
            if (expr != null) {
                result.put(entry.key(), expr);
            }
        }
        return result;
    }
}
