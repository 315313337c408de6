package dev.weft.runtime.internal;

import static dev.weft.runtime.internal.JsonPathAssertions.BOOKSTORE;
import static dev.weft.runtime.internal.JsonPathAssertions.assertSelects;
import static dev.weft.runtime.internal.JsonPathAssertions.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Selectors and segments, mostly the examples of RFC 9535 §1.5 and §2.3–2.6. */
class JsonPathQueryTest {

    @Test
    void bookstoreOverview() {
        // RFC 9535 Table 2
        assertSelects(
                "$.store.book[*].author",
                BOOKSTORE,
                "['Nigel Rees','Evelyn Waugh','Herman Melville','J. R. R. Tolkien']".replace('\'', '"'));
        assertSelects(
                "$..author", BOOKSTORE, "[\"Nigel Rees\",\"Evelyn Waugh\",\"Herman Melville\",\"J. R. R. Tolkien\"]");
        assertEquals(2, JsonPathQuery.compile("$.store.*").select(BOOKSTORE).size());
        assertSelects("$.store..price", BOOKSTORE, "[8.95, 12.99, 8.99, 22.99, 399]");
        assertSelects("$..book[2].author", BOOKSTORE, "[\"Herman Melville\"]");
        assertSelects("$..book[2].publisher", BOOKSTORE, "[]");
        assertSelects("$..book[-1].title", BOOKSTORE, "[\"The Lord of the Rings\"]");
        assertSelects("$..book[0,1].title", BOOKSTORE, "[\"Sayings of the Century\",\"Sword of Honour\"]");
        assertSelects("$..book[:2].title", BOOKSTORE, "[\"Sayings of the Century\",\"Sword of Honour\"]");
        assertSelects("$..book[?@.isbn].title", BOOKSTORE, "[\"Moby Dick\",\"The Lord of the Rings\"]");
        assertSelects("$..book[?@.price<10].title", BOOKSTORE, "[\"Sayings of the Century\",\"Moby Dick\"]");
        assertEquals(27, JsonPathQuery.compile("$..*").select(BOOKSTORE).size());
        assertEquals(
                BOOKSTORE.get("store").get("book").get(2),
                JsonPathQuery.compile("$..book[2]").select(BOOKSTORE).get(0));
    }

    @Test
    void rootIdentifier() {
        assertSelects("$", "{\"k\":\"v\"}", "[{\"k\":\"v\"}]");
        assertSelects("$", "42", "[42]");
        assertSelects("$", "null", "[null]");
    }

    @Test
    void nameSelectors() {
        // RFC 9535 §2.3.1.3
        String doc = "{\"o\": {\"j j\": {\"k.k\": 3}}, \"'\": {\"@\": 2}}";
        assertSelects("$.o['j j']", doc, "[{\"k.k\": 3}]");
        assertSelects("$.o['j j']['k.k']", doc, "[3]");
        assertSelects("$.o[\"j j\"][\"k.k\"]", doc, "[3]");
        assertSelects("$[\"'\"][\"@\"]", doc, "[2]");
        assertSelects("$['\\'']['@']", doc, "[2]");
        assertSelects("$.o.missing", doc, "[]");
        assertSelects("$.o['j j'].x", doc, "[]");
        assertSelects("$[0]['a']", "[{\"a\":1}]", "[1]");
        assertSelects("$.a", "[1]", "[]");
        assertSelects("$.a", "\"a\"", "[]");
        assertSelects("$.true", "{\"true\":1}", "[1]");
        assertSelects("$.null", "{\"null\":1}", "[1]");
        assertSelects("$.length", "{\"length\":1}", "[1]");
        assertSelects("$._x1", "{\"_x1\":1}", "[1]");
        assertSelects("$.ü", "{\"ü\":1}", "[1]");
        assertSelects("$.☺", "{\"☺\":1}", "[1]");
        assertSelects("$.\uD83D\uDE00", "{\"\uD83D\uDE00\":1}", "[1]");
        assertSelects("$['']", "{\"\":1}", "[1]");
        assertSelects("$['a','a']", "{\"a\":1}", "[1,1]");
    }

