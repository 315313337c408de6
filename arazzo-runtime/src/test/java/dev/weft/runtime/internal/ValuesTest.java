package dev.weft.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void ofConvertsAndKeepsAbsent() {
        assertNull(Values.of((String) null));
        assertNull(Values.of((Long) null));
        assertNull(Values.of((List<?>) null));
        assertEquals("x", Values.of("x").textValue());
        assertEquals(5L, Values.of(5L).longValue());
        assertTrue(Values.of(5).isInt());
        assertEquals(1.5, Values.of(1.5).doubleValue());
        assertTrue(Values.of(true).booleanValue());
        assertEquals(Json.parse("[\"a\",1,null,[true]]"), Values.of(Arrays.asList("a", 1, null, List.of(true))));
        assertEquals("{\"k\":2}", Values.text(Values.ofObject(Map.of("k", 2L))));
        assertThrows(IllegalArgumentException.class, () -> Values.ofObject(new Object()));
    }

    @Test
    void pointersMembersAndIndexes() {
        JsonNode doc = Json.parse("{\"steps\":[{\"output\":{\"url\":\"u\",\"n\":null}}],\"a/b\":1}");
        assertEquals("u", Values.at(doc, "/steps/0/output/url").textValue());
        assertEquals("u", Values.at(doc, "#/steps/0/output/url").textValue());
        assertSame(doc, Values.at(doc, ""));
        assertEquals(1, Values.at(doc, "/a~1b").intValue());
        assertTrue(Values.at(doc, "/steps/0/output/n").isNull());
        assertNull(Values.at(doc, "/steps/1"));
        assertNull(Values.at(null, "/x"));
        assertNull(Values.at(TextNode.valueOf("text"), "/x"));
        assertEquals(
                "u",
                Values.member(Values.member(Values.index(Values.member(doc, "steps"), 0), "output"), "url")
                        .textValue());
        assertNull(Values.member(doc, "missing"));
        assertNull(Values.member(null, "x"));
        assertNull(Values.index(Values.member(doc, "steps"), 5));
        assertNull(Values.index(Values.member(doc, "steps"), -1));
        assertNull(Values.index(doc, 0));
    }

    @Test
    void canonicalText() {
        assertEquals("abc", Values.text(TextNode.valueOf("abc")));
        assertEquals("42", Values.text(Values.of(42L)));
        assertEquals("1.5", Values.text(Values.of(1.5)));
        assertEquals("2.0", Values.text(DoubleNode.valueOf(2.0)));
        assertEquals("true", Values.text(Values.of(true)));
        assertEquals("null", Values.text(NullNode.getInstance()));
        assertEquals("{\"a\":[1,\"x\"]}", Values.text(Json.parse("{ \"a\" : [ 1, \"x\" ] }")));
        assertNull(Values.text(null));
    }

    @Test
    void interpolationFailsOnAbsentValues() {
        assertEquals(
                "Bearer abc",
                Values.interpolate("header 'Authorization'", "Bearer ", Values.of("abc"))
                        .textValue());
        assertEquals("n=3", Values.concat("n=", Values.of(3)));
        AbsentValueException e = assertThrows(
                AbsentValueException.class, () -> Values.interpolate("header 'Authorization'", "Bearer ", null));
        assertEquals("absent value in header 'Authorization'", e.getMessage());
        assertEquals("header 'Authorization'", e.where());
        assertThrows(IllegalStateException.class, () -> Values.concat("a", (JsonNode) null));
    }

    @Test
    void putAndAddOmitAbsent() {
        ObjectNode o = Values.object();
        Values.put(o, "a", Values.of(1));
        Values.put(o, "b", null);
        Values.put(o, "c", NullNode.getInstance());
        assertEquals("{\"a\":1,\"c\":null}", Values.text(o));
        ArrayNode a = Values.array();
        Values.add(a, null);
        Values.add(a, Values.of("x"));
        assertEquals("[\"x\"]", Values.text(a));
    }

    @Test
    void typedConversions() {
        assertEquals("s", Values.asString(TextNode.valueOf("s")));
        assertEquals("12", Values.asString(Values.of(12)));
        assertEquals("{\"a\":1}", Values.asString(Json.parse("{\"a\":1}")));
        assertNull(Values.asString(NullNode.getInstance()));

        assertEquals(12L, Values.asLong(Values.of(12)));
        assertEquals(12L, Values.asLong(TextNode.valueOf("12")));
        assertEquals(2L, Values.asLong(DoubleNode.valueOf(2.0)));
        assertNull(Values.asLong(null));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Values.asLong(TextNode.valueOf("twelve")));
        assertEquals("expected an integer, found a string", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Values.asLong(DoubleNode.valueOf(2.5)));
        assertThrows(IllegalArgumentException.class, () -> Values.asLong(Values.of(true)));

        assertEquals(2.5, Values.asDouble(TextNode.valueOf("2.5")));
        assertEquals(3.0, Values.asDouble(Values.of(3)));
        assertThrows(IllegalArgumentException.class, () -> Values.asDouble(Json.parse("[]")));

        assertTrue(Values.asBoolean(TextNode.valueOf("true")));
        assertFalse(Values.asBoolean(Values.of(false)));
        assertNull(Values.asBoolean(NullNode.getInstance()));
        assertThrows(IllegalArgumentException.class, () -> Values.asBoolean(TextNode.valueOf("yes")));

        assertEquals(List.of(Values.of(1), NullNode.getInstance()), Values.asList(Json.parse("[1,null]")));
        assertThrows(IllegalArgumentException.class, () -> Values.asList(Json.parse("{}")));
        assertSame(NullNode.getInstance(), Values.asJson(NullNode.getInstance()));
    }
}
