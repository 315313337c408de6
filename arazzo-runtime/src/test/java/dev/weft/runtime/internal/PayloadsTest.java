package dev.weft.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class PayloadsTest {
    private static JsonNode json(String text) {
        return Json.parse(text);
    }

    @Test
    void replacesSetsAddsAndAppendsByPointer() {
        JsonNode body = json("{\"a\":{\"b\":1},\"list\":[1,2]}");
        Payloads.replace(body, "/a/b", json("2"), "r1");
        Payloads.replace(body, "/a/c", TextNode.valueOf("new"), "r2");
        Payloads.replace(body, "/list/0", json("9"), "r3");
        Payloads.replace(body, "/list/-", json("3"), "r4");
        assertEquals(json("{\"a\":{\"b\":2,\"c\":\"new\"},\"list\":[9,2,3]}"), body);
    }

    @Test
    void anAbsentValueChangesNothingAndAMissingParentFails() {
        JsonNode body = json("{\"a\":1}");
        assertEquals(json("{\"a\":1}"), Payloads.replace(body, "/a", null, "r"));
        AbsentValueException e = assertThrows(
                AbsentValueException.class, () -> Payloads.replace(body, "/x/y", json("1"), "replacement '/x/y'"));
        assertTrue(e.getMessage().contains("no place at '/x/y'"), e.getMessage());
    }

    @Test
    void replacesTheTextOfXmlNodes() {
        String xml = "<order><id>0</id><item qty=\"1\">pen</item></order>";
        String done = Payloads.replaceXml(xml, "/order/id", TextNode.valueOf("42"), "r");
        done = Payloads.replaceXml(done, "/order/item/@qty", json("3"), "r");
        assertEquals("<order><id>42</id><item qty=\"3\">pen</item></order>", done);
        assertThrows(AbsentValueException.class, () -> Payloads.replaceXml(xml, "/nothing", json("1"), "r"));
        assertThrows(
                AbsentValueException.class,
                () -> Payloads.replaceXml(
                        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", "/x", json("1"), "r"));
    }

    @Test
    void formEncodesObjectMembers() {
        assertEquals(
                "a=1&b=x+y&tags=p&tags=q", Payloads.formEncode(json("{\"a\":1,\"b\":\"x y\",\"tags\":[\"p\",\"q\"]}")));
        assertEquals("raw=text", Payloads.formEncode(TextNode.valueOf("raw=text")));
    }
}