    @Test
    void stringEscapesInNames() {
        assertSelects("$['\\u0041']", "{\"A\":1}", "[1]");
        assertSelects("$['\\u00e9']", "{\"é\":1}", "[1]");
        assertSelects("$[\"\\uD834\\uDD1E\"]", "{\"\uD834\uDD1E\":1}", "[1]");
        assertSelects("$[\"\\ud834\\udd1e\"]", "{\"\uD834\uDD1E\":1}", "[1]");
        assertSelects("$['\\b\\f\\n\\r\\t\\/\\\\']", "{\"\\b\\f\\n\\r\\t/\\\\\":1}", "[1]");
        assertSelects("$[\"\\\"\"]", "{\"\\\"\":1}", "[1]");
        assertSelects("$['\"']", "{\"\\\"\":1}", "[1]");
        assertSelects("$[\"'\"]", "{\"'\":1}", "[1]");
        assertSelects("$['\\u0000']", "{\"\\u0000\":1}", "[1]");
        assertSelects("$['\u007F\u0080']", "{\"\u007F\u0080\":1}", "[1]");
    }

    @Test
    void wildcardSelectors() {
        // RFC 9535 §2.3.2.3
        String doc = "{\"o\": {\"j\": 1, \"k\": 2}, \"a\": [5, 3]}";
        assertSelects("$[*]", doc, "[{\"j\": 1, \"k\": 2}, [5, 3]]");
        assertSelects("$.o[*]", doc, "[1, 2]");
        assertSelects("$.o[*, *]", doc, "[1, 2, 1, 2]");
        assertSelects("$.a[*]", doc, "[5, 3]");
        assertSelects("$.*", doc, "[{\"j\": 1, \"k\": 2}, [5, 3]]");
        assertSelects("$.o.*", doc, "[1, 2]");
        assertSelects("$.a.*.*", doc, "[]");
        assertSelects("$[*]", "42", "[]");
        assertSelects("$[*]", "[]", "[]");
    }

    @Test
    void indexSelectors() {
        // RFC 9535 §2.3.3.3
        assertSelects("$[1]", "[\"a\",\"b\"]", "[\"b\"]");
        assertSelects("$[-2]", "[\"a\",\"b\"]", "[\"a\"]");
        assertSelects("$[0]", "[\"a\",\"b\"]", "[\"a\"]");
        assertSelects("$[2]", "[\"a\",\"b\"]", "[]");
        assertSelects("$[-3]", "[\"a\",\"b\"]", "[]");
        assertSelects("$[0]", "{\"0\":1}", "[]");
        assertSelects("$[0,0]", "[1]", "[1,1]");
        assertSelects("$[1,0]", "[1,2]", "[2,1]");
        assertSelects("$[9007199254740991]", "[1]", "[]");
        assertSelects("$[-9007199254740991]", "[1]", "[]");
        assertSelects("$[0][1]", "[[1,2]]", "[2]");
    }

