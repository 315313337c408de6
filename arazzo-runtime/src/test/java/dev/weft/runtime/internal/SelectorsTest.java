package dev.weft.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Selector Objects at run time: what a JSONPath, JSON Pointer and XPath 1.0 selection is, and JSONPath targets. */
class SelectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TextNode INVOICE = TextNode.valueOf("<Invoice><Header><InvoiceNumber>INV-42</InvoiceNumber>"
            + "<Total>12.5</Total></Header><Lines><Line>first</Line><Line>second</Line></Lines></Invoice>");

    @TempDir
    Path dir;

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aSingularJsonPathSelectsItsNodeAnyOtherItsNodelist() throws Exception {
        JsonNode order = json("{\"items\": [{\"sku\": \"A\"}, {\"sku\": \"B\"}], \"id\": 7}");
        assertEquals(IntNode.valueOf(7), Selectors.jsonPath(order, JsonPathQuery.compile("$.id")));
        assertNull(Selectors.jsonPath(order, JsonPathQuery.compile("$.missing")));
        assertEquals(json("[\"A\", \"B\"]"), Selectors.jsonPath(order, JsonPathQuery.compile("$.items[*].sku")));
        assertEquals(json("[]"), Selectors.jsonPath(order, JsonPathQuery.compile("$.items[?@.sku == 'C']")));
        assertNull(Selectors.jsonPath(null, JsonPathQuery.compile("$.id")));
    }

    @Test
    void aJsonPointerSelectsOneValueOrNone() throws Exception {
        JsonNode order = json("{\"a/b\": {\"~\": [1, 2]}}");
        assertEquals(IntNode.valueOf(2), Selectors.jsonPointer(order, "/a~1b/~0/1"));
        assertNull(Selectors.jsonPointer(order, "/a~1b/x"));
        assertEquals(order, Selectors.jsonPointer(order, ""));
    }

    @Test
    void anXPath10SelectionIsTheJsonOfItsResult() throws Exception {
        assertEquals(
                "INV-42",
                Selectors.xpath(INVOICE, XPathQuery.compile("/Invoice/Header/InvoiceNumber", "xpath-10"))
                        .asText());
        JsonNode count = Selectors.xpath(INVOICE, XPathQuery.compile("count(//Line)", "xpath-10"));
        assertTrue(count.isIntegralNumber(), count::toString);
        assertEquals(2, count.asLong());
        assertEquals(
                json("[\"first\", \"second\"]"), Selectors.xpath(INVOICE, XPathQuery.compile("//Line", "xpath-10")));
        assertEquals(json("true"), Selectors.xpath(INVOICE, XPathQuery.compile("boolean(//Line)", "xpath-10")));
        assertEquals(
                "<Header><InvoiceNumber>INV-42</InvoiceNumber><Total>12.5</Total></Header>",
                Selectors.xpath(INVOICE, XPathQuery.compile("/Invoice/Header", "xpath-10"))
                        .asText());
        assertNull(Selectors.xpath(INVOICE, XPathQuery.compile("//Nothing", "xpath-10")));
        assertNull(Selectors.xpath(TextNode.valueOf("{\"not\": \"xml\"}"), XPathQuery.compile("/a", "xpath-10")));
    }

    @Test
    void withoutAnEngineALaterXPathVersionSaysWhatToAdd() {
        XPathCriterionException e =
                assertThrows(XPathCriterionException.class, () -> XPathQuery.compile("/Invoice", "xpath-31"));
        assertEquals("no XPath engine for 'xpath-31' on the class path: add dev.weft:arazzo-xpath", e.getMessage());
    }

    @Test
    void anExternalEntityReadsNoFile() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET", StandardCharsets.UTF_8);
        TextNode xxe = TextNode.valueOf(
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]><r>&s;</r>");
        assertNull(Selectors.xpath(xxe, XPathQuery.compile("string(/r)", "xpath-10")));
        assertFalse(XPathCriterion.compile("contains(/r, 'SECRET')").matches(xxe));
        // the payload replacement's parser refuses it too
        AbsentValueException refused = assertThrows(
                AbsentValueException.class,
                () -> Payloads.replaceXml(
                        xxe.textValue(), XPathQuery.compile("/r", "xpath-10"), IntNode.valueOf(1), "r"));
        assertFalse(refused.getMessage().contains("TOP-SECRET"));
        assertThrows(
                AbsentValueException.class, () -> Payloads.replaceXml(xxe.textValue(), "/r", IntNode.valueOf(1), "r"));
    }

    @Test
    void aJsonPathTargetSetsEveryNodeItSelects() throws Exception {
        JsonNode body =
                json("{\"items\": [{\"sku\": \"A\", \"qty\": 1}, {\"sku\": \"B\", \"qty\": 1}], \"n\": [1, 1, 1]}");
        Selectors.replaceAll(body, JsonPathQuery.compile("$.items[?@.sku == 'B'].qty"), IntNode.valueOf(5), "r");
        assertEquals(json("[{\"sku\": \"A\", \"qty\": 1}, {\"sku\": \"B\", \"qty\": 5}]"), body.get("items"));
        // equal scalars are distinct places: each is replaced, by index
        Selectors.replaceAll(body, JsonPathQuery.compile("$.n[1:]"), IntNode.valueOf(0), "r");
        assertEquals(json("[1, 0, 0]"), body.get("n"));
        Selectors.replaceAll(body, JsonPathQuery.compile("$..qty"), IntNode.valueOf(9), "r");
        assertEquals(9, body.at("/items/0/qty").asInt());
        assertEquals(9, body.at("/items/1/qty").asInt());
        JsonNode whole = Selectors.replaceAll(body, JsonPathQuery.compile("$"), json("{\"x\": 1}"), "r");
        assertEquals(json("{\"x\": 1}"), whole);
        AbsentValueException none = assertThrows(
                AbsentValueException.class,
                () -> Selectors.replaceAll(body, JsonPathQuery.compile("$.nothing"), IntNode.valueOf(1), "target"));
        assertTrue(none.getMessage().contains("selects no node"), none.getMessage());
        // an absent value replaces nothing
        assertEquals(body, Selectors.replaceAll(body, JsonPathQuery.compile("$.nothing"), null, "r"));
    }
}
