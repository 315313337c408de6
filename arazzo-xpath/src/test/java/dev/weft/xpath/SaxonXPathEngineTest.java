package dev.weft.xpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.runtime.internal.XPathCriterion;
import dev.weft.runtime.internal.XPathCriterionException;
import dev.weft.runtime.internal.XPathQuery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Saxon engine as the runtime finds it ({@link java.util.ServiceLoader}): XPath 2.0, 3.0 and 3.1 selections and
 * effective boolean values, and no file read, neither through an external entity of the document nor through a
 * function of the expression.
 */
class SaxonXPathEngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TextNode INVOICE = TextNode.valueOf("<Invoice><Header><InvoiceNumber>INV-42</InvoiceNumber>"
            + "<Total>12.5</Total></Header><Lines><Line>first</Line><Line>second</Line></Lines></Invoice>");

    @TempDir
    Path dir;

    @Test
    void theRuntimeFindsTheEngineForTheVersionsAfterXPath10() {
        for (String version : new String[] {"xpath-20", "xpath-30", "xpath-31"}) {
            assertTrue(XPathQuery.engine(version) instanceof SaxonXPathEngine, version);
        }
        assertNull(XPathQuery.engine("xpath-40"));
        assertTrue(XPathQuery.engine("xpath-31").name().startsWith("Saxon-HE 12"));
    }

    @Test
    void selectionsAreTheJsonOfTheResultSequence() throws Exception {
        assertEquals(
                "INV-42",
                XPathQuery.compile("/Invoice/Header/InvoiceNumber", "xpath-31")
                        .select(INVOICE)
                        .asText());
        assertEquals(
                "first, second",
                XPathQuery.compile("string-join(/Invoice/Lines/Line, ', ')", "xpath-31")
                        .select(INVOICE)
                        .asText());
        assertEquals(
                JSON.readTree("[\"first\", \"second\"]"),
                XPathQuery.compile("/Invoice/Lines/Line ! string()", "xpath-30").select(INVOICE));
        JsonNode doubled = XPathQuery.compile("xs:decimal(/Invoice/Header/Total) * 2", "xpath-20")
                .select(INVOICE);
        assertTrue(doubled.isNumber(), doubled::toString);
        assertEquals(0, doubled.decimalValue().compareTo(new java.math.BigDecimal("25")));
        assertEquals(
                JSON.readTree("true"),
                XPathQuery.compile("exists(/Invoice)", "xpath-31").select(INVOICE));
        assertNull(XPathQuery.compile("/Invoice/Nothing", "xpath-31").select(INVOICE));
        // an element with child elements is its XML text
        assertEquals(
                "<Lines><Line>first</Line><Line>second</Line></Lines>",
                XPathQuery.compile("/Invoice/Lines", "xpath-31").select(INVOICE).asText());
    }

    @Test
    void criteriaTakeTheEffectiveBooleanValueOfTheVersion() {
        assertTrue(XPathCriterion.compile("matches(/Invoice/Header/InvoiceNumber, '^INV-\\d+$')", "xpath-31")
                .matches(INVOICE));
        assertFalse(
                XPathCriterion.compile("/Invoice/Header/Missing", "xpath-20").matches(INVOICE));
        assertTrue(
                XPathCriterion.compile("/Invoice/Header/Total > 10", "xpath-30").matches(INVOICE));
        // a sequence of two numbers has no effective boolean value: a dynamic error, so the criterion fails
        assertFalse(XPathCriterion.compile("(1, 2)", "xpath-31").matches(INVOICE));
    }

    @Test
    void anExpressionThatDoesNotCompileSaysWhy() {
        XPathCriterionException e =
                assertThrows(XPathCriterionException.class, () -> XPathQuery.compile("/Invoice[", "xpath-31"));
        assertTrue(e.getMessage().startsWith("not an xpath 3.1 expression: "), e.getMessage());
        assertThrows(XPathCriterionException.class, () -> XPathQuery.compile("$price > 1", "xpath-31"));
    }

    @Test
    void anExternalEntityReadsNoFile() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET", StandardCharsets.UTF_8);
        TextNode xxe = TextNode.valueOf(
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]><r>&s;</r>");
        for (String version : new String[] {"xpath-10", "xpath-31"}) {
            // the DOCTYPE is refused: the context is no XML document, so nothing is selected and nothing read
            assertNull(XPathQuery.compile("/r", version).select(xxe), version);
            assertNull(XPathQuery.compile("string(/r)", version).select(xxe), version);
            assertFalse(
                    XPathCriterion.compile("contains(/r, 'SECRET')", version).matches(xxe), version);
        }
    }

    @Test
    void noFunctionOfAnExpressionReadsAFile() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.xml"), "<s>TOP-SECRET</s>", StandardCharsets.UTF_8);
        Path text = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET", StandardCharsets.UTF_8);
        String[] reads = {
            "string(doc('" + secret.toUri() + "'))",
            "unparsed-text('" + text.toUri() + "')",
            "string(collection('" + dir.toUri() + "')[1])",
            "string(json-doc('" + text.toUri() + "'))",
            "doc-available('" + secret.toUri() + "')",
        };
        for (String read : reads) {
            JsonNode selected = XPathQuery.compile(read, "xpath-31").select(INVOICE);
            assertTrue(
                    selected == null || !selected.asText().contains("TOP-SECRET") && !selected.asBoolean(),
                    read + " read " + selected);
        }
    }
}