    @Test
    void sliceSelectors() {
        // RFC 9535 §2.3.4.3
        String doc = "[\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\"]";
        assertSelects("$[1:3]", doc, "[\"b\", \"c\"]");
        assertSelects("$[5:]", doc, "[\"f\", \"g\"]");
        assertSelects("$[1:5:2]", doc, "[\"b\", \"d\"]");
        assertSelects("$[5:1:-2]", doc, "[\"f\", \"d\"]");
        assertSelects("$[::-1]", doc, "[\"g\", \"f\", \"e\", \"d\", \"c\", \"b\", \"a\"]");
        assertSelects("$[:]", doc, doc);
        assertSelects("$[::]", doc, doc);
        assertSelects("$[:2]", doc, "[\"a\", \"b\"]");
        assertSelects("$[-2:]", doc, "[\"f\", \"g\"]");
        assertSelects("$[:-5]", doc, "[\"a\", \"b\"]");
        assertSelects("$[-10:2]", doc, "[\"a\", \"b\"]");
        assertSelects("$[3:100]", doc, "[\"d\", \"e\", \"f\", \"g\"]");
        assertSelects("$[3:3]", doc, "[]");
        assertSelects("$[3:1]", doc, "[]");
        assertSelects("$[0:7:0]", doc, "[]");
        assertSelects("$[::3]", doc, "[\"a\", \"d\", \"g\"]");
        assertSelects("$[-1:-3:-1]", doc, "[\"g\", \"f\"]");
        assertSelects("$[:-8:-1]", doc, "[\"g\", \"f\", \"e\", \"d\", \"c\", \"b\", \"a\"]");
        assertSelects("$[100:0:-3]", doc, "[\"g\", \"d\"]");
        assertSelects("$[::-9007199254740991]", doc, "[\"g\"]");
        assertSelects("$[-9007199254740991:9007199254740991:9007199254740991]", doc, "[\"a\"]");
        assertSelects("$[0:2,5]", doc, "[\"a\", \"b\", \"f\"]");
        assertSelects("$[1:2]", "{\"a\":1}", "[]");
        assertSelects("$[1 : 2 : 1]", doc, "[\"b\"]");
    }

    @Test
    void selectorLists() {
        String doc = "{\"a\":[10,20,30],\"b\":{\"c\":1}}";
        assertSelects("$.a[0,2]", doc, "[10,30]");
        assertSelects("$['a','b']", doc, "[[10,20,30],{\"c\":1}]");
        assertSelects("$.a[2,0:2,*]", doc, "[30,10,20,10,20,30]");
        assertSelects("$[ 'b' , 'a' ][ 0 ]", doc, "[10]");
        assertSelects("$.a[?@>15, 0]", doc, "[20,30,10]");
    }

    @Test
    void descendantSegments() {
        // RFC 9535 §2.5.2.3
        String doc = "{\"o\": {\"j\": 1, \"k\": 2}, \"a\": [5, 3, [{\"j\": 4}, {\"k\": 6}]]}";
        assertSelects("$..j", doc, "[1, 4]");
        assertSelects("$..[0]", doc, "[5, {\"j\": 4}]");
        String all = "[{\"j\": 1, \"k\": 2}, [5, 3, [{\"j\": 4}, {\"k\": 6}]], 1, 2, 5, 3, "
                + "[{\"j\": 4}, {\"k\": 6}], {\"j\": 4}, {\"k\": 6}, 4, 6]";
        assertSelects("$..[*]", doc, all);
        assertSelects("$..*", doc, all);
        assertSelects("$..o", doc, "[{\"j\": 1, \"k\": 2}]");
        assertSelects("$.o..[*, *]", doc, "[1, 2, 1, 2]");
        assertSelects("$.a..[0, 1]", doc, "[5, 3, {\"j\": 4}, {\"k\": 6}]");
        assertSelects("$..['j','k']", doc, "[1, 2, 4, 6]");
        assertSelects("$..[?@.j]", doc, "[{\"j\": 1, \"k\": 2}, {\"j\": 4}]");
        assertSelects("$..x", doc, "[]");
        assertSelects("$..*", "1", "[]");
        assertSelects("$..a..b", "{\"a\":{\"b\":1,\"c\":{\"b\":2}}}", "[1,2]");
    }

    @Test
    void nullSemantics() {
        // RFC 9535 §2.6
        String doc = "{\"a\": null, \"b\": [null], \"c\": [{}], \"null\": 1}";
        assertSelects("$.a", doc, "[null]");
        assertSelects("$.a[0]", doc, "[]");
        assertSelects("$.a.d", doc, "[]");
        assertSelects("$.b[0]", doc, "[null]");
        assertSelects("$.b[*]", doc, "[null]");
        assertSelects("$.b[?@]", doc, "[null]");
        assertSelects("$.b[?@==null]", doc, "[null]");
        assertSelects("$.c[?@.d==null]", doc, "[]");
        assertSelects("$.null", doc, "[1]");
    }

