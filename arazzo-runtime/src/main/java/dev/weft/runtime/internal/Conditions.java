package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The operators of Arazzo {@code simple} conditions and the {@code regex} criterion, with Weft's semantics
 * (ARAZZO-CHECKLIST §3).
 *
 * <p>Equality: values of the same type are compared by value, strings case-insensitively ({@link Locale#ROOT});
 * a number and a numeric string compare numerically; numbers compare by value ({@code 200 == 200.0}); an absent
 * value behaves as {@code null}, which equals only {@code null}; objects and arrays are deep-equal (nested
 * numbers by value, nested strings exactly); any other mix of types is unequal, never an error.
 *
 * <p>Ordering: two numbers, or a number and a numeric string, compare numerically; two strings compare
 * case-insensitively; anything else (including {@code null}) makes the comparison false.
 */
public final class Conditions {

    /** Deep equality of nested values: numbers by value, everything else as Jackson compares it. */
    private static final Comparator<JsonNode> NESTED = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            BigDecimal x = Values.numberOf(a);
            BigDecimal y = Values.numberOf(b);
            return x != null && y != null && x.compareTo(y) == 0 ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
    };

    private Conditions() {}

    /**
     * The {@code ==} operator.
     *
     * @param a the left operand, {@code null} when absent
     * @param b the right operand, {@code null} when absent
     * @return whether the operands are equal
     */
    public static boolean eq(JsonNode a, JsonNode b) {
        boolean aNull = isNull(a);
        boolean bNull = isNull(b);
        if (aNull || bNull) {
            return aNull && bNull;
        }
        if (a.isTextual() && b.isTextual()) {
            String x = a.textValue();
            String y = b.textValue();
            return x.equals(y) || fold(x).equals(fold(y));
        }
        if (a.isIntegralNumber() && b.isIntegralNumber() && a.canConvertToLong() && b.canConvertToLong()) {
            // whole numbers that fit a long, the common case (status codes, counts): no BigDecimal needed
            return a.longValue() == b.longValue();
        }
        if (a.isNumber() || b.isNumber()) {
            BigDecimal x = numeric(a, b);
            BigDecimal y = numeric(b, a);
            return x != null && y != null && x.compareTo(y) == 0;
        }
        if (a.isBoolean() && b.isBoolean()) {
            return a.booleanValue() == b.booleanValue();
        }
        if ((a.isObject() && b.isObject()) || (a.isArray() && b.isArray())) {
            return a.equals(NESTED, b);
        }
        return false;
    }

    /**
     * The {@code !=} operator: the negation of {@link #eq}.
     *
     * @param a the left operand
     * @param b the right operand
     * @return whether the operands differ
     */
    public static boolean ne(JsonNode a, JsonNode b) {
        return !eq(a, b);
    }

    /**
     * The {@code <} operator.
     *
     * @param a the left operand
     * @param b the right operand
     * @return whether a is less than b; false when they are not comparable
     */
    public static boolean lt(JsonNode a, JsonNode b) {
        Integer c = compare(a, b);
        return c != null && c < 0;
    }

    /**
     * The {@code <=} operator.
     *
     * @param a the left operand
     * @param b the right operand
     * @return whether a is less than or equal to b; false when they are not comparable
     */
    public static boolean le(JsonNode a, JsonNode b) {
        Integer c = compare(a, b);
        return c != null && c <= 0;
    }

    /**
     * The {@code >} operator.
     *
     * @param a the left operand
     * @param b the right operand
     * @return whether a is greater than b; false when they are not comparable
     */
    public static boolean gt(JsonNode a, JsonNode b) {
        Integer c = compare(a, b);
        return c != null && c > 0;
    }

    /**
     * The {@code >=} operator.
     *
     * @param a the left operand
     * @param b the right operand
     * @return whether a is greater than or equal to b; false when they are not comparable
     */
    public static boolean ge(JsonNode a, JsonNode b) {
        Integer c = compare(a, b);
        return c != null && c >= 0;
    }

    /**
     * A bare operand: passes only when it is the boolean {@code true}.
     *
     * @param a the operand
     * @return whether it is {@code true}
     */
    public static boolean truthy(JsonNode a) {
        return a != null && a.isBoolean() && a.booleanValue();
    }

    /**
     * The {@code regex} criterion: {@link java.util.regex.Matcher#find()} on the context's canonical text
     * (numbers as JSON prints them, objects and arrays as compact JSON); an absent or {@code null} context fails.
     * The evaluation is bounded ({@link BoundedRegex}): linear-time for most patterns, and otherwise stopped by a
     * step budget, the run's deadline or its cancellation.
     *
     * @param context the context value
     * @param pattern the compiled pattern
     * @return whether the pattern occurs in the text
     * @throws dev.weft.runtime.WorkflowException if the evaluation hits a limit
     */
    public static boolean regex(JsonNode context, Pattern pattern) {
        if (isNull(context)) {
            return false;
        }
        return BoundedRegex.of(pattern).find(Values.text(context), "regex criterion");
    }

    private static Integer compare(JsonNode a, JsonNode b) {
        if (isNull(a) || isNull(b)) {
            return null;
        }
        if (a.isNumber() || b.isNumber()) {
            BigDecimal x = numeric(a, b);
            BigDecimal y = numeric(b, a);
            return x != null && y != null ? x.compareTo(y) : null;
        }
        if (a.isTextual() && b.isTextual()) {
            return fold(a.textValue()).compareTo(fold(b.textValue()));
        }
        return null;
    }

    /** The numeric value of {@code node} when it is a number, or a numeric string facing a number. */
    private static BigDecimal numeric(JsonNode node, JsonNode other) {
        if (node.isNumber() || (node.isTextual() && other.isNumber())) {
            return Values.numberOf(node);
        }
        return null;
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static boolean isNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }
}
