package dev.weft.compiler.read;

import dev.weft.compiler.diagnostic.DiagnosticCode;
import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Location;
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

/**
 * Typed access to the fields of one Arazzo object, reporting missing, mistyped and unknown fields.
 *
 * <p>Every getter returns null (or an empty list) after reporting, so binding carries on and one
 * run reports all problems.
 */
final class Fields {
    private static final Set<String> ARAZZO_1_1_FIELDS = Set.of("timeout", "channelPath", "correlationId", "$self");
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
        diagnostics.error(
                DiagnosticCode.WRONG_TYPE, node.location(), what + " must be an object, found " + node.typeName());
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
        for (Node.Entry entry : node.entries().values()) {
            String key = entry.key();
            if (key.startsWith("x-")) {
                reserved(entry);
                continue;
            }
            if (!allowed.contains(key)) {
                diagnostics.error(
                        DiagnosticCode.UNKNOWN_FIELD,
                        entry.keyLocation(),
                        "unknown field '" + key + "' in " + what + unknownHint(key, allowed));
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
                diagnostics.warning(
                        DiagnosticCode.IGNORED_FIELD,
                        entry.keyLocation(),
                        "field '" + key
                                + "' of a reusable object is ignored; only 'reference' (and 'value' for a parameter) "
                                + "count");
            }
        }
    }

    private void reserved(Node.Entry entry) {
        String key = entry.key();
        if (RESERVED_EXTENSIONS.stream().anyMatch(key::startsWith)) {
            diagnostics.warning(
                    DiagnosticCode.RESERVED_EXTENSION,
                    entry.keyLocation(),
                    "extension '" + key + "' uses a prefix the specification reserves (x-oai-, x-oas-, x-arazzo); "
                            + "choose another name");
        }
    }

    private String unknownHint(String key, Set<String> allowed) {
        boolean action = what.endsWith(" action");
        if (ARAZZO_1_1_FIELDS.contains(key) || key.equals("dependsOn") || action && key.equals("parameters")) {
            return " ('" + key + "' is an Arazzo 1.1 field; Weft compiles 1.0.x)";
        }
        for (String field : allowed) {
            if (field.equalsIgnoreCase(key)) {
                return "; field names are case-sensitive; did you mean '" + field + "'?";
            }
        }
        String close = Suggestions.hint(key, allowed);
        return close.isEmpty()
                ? "; allowed: " + String.join(", ", allowed.stream().sorted().toList())
                : close;
    }

    Located<String> requiredString(String key) {
        Node value = node.get(key);
        if (value == null) {
            diagnostics.error(DiagnosticCode.MISSING_FIELD, node.location(), what + " has no '" + key + "'");
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
        String hint = value instanceof Node.NumberNode ? "; quote it" : "";
        diagnostics.error(
                DiagnosticCode.WRONG_TYPE,
                value.location(),
                "'" + key + "' of " + what + " must be a string, found " + value.typeName() + hint);
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
        diagnostics.error(
                DiagnosticCode.WRONG_TYPE,
                value.location(),
                "'" + key + "' of " + what + " must be a number, found " + value.typeName());
        return null;
    }

    /**
     * A number of at most {@code max}: generated code holds it as a Java {@code double}, so a larger one
     * (up to 1e308 and beyond) is an error naming the range. Negative numbers are the checks' business.
     */
    Located<Double> optionalNumber(String key, double max) {
        Located<Double> number = optionalNumber(key);
        if (number != null && number.value() > max) {
            diagnostics.error(
                    DiagnosticCode.INVALID_VALUE,
                    node.get(key).location(),
                    "'" + key + "' of " + what + " must be a number from 0 to " + (long) max + ", found "
                            + ((Node.NumberNode) node.get(key)).text());
            return null;
        }
        return number;
    }

    /** An integer of at most {@code max}, which generated code holds as a Java {@code long}; see above. */
    Located<Long> optionalInteger(String key, long max) {
        Node value = node.get(key);
        if (value instanceof Node.NumberNode n && n.integral() && n.value().compareTo(BigDecimal.valueOf(max)) > 0) {
            diagnostics.error(
                    DiagnosticCode.INVALID_VALUE,
                    value.location(),
                    "'" + key + "' of " + what + " must be an integer from 0 to " + max + ", found " + n.text());
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
                diagnostics.error(
                        DiagnosticCode.INVALID_VALUE,
                        value.location(),
                        "'" + key + "' of " + what + " must be an integer from " + Long.MIN_VALUE + " to "
                                + Long.MAX_VALUE + ", found " + n.text());
                return null;
            }
        }
        diagnostics.error(
                DiagnosticCode.WRONG_TYPE,
                value.location(),
                "'" + key + "' of " + what + " must be an integer, found " + value.typeName());
        return null;
    }

    /** A list field, each item bound by {@code item}; null items (reported) are dropped. */
    <T> List<T> list(String key, Function<Node, T> item) {
        Node value = node.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof Node.ListNode items)) {
            diagnostics.error(
                    DiagnosticCode.WRONG_TYPE,
                    value.location(),
                    "'" + key + "' of " + what + " must be an array, found " + value.typeName());
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
            diagnostics.error(DiagnosticCode.MISSING_FIELD, node.location(), what + " has no '" + key + "'");
            return List.of();
        }
        if (value instanceof Node.ListNode l && l.items().isEmpty()) {
            diagnostics.error(
                    DiagnosticCode.EMPTY_LIST,
                    value.location(),
                    "'" + key + "' of " + what + " must have at least one entry");
        }
        return list(key, item);
    }

    /** A map of string values (outputs): keys checked against {@code ^[a-zA-Z0-9.\-_]+$}. */
    Map<String, Located<String>> expressionMap(String key) {
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
                diagnostics.error(
                        DiagnosticCode.INVALID_NAME,
                        entry.keyLocation(),
                        "output name '" + entry.key() + "' must match ^[a-zA-Z0-9.\\-_]+$");
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