    @Test
    void whitespaceBetweenSegments() {
        assertSelects("$ .a", "{\"a\":1}", "[1]");
        assertSelects("$\n[0]", "[1]", "[1]");
        assertSelects("$\t.a\r\n.b", "{\"a\":{\"b\":2}}", "[2]");
        assertSelects("$[ \n0\t]", "[1]", "[1]");
        assertSelects("$.a ..b", "{\"a\":{\"b\":2}}", "[2]");
    }

    @Test
    void absentRootSelectsNothing() {
        JsonPathQuery q = JsonPathQuery.compile("$");
        assertEquals(List.of(), q.select(null));
        assertFalse(q.matches(null));
        assertFalse(q.matches(MissingNode.getInstance()));
        assertTrue(q.matches(NullNode.getInstance()));
        assertFalse(JsonPathQuery.compile("$[?@ == null]").matches(null));
    }

    @Test
    void selectReturnsUnmodifiableDocumentNodes() {
        JsonNode doc = json("{\"a\":{\"b\":1}}");
        List<JsonNode> nodes = JsonPathQuery.compile("$.a").select(doc);
        assertTrue(nodes.get(0) == doc.get("a"));
        assertThrows(UnsupportedOperationException.class, () -> nodes.add(doc));
    }

    @Test
    void textEqualsAndToString() {
        JsonPathQuery q = JsonPathQuery.compile("$.a[?@.b]");
        assertEquals("$.a[?@.b]", q.text());
        assertEquals("$.a[?@.b]", q.toString());
        assertEquals(q, JsonPathQuery.compile("$.a[?@.b]"));
        assertEquals(q.hashCode(), JsonPathQuery.compile("$.a[?@.b]").hashCode());
        assertNotEquals(q, JsonPathQuery.compile("$.a[?@.c]"));
        assertFalse(q.isSingular());
        assertTrue(JsonPathQuery.compile("$").isSingular());
        assertTrue(JsonPathQuery.compile("$.a['b'][0][-1]").isSingular());
        assertFalse(JsonPathQuery.compile("$.a[0,1]").isSingular());
        assertFalse(JsonPathQuery.compile("$..a").isSingular());
        assertFalse(JsonPathQuery.compile("$.*").isSingular());
        assertFalse(JsonPathQuery.compile("$[0:1]").isSingular());
        assertThrows(NullPointerException.class, () -> JsonPathQuery.compile(null));
    }

    @Test
    void arazzoPitfalls() {
        // a root filter tests the root's children, never the root itself
        JsonNode token = json("{\"access_token\":\"abc\",\"expires\":3600}");
        assertTrue(JsonPathQuery.compile("$[?@.access_token != null]").matches(token));
        assertEquals(
                2,
                JsonPathQuery.compile("$[?@.access_token != null]")
                        .select(token)
                        .size());
        assertTrue(JsonPathQuery.compile("$[?@.access_token != null]").matches(json("{\"a\":1}")));
        assertTrue(JsonPathQuery.compile("$.access_token").matches(token));
        assertFalse(JsonPathQuery.compile("$.access_token").matches(json("{\"a\":1}")));

        JsonPathQuery done = JsonPathQuery.compile("$[?@.status == 'done']");
        assertEquals(List.of(), done.select(json("{\"status\":\"done\"}")));
        assertFalse(done.matches(json("{\"status\":\"done\"}")));
        assertEquals(1, done.select(json("[{\"status\":\"done\"}]")).size());
        assertFalse(done.matches(json("[{\"status\":\"running\"}]")));
        assertTrue(JsonPathQuery.compile("$[?$.status == 'done']").matches(json("{\"status\":\"done\",\"x\":1}")));
    }
}
