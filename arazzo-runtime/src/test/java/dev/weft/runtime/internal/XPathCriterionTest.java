package dev.weft.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XPathCriterionTest {

    private static final JsonNode ORDER = TextNode.valueOf("""
            <?xml version="1.0" encoding="UTF-8"?>
            <order id="42" xml:lang="en">
              <status>shipped</status>
              <item price="10">pen</item>
              <item price="0">sticker</item>
              <empty/>
            </order>""");

    private static boolean matches(String expression, JsonNode context) {
        return XPathCriterion.compile(expression).matches(context);
    }

    @Test
    void nodeSets() {
        assertTrue(matches("/order/status", ORDER));
        assertTrue(matches("//item[@price > 5]", ORDER));
        assertTrue(matches("/order/empty", ORDER));
        assertTrue(matches("/order[@xml:lang = 'en']", ORDER));
        assertFalse(matches("/order/missing", ORDER));
        assertFalse(matches("//item[@price > 50]", ORDER));
    }

    @Test
    void numbers() {
        assertTrue(matches("count(//item)", ORDER));
        assertTrue(matches("-1", ORDER));
        assertTrue(matches("/order/@id", ORDER));
        assertTrue(matches("number(/order/@id)", ORDER));
        assertFalse(matches("count(//missing)", ORDER));
        assertFalse(matches("0", ORDER));
        assertFalse(matches("number(//item[2]/@price)", ORDER));
        assertFalse(matches("number('x')", ORDER));
        assertFalse(matches("0 div 0", ORDER));
    }

    @Test
    void strings() {
        assertTrue(matches("string(/order/status)", ORDER));
        assertTrue(matches("'x'", ORDER));
        assertTrue(matches("concat('', 'a')", ORDER));
        assertTrue(matches("string(//item[2]/@price)", ORDER));
        assertFalse(matches("string(/order/missing)", ORDER));
        assertFalse(matches("string(/order/empty)", ORDER));
        assertFalse(matches("''", ORDER));
    }

    @Test
    void booleans() {
        assertTrue(matches("/order/status = 'shipped'", ORDER));
        assertTrue(matches("true()", ORDER));
        assertTrue(matches("count(//item) = 2 and //item[1] = 'pen'", ORDER));
        assertTrue(matches("not(/order/status = 'lost')", ORDER));
        assertFalse(matches("/order/status = 'lost'", ORDER));
        assertFalse(matches("false()", ORDER));
        assertFalse(matches("boolean(/order/missing)", ORDER));
    }

    @Test
    void namespacedDocuments() {
        JsonNode soap = TextNode.valueOf(
                "<s:Envelope xmlns:s=\"urn:s\"><s:Body><r xmlns=\"urn:r\">ok</r>" + "</s:Body></s:Envelope>");
        assertTrue(matches("/*[local-name() = 'Envelope']/*/*[local-name() = 'r'] = 'ok'", soap));
        assertTrue(matches("namespace-uri(/*) = 'urn:s'", soap));
        assertFalse(matches("/Envelope", soap));
    }

    @Test
    void contextsThatAreNotXml() {
        XPathCriterion anything = XPathCriterion.compile("true()");
        assertFalse(anything.matches(null));
        assertFalse(anything.matches(NullNode.getInstance()));
        assertFalse(anything.matches(MissingNode.getInstance()));
        assertFalse(anything.matches(TextNode.valueOf("")));
        assertFalse(anything.matches(TextNode.valueOf("not xml")));
        assertFalse(anything.matches(TextNode.valueOf("<a><b></a>")));
        assertFalse(anything.matches(TextNode.valueOf("<a/><b/>")));
        assertFalse(anything.matches(IntNode.valueOf(5)));
        assertFalse(anything.matches(JsonNodeFactory.instance.objectNode().put("a", 1)));
        assertTrue(anything.matches(TextNode.valueOf("<a/>")));
        assertTrue(anything.matches(
                BinaryNode.valueOf("<?xml version='1.0' encoding='UTF-8'?><a>é</a>".getBytes(StandardCharsets.UTF_8))));
        assertTrue(matches("/a = 'é'", BinaryNode.valueOf("<a>é</a>".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void parseErrorsAreNotPrinted() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertFalse(matches("true()", TextNode.valueOf("<a>")));
            assertFalse(matches("true()", TextNode.valueOf("<!DOCTYPE a><a/>")));
        } finally {
            System.setErr(err);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void externalEntitiesAreNeverRead(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOPSECRET");
        String uri = secret.toUri().toString();
        for (String xml : new String[] {
            "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + uri + "\">]><r>&x;</r>",
            "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>",
            "<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + uri + "\"> %p;]><r/>",
            "<!DOCTYPE r SYSTEM \"" + uri + "\"><r/>",
            "<!DOCTYPE r PUBLIC \"-//X//EN\" \"http://127.0.0.1:9/x.dtd\"><r/>"
        }) {
            JsonNode context = TextNode.valueOf(xml);
            assertFalse(matches("contains(/r, 'TOPSECRET') or contains(/r, 'root:')", context), xml);
            // the whole document is refused, not just the entity
            assertFalse(matches("/r", context), xml);
            assertFalse(matches("true()", context), xml);
        }
    }

    @Test
    void xincludeIsNotProcessed(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOPSECRET");
        JsonNode context = TextNode.valueOf("<r xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\""
                + secret.toUri() + "\" parse=\"text\"/></r>");
        assertTrue(matches("/r", context));
        assertFalse(matches("contains(/r, 'TOPSECRET')", context));
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            xml.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10))
                    .append("\">");
        }
        xml.append("]><lolz>&lol9;</lolz>");
        JsonNode context = TextNode.valueOf(xml.toString());
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertFalse(matches("/lolz", context));
            assertFalse(matches("string-length(/lolz) > 0", context));
        });
    }

    @Test
    void invalidExpressions() {
        for (String expression : new String[] {
            "",
            "//a[",
            "1 +",
            "foo()",
            "lower-case('A')",
            "a:b",
            "ext:f()",
            "for $x in 1 return $x",
            "/a/",
            "@@",
            "'unterminated"
        }) {
            XPathCriterionException e =
                    assertThrows(XPathCriterionException.class, () -> XPathCriterion.compile(expression), expression);
            assertTrue(e.getMessage().startsWith("not an xpath 1.0 expression: "), e.getMessage());
            assertFalse(Character.isUpperCase(e.getMessage().charAt(0)));
            assertFalse(e.getMessage().endsWith("."), e.getMessage());
            assertFalse(e.getMessage().endsWith("!"), e.getMessage());
        }
        XPathCriterionException variable =
                assertThrows(XPathCriterionException.class, () -> XPathCriterion.compile("/order/@id = $expected"));
        assertEquals("xpath variable '$expected' cannot be bound", variable.getMessage());
        assertTrue(
                XPathCriterion.compile("/a = '$notAVariable' or /a = \"$x\"").matches(TextNode.valueOf("<a>$x</a>")));
        assertThrows(NullPointerException.class, () -> XPathCriterion.compile(null));
    }

    @Test
    void expressionAndToString() {
        XPathCriterion criterion = XPathCriterion.compile("/a");
        assertEquals("/a", criterion.expression());
        assertEquals("/a", criterion.toString());
    }

    @Test
    void threadSafe() throws Exception {
        XPathCriterion criterion = XPathCriterion.compile("count(/r/i) = 3 and /r/@n = 'v'");
        JsonNode yes = TextNode.valueOf("<r n='v'><i/><i/><i/></r>");
        JsonNode no = TextNode.valueOf("<r n='v'><i/><i/></r>");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean expected = i % 2 == 0;
                results.add(pool.submit(() -> criterion.matches(expected ? yes : no) == expected));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
