package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.runtime.internal.JsonPathAst.Op;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * The comparison semantics of RFC 9535 §2.3.5.2.2 on JSON values, where {@code null} is Nothing: equality is
 * deep and numeric by value; only numbers and strings (by code point) are ordered.
 */
final class JsonPathComparison {

    private JsonPathComparison() {}

    /**
     * Applies an operator.
     *
     * @param left the left value, or null for Nothing
     * @param op the operator
     * @param right the right value, or null for Nothing
     * @return the result
     */
    static boolean compare(JsonNode left, Op op, JsonNode right) {
        switch (op) {
            case EQ:
                return equal(left, right);
            case NE:
                return !equal(left, right);
            case LT:
                return less(left, right);
            case LE:
                return less(left, right) || equal(left, right);
            case GT:
                return less(right, left);
            default:
                return less(right, left) || equal(left, right);
        }
    }

    /** RFC equality: Nothing equals only Nothing; numbers by value; arrays and objects member by member. */
    static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == null && b == null;
        } else if (a.isNumber() && b.isNumber()) {
            return numericCompare(a, b) == 0;
        } else if (a.isTextual() && b.isTextual()) {
            return a.textValue().equals(b.textValue());
        } else if (a.isBoolean() && b.isBoolean()) {
            return a.booleanValue() == b.booleanValue();
        } else if (a.isNull() && b.isNull()) {
            return true;
        } else if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        } else if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> members = a.properties().iterator();
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> member = members.next();
                JsonNode other = b.get(member.getKey());
                if (other == null || !equal(member.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** RFC {@code <}: numbers by value, strings by Unicode scalar values; anything else is unordered. */
    static boolean less(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return false;
        } else if (a.isNumber() && b.isNumber()) {
            return numericCompare(a, b) < 0;
        } else if (a.isTextual() && b.isTextual()) {
            return codePointCompare(a.textValue(), b.textValue()) < 0;
        }
        return false;
    }

    /** Compares two numbers by value; NaN (only possible in programmatically built trees) is unordered. */
    private static int numericCompare(JsonNode a, JsonNode b) {
        if (!finite(a) || !finite(b)) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return 2;
            }
            return Double.compare(x, y);
        } else if (a.canConvertToExactIntegral()
                && a.canConvertToLong()
                && b.canConvertToExactIntegral()
                && b.canConvertToLong()) {
            return Long.compare(a.longValue(), b.longValue());
        }
        return decimal(a).compareTo(decimal(b));
    }

    private static boolean finite(JsonNode n) {
        return !(n.isDouble() || n.isFloat()) || Double.isFinite(n.doubleValue());
    }

    private static BigDecimal decimal(JsonNode n) {
        return n.isBigDecimal()
                ? n.decimalValue()
                : n.isFloatingPointNumber()
                        ? new BigDecimal(Double.toString(n.doubleValue()))
                        : new BigDecimal(n.bigIntegerValue());
    }

    private static int codePointCompare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
