package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The operators of Arazzo {@code simple} conditions and the {@code regex} criterion, with Weft's semantics
 * (ARAZZO-CHECKLIST §3).
 *
 * <p>Equality: values of the same type are compared by value, strings case-insensitively ({@link Locale#ROOT});
 * a number and a numeric string compare numerically; numbers compare by value ({@code 200 == 200.0}); an absent
 * value behaves as {@code null}, which equals only {@code null}; objects and arrays are deep-equal (nested
 * numbers by value, nested strings exactly); any other mix of types is unequal, never an error.
 *
 * <p>Ordering: two numbers, a number and a numeric string, or two numeric strings compare numerically (Arazzo
 * 1.1 §Condition Evaluation: numeric strings are coerced for the numeric operators); other strings compare
 * case-insensitively; anything else (including {@code null}) makes the comparison false.
 *
 * <p>Arazzo 1.0.1 says nothing on truthiness, {@code null}, coercion or evaluation errors, and 1.1 states them;
 * so documents of both versions are evaluated by these rules alike. Evaluation never throws for a value's shape:
 * a mismatch is false; only the regex limits (the step budget, the run's deadline, its cancellation) stop a run.
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

    /**
     * The text of a {@code regex}, {@code jsonpath} or {@code xpath} condition with its embedded values (Arazzo 1.1
     * §Runtime Expressions in Conditions): a string as it is, another scalar as JSON prints it ({@code null} as
     * {@code "null"}), an object or array as JSON (RFC 8259). Nothing is quoted or escaped: the spec substitutes
     * the text, so a regex embeds a pattern and a JSONPath string literal holds the quotes its author wrote.
     *
     * @param parts literal {@code String}s and {@code JsonNode} values, in text order
     * @return the text, or {@code null} when a value is absent, which fails the condition
     */
    public static String embed(Object... parts) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof JsonNode node) {
                String value = Values.text(node);
                if (value == null) {
                    return null;
                }
                text.append(value);
            } else if (part == null) {
                return null;
            } else {
                text.append(part);
            }
        }
        return text.toString();
    }

    /**
     * The {@code regex} criterion on a pattern made at run time ({@link #embed}), as {@link #regex(JsonNode,
     * Pattern)}; a pattern that is absent or does not compile fails the condition.
     *
     * @param context the context value
     * @param pattern the pattern text, or {@code null}
     * @return whether the pattern occurs in the context's text
     * @throws dev.weft.runtime.WorkflowException if the evaluation hits a limit
     */
    public static boolean regex(JsonNode context, String pattern) {
        if (pattern == null || isNull(context)) {
            return false;
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            return false;
        }
        return BoundedRegex.of(compiled).find(Values.text(context), "regex criterion");
    }

    /**
     * The {@code jsonpath} criterion on a query made at run time ({@link #embed}): whether the RFC 9535 query
     * selects a node; a query that is absent or syntactically invalid fails the condition (Arazzo 1.1).
     *
     * @param context the context value
     * @param query the query text, or {@code null}
     * @return whether the nodelist is non-empty
     */
    public static boolean jsonPath(JsonNode context, String query) {
        if (query == null || isNull(context)) {
            return false;
        }
        try {
            return JsonPathQuery.compile(query).matches(context);
        } catch (JsonPathSyntaxException e) {
            return false;
        }
    }

    /**
     * The {@code xpath} criterion on an expression made at run time ({@link #embed}), by {@link XPathCriterion};
     * an expression that is absent or does not compile fails the condition.
     *
     * @param context the context value
     * @param expression the expression text, or {@code null}
     * @return the expression's effective boolean value on the context
     */
    public static boolean xpath(JsonNode context, String expression) {
        return xpath(context, expression, XPathQuery.XPATH_10);
    }

    /**
     * The {@code xpath} criterion of a declared XPath version on an expression made at run time ({@link #embed});
     * an expression that is absent or does not compile in that version fails the condition.
     *
     * @param context the context value
     * @param expression the expression text, or {@code null}
     * @param version {@code xpath-10}, {@code xpath-20}, {@code xpath-30} or {@code xpath-31}
     * @return the expression's effective boolean value on the context
     */
    public static boolean xpath(JsonNode context, String expression, String version) {
        if (expression == null || isNull(context)) {
            return false;
        }
        try {
            return XPathCriterion.compile(expression, version).matches(context);
        } catch (XPathCriterionException e) {
            return false;
        }
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
            // Arazzo 1.1: numeric strings are coerced to numbers by the ordering operators (1.0.1 is silent)
            BigDecimal x = Values.numberOf(a);
            BigDecimal y = x == null ? null : Values.numberOf(b);
            if (y != null) {
                return x.compareTo(y);
            }
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
