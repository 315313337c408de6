package dev.weft.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    private static JsonNode s(String v) {
        return TextNode.valueOf(v);
    }

    private static JsonNode n(int v) {
        return IntNode.valueOf(v);
    }

    @Test
    void stringsAreEqualIgnoringCase() {
        assertTrue(Conditions.eq(s("Processing"), s("processing")));
        assertTrue(Conditions.eq(s("ÄRGER"), s("ärger")));
        assertFalse(Conditions.eq(s("processing"), s("prepared")));
        assertTrue(Conditions.ne(s("a"), s("b")));
        assertFalse(Conditions.ne(s("A"), s("a")));
    }

    @Test
    void numbersCompareByValueAndAgainstNumericStrings() {
        assertTrue(Conditions.eq(n(200), s("200")));
        assertTrue(Conditions.eq(s("200"), n(200)));
        assertTrue(Conditions.eq(n(200), DoubleNode.valueOf(200.0)));
        assertTrue(Conditions.eq(LongNode.valueOf(200), DecimalNode.valueOf(new BigDecimal("200.00"))));
        assertTrue(Conditions.eq(n(200), s("200.0")));
        assertFalse(Conditions.eq(n(200), s("OK")));
        assertFalse(Conditions.eq(n(200), n(201)));
        // whole numbers compare exactly, whatever their node types
        assertFalse(Conditions.eq(LongNode.valueOf(Long.MAX_VALUE), DoubleNode.valueOf(9.223372036854775807E18)));
        assertTrue(Conditions.eq(com.fasterxml.jackson.databind.node.IntNode.valueOf(7), LongNode.valueOf(7)));
        assertTrue(Conditions.eq(
                com.fasterxml.jackson.databind.node.BigIntegerNode.valueOf(java.math.BigInteger.TWO.pow(70)),
                DecimalNode.valueOf(new BigDecimal(java.math.BigInteger.TWO.pow(70)))));
        // two strings are strings, even numeric ones
        assertFalse(Conditions.eq(s("200"), s("200.0")));
    }

    @Test
    void nullAndAbsent() {
        assertTrue(Conditions.eq(null, null));
        assertTrue(Conditions.eq(null, NullNode.getInstance()));
        assertTrue(Conditions.eq(NullNode.getInstance(), null));
        assertFalse(Conditions.eq(null, s("null")));
        assertFalse(Conditions.eq(NullNode.getInstance(), n(0)));
        assertFalse(Conditions.eq(s(""), null));
        assertTrue(Conditions.ne(null, s("x")));
        assertFalse(Conditions.lt(null, n(1)));
        assertFalse(Conditions.ge(NullNode.getInstance(), NullNode.getInstance()));
    }

    @Test
    void mismatchedTypesAreUnequal() {
        assertFalse(Conditions.eq(BooleanNode.TRUE, s("true")));
        assertFalse(Conditions.eq(BooleanNode.TRUE, n(1)));
        assertFalse(Conditions.eq(Json.parse("[1]"), n(1)));
        assertFalse(Conditions.eq(Json.parse("{}"), Json.parse("[]")));
        assertTrue(Conditions.eq(BooleanNode.FALSE, BooleanNode.FALSE));
    }

    @Test
    void containersAreDeepEqualWithNumbersByValue() {
        assertTrue(Conditions.eq(Json.parse("{\"a\":[1,{\"b\":\"x\"}]}"), Json.parse("{\"a\":[1.0,{\"b\":\"x\"}]}")));
        assertFalse(Conditions.eq(Json.parse("{\"a\":[1,2]}"), Json.parse("{\"a\":[2,1]}")));
        assertFalse(Conditions.eq(Json.parse("{\"a\":\"X\"}"), Json.parse("{\"a\":\"x\"}")));
    }

    @Test
    void ordering() {
        assertTrue(Conditions.lt(n(2), n(10)));
        assertTrue(Conditions.lt(n(2), s("10")));
        assertTrue(Conditions.gt(s("10"), n(2)));
        assertTrue(Conditions.le(n(200), DoubleNode.valueOf(200.0)));
        assertTrue(Conditions.ge(n(200), DoubleNode.valueOf(199.5)));
        assertTrue(Conditions.lt(s("apple"), s("Banana")));
        assertTrue(Conditions.le(s("ABC"), s("abc")));
        // Arazzo 1.1: numeric strings are coerced by the ordering operators; others compare as strings
        assertFalse(Conditions.lt(s("10"), s("9")));
        assertTrue(Conditions.gt(s("10"), s("9.5")));
        assertTrue(Conditions.lt(s("10"), s("9x")));
        assertFalse(Conditions.lt(n(1), s("x")));
        assertFalse(Conditions.gt(BooleanNode.TRUE, BooleanNode.FALSE));
        assertFalse(Conditions.lt(Json.parse("[1]"), Json.parse("[2]")));
    }

    @Test
    void truthyOnlyForTrue() {
        assertTrue(Conditions.truthy(BooleanNode.TRUE));
        assertFalse(Conditions.truthy(BooleanNode.FALSE));
        assertFalse(Conditions.truthy(s("true")));
        assertFalse(Conditions.truthy(n(1)));
        assertFalse(Conditions.truthy(null));
        assertFalse(Conditions.truthy(NullNode.getInstance()));
    }

    @Test
    void regexFindsInCanonicalText() {
        assertTrue(Conditions.regex(s("job-123 done"), Pattern.compile("\\d+")));
        assertFalse(Conditions.regex(s("job done"), Pattern.compile("^\\d+$")));
        assertTrue(Conditions.regex(n(200), Pattern.compile("^2\\d\\d$")));
        assertTrue(Conditions.regex(Json.parse("{\"a\":1}"), Pattern.compile("^\\{\"a\":1}$")));
        assertFalse(Conditions.regex(null, Pattern.compile(".*")));
        assertFalse(Conditions.regex(NullNode.getInstance(), Pattern.compile(".*")));
    }

    /** Arazzo 1.1 §Runtime Expressions: embedded values become text, structures JSON, nothing quoted. */
    @Test
    void embeddedValuesRenderAsTheSpecSays() {
        assertEquals("^(ok|done)$", Conditions.embed("^(", s("ok|done"), ")$"));
        assertEquals(
                "x > 5 && 2.5 true null",
                Conditions.embed(
                        "x > ",
                        n(5),
                        " && ",
                        DoubleNode.valueOf(2.5),
                        " ",
                        BooleanNode.TRUE,
                        " ",
                        NullNode.getInstance()));
        assertEquals("[{\"a\":[1,\"b\"]}]", Conditions.embed("[", Json.parse("{\"a\": [1, \"b\"]}"), "]"));
        assertEquals("it's", Conditions.embed(s("it's")));
        assertNull(Conditions.embed("a", null, "b"));
        assertNull(Conditions.embed("a", com.fasterxml.jackson.databind.node.MissingNode.getInstance()));
    }

    @Test
    void aConditionMadeAtRunTimeThatDoesNotCompileFails() {
        assertTrue(Conditions.regex(s("done"), "^(ok|done)$"));
        assertFalse(Conditions.regex(s("done"), "^(ok$"));
        assertFalse(Conditions.regex(s("done"), (String) null));
        assertFalse(Conditions.regex(null, ".*"));
        JsonNode body = Json.parse("{\"pets\": [{\"status\": \"sold\"}]}");
        assertTrue(Conditions.jsonPath(body, "$.pets[?@.status == 'sold']"));
        assertFalse(Conditions.jsonPath(body, "$.pets[?@.status == 'available']"));
        assertFalse(Conditions.jsonPath(body, "$.pets[?@.status == ]"));
        assertFalse(Conditions.jsonPath(body, null));
        assertFalse(Conditions.jsonPath(NullNode.getInstance(), "$"));
        JsonNode xml = s("<root><price>12</price></root>");
        assertTrue(Conditions.xpath(xml, "/root[price > 10]"));
        assertFalse(Conditions.xpath(xml, "/root[price > 20]"));
        assertFalse(Conditions.xpath(xml, "/root[price > ]"));
        assertFalse(Conditions.xpath(xml, null));
    }
}
