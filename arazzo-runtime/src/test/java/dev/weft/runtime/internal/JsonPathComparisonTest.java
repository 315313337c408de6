package dev.weft.runtime.internal;

import static dev.weft.runtime.internal.JsonPathAssertions.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.runtime.internal.JsonPathAst.Op;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class JsonPathComparisonTest {

    private static final JsonNode DOC = json("{\"obj\": {\"x\": \"y\"}, \"arr\": [2, 3]}");

    /** Whether the comparison holds: a filter without {@code @} selects all children of the root or none. */
    private static boolean holds(String comparison) {
        int selected =
                JsonPathQuery.compile("$[?" + comparison + "]").select(DOC).size();
        assertTrue(selected == 0 || selected == 2, comparison);
        return selected == 2;
    }

    @Test
    void rfcComparisonExamples() {
        // RFC 9535 §2.3.5.3, Table 11
        assertTrue(holds("$.absent1 == $.absent2"));
        assertTrue(holds("$.absent1 <= $.absent2"));
        assertFalse(holds("$.absent == 'g'"));
        assertFalse(holds("$.absent1 != $.absent2"));
        assertTrue(holds("$.absent != 'g'"));
        assertTrue(holds("1 <= 2"));
        assertFalse(holds("1 > 2"));
        assertFalse(holds("13 == '13'"));
        assertTrue(holds("'a' <= 'b'"));
        assertFalse(holds("'a' > 'b'"));
        assertFalse(holds("$.obj == $.arr"));
        assertTrue(holds("$.obj != $.arr"));
        assertTrue(holds("$.obj == $.obj"));
        assertFalse(holds("$.obj != $.obj"));
        assertTrue(holds("$.arr == $.arr"));
        assertFalse(holds("$.arr != $.arr"));
        assertFalse(holds("$.obj == 17"));
        assertTrue(holds("$.obj != 17"));
        assertFalse(holds("$.obj <= $.arr"));
        assertFalse(holds("$.obj < $.arr"));
        assertTrue(holds("$.obj <= $.obj"));
        assertTrue(holds("$.arr <= $.arr"));
        assertFalse(holds("1 <= $.arr"));
        assertFalse(holds("1 >= $.arr"));
        assertFalse(holds("1 > $.arr"));
        assertFalse(holds("1 < $.arr"));
        assertTrue(holds("true <= true"));
        assertFalse(holds("true > true"));
    }

    @Test
    void numbersCompareByValue() {
        assertTrue(holds("1 == 1.0"));
        assertTrue(holds("1 == 1e0"));
        assertTrue(holds("100 == 1E2"));
        assertTrue(holds("0.01 == 1e-2"));
        assertTrue(holds("1.5e+1 == 15"));
        assertTrue(holds("-0 == 0"));
        assertTrue(holds("-0.0 == 0"));
        assertTrue(holds("$.arr[0] == 2.0"));
        assertTrue(holds("$.arr[1] > 2.5"));
        assertTrue(holds("-1 < 0"));
        assertTrue(holds("9007199254740993 > 9007199254740992"));
        assertTrue(holds("1e400 > 1e399"));
        assertFalse(holds("true == 1"));
        assertFalse(holds("null == 0"));
        assertFalse(holds("null < 1"));
        assertTrue(holds("null == null"));
        assertTrue(holds("null <= null"));
        assertFalse(holds("false < true"));
        assertTrue(holds("false != true"));
        assertTrue(holds("$.arr == $['arr']"));
    }

    @Test
    void numberNodeKinds() {
        assertTrue(JsonPathComparison.equal(IntNode.valueOf(1), DoubleNode.valueOf(1.0)));
        assertTrue(JsonPathComparison.equal(LongNode.valueOf(3), DecimalNode.valueOf(new BigDecimal("3.000"))));
        assertTrue(JsonPathComparison.equal(
                BigIntegerNode.valueOf(BigInteger.TEN.pow(30)), DecimalNode.valueOf(new BigDecimal("1e30"))));
        assertTrue(JsonPathComparison.equal(FloatNode.valueOf(0.5f), DoubleNode.valueOf(0.5)));
        assertTrue(JsonPathComparison.less(DoubleNode.valueOf(0.1), DecimalNode.valueOf(new BigDecimal("0.2"))));
        assertTrue(JsonPathComparison.equal(DoubleNode.valueOf(0.1), DecimalNode.valueOf(new BigDecimal("0.1"))));
        assertTrue(JsonPathComparison.less(DoubleNode.valueOf(1e300), DoubleNode.valueOf(Double.POSITIVE_INFINITY)));
        assertFalse(JsonPathComparison.equal(DoubleNode.valueOf(Double.NaN), DoubleNode.valueOf(Double.NaN)));
        assertFalse(JsonPathComparison.less(DoubleNode.valueOf(Double.NaN), IntNode.valueOf(1)));
        assertFalse(JsonPathComparison.less(IntNode.valueOf(1), DoubleNode.valueOf(Double.NaN)));
    }

    @Test
    void stringsCompareByCodePoint() {
        // U+FF5A sorts before U+1F600 by code point, after it by UTF-16 unit
        assertTrue(JsonPathComparison.less(TextNode.valueOf("\uFF5A"), TextNode.valueOf("\uD83D\uDE00")));
        assertTrue(holds("'\\uFF5A' < '\\uD83D\\uDE00'"));
        assertTrue(holds("'a' < 'ab'"));
        assertFalse(holds("'ab' < 'a'"));
        assertTrue(holds("'B' < 'a'"));
        assertFalse(holds("'a' == 'A'"));
        assertTrue(holds("'' < 'a'"));
        assertTrue(holds("'' == \"\""));
        assertFalse(holds("'a' < 1"));
    }

    @Test
    void deepEquality() {
        assertTrue(JsonPathComparison.equal(
                json("{\"a\":[1,{\"b\":null}],\"c\":true}"), json("{\"c\":true,\"a\":[1.0,{\"b\":null}]}")));
        assertFalse(JsonPathComparison.equal(json("{\"a\":1}"), json("{\"a\":1,\"b\":2}")));
        assertFalse(JsonPathComparison.equal(json("{\"a\":1,\"c\":2}"), json("{\"a\":1,\"b\":2}")));
        assertFalse(JsonPathComparison.equal(json("[1,2]"), json("[2,1]")));
        assertFalse(JsonPathComparison.equal(json("[1]"), json("[1,1]")));
        assertTrue(JsonPathComparison.equal(json("[]"), json("[]")));
        assertFalse(JsonPathComparison.equal(json("[]"), json("{}")));
        assertFalse(JsonPathComparison.less(json("[1]"), json("[2]")));
        assertTrue(JsonPathComparison.compare(json("{}"), Op.LE, json("{}")));
        assertTrue(JsonPathComparison.compare(null, Op.GE, null));
        assertFalse(JsonPathComparison.compare(null, Op.LT, null));
        assertFalse(JsonPathComparison.compare(null, Op.EQ, json("null")));
        assertEquals(
                2,
                JsonPathQuery.compile("$.a[?@ == @]")
                        .select(json("{\"a\":[1,2]}"))
                        .size());
    }
}
