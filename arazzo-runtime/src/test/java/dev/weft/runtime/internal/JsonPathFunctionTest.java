package dev.weft.runtime.internal;

import static dev.weft.runtime.internal.JsonPathAssertions.assertSelects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The function extensions of RFC 9535 §2.4.4–2.4.8. */
class JsonPathFunctionTest {

    @Test
    void length() {
        String doc = "[\"abc\", \"\", \"\\uD83D\\uDE00x\", [1,2], [], {\"a\":1,\"b\":2,\"c\":3}, 12, true, null]";
        assertSelects("$[?length(@) == 3]", doc, "[\"abc\", {\"a\":1,\"b\":2,\"c\":3}]");
        assertSelects("$[?length(@) == 0]", doc, "[\"\", []]");
        // Unicode scalar values, not UTF-16 units
        assertSelects("$[?length(@) == 2]", doc, "[\"\\uD83D\\uDE00x\", [1,2]]");
        // Nothing for numbers, booleans and null: never equal to a number
        assertSelects(
                "$[?length(@) >= 0]",
                doc,
                "[\"abc\", \"\", \"\\uD83D\\uDE00x\", [1,2], [], " + "{\"a\":1,\"b\":2,\"c\":3}]");
        assertSelects("$[?length(@.missing) == length(@.other)]", "[1]", "[1]");
        assertSelects(
                "$[?length(@.authors) >= 2]",
                "[{\"authors\":[\"a\",\"b\"]},{\"authors\":\"x\"}]",
                "[{\"authors\":[\"a\",\"b\"]}]");
        assertSelects("$[?length('abc') == 3]", "[1]", "[1]");
        assertSelects("$[?length(1) == 1]", "[1]", "[]");
        assertSelects("$[?length(value(@.*)) == 1]", "[{\"a\":\"x\"},{\"a\":\"x\",\"b\":\"y\"}]", "[{\"a\":\"x\"}]");
    }

    @Test
    void count() {
        String doc = "[{\"a\":1},{\"a\":1,\"b\":2},[1,2,3],5]";
        assertSelects("$[?count(@.*) == 1]", doc, "[{\"a\":1}]");
        assertSelects("$[?count(@.*) > 1]", doc, "[{\"a\":1,\"b\":2},[1,2,3]]");
        assertSelects("$[?count(@.*) == 0]", doc, "[5]");
        assertSelects("$[?count(@) == 1]", doc, doc);
        assertSelects("$[?count(@.a) == 1]", doc, "[{\"a\":1},{\"a\":1,\"b\":2}]");
        assertSelects("$[?count(@[*, *]) == 6]", doc, "[[1,2,3]]");
        assertSelects("$[?count(@..*) == 2]", doc, "[{\"a\":1,\"b\":2}]");
        assertSelects("$[?count($[*]) == 4]", doc, doc);
        assertSelects(
                "$[?count(@.*.author) >= 2]",
                "[[{\"author\":1},{\"author\":2}],[{\"author\":1}]]",
                "[[{\"author\":1},{\"author\":2}]]");
    }

    @Test
    void match() {
        String doc = "[\"1974-05-01\", \"1974-05-31x\", \"1974-5-01\", 19740501, \"ab\\ncd\"]";
        assertSelects("$[?match(@, '1974-05-..')]", doc, "[\"1974-05-01\"]");
        assertSelects("$[?match(@, '1974-05-...*')]", doc, "[\"1974-05-01\", \"1974-05-31x\"]");
        assertSelects("$[?match(@, 'ab.cd')]", doc, "[]");
        assertSelects("$[?match(@, 'ab\\\\ncd')]", doc, "[\"ab\\ncd\"]");
        assertSelects("$[?match(@, '1974')]", doc, "[]");
        assertSelects("$[?match(@, 1974)]", doc, "[]");
        assertSelects(
                "$[?match(@.date, \"1974-05-..\")]",
                "[{\"date\":\"1974-05-31\"},{\"date\":1}]",
                "[{\"date\":\"1974-05-31\"}]");
        assertSelects(
                "$[?match(@.s, @.p)]",
                "[{\"s\":\"aaa\",\"p\":\"a+\"},{\"s\":\"aaa\",\"p\":\"b+\"},{\"s\":\"a\"}]",
                "[{\"s\":\"aaa\",\"p\":\"a+\"}]");
        assertSelects("$[?match(@, 'a|b')]", "[\"a\",\"b\",\"ab\"]", "[\"a\",\"b\"]");
        assertSelects("$[?match(@, '\\\\p{Lu}+')]", "[\"ABC\",\"AbC\",\"ÀÉ\"]", "[\"ABC\",\"ÀÉ\"]");
        assertSelects(
                "$[?match(@, '.')]", "[\"\\uD83D\\uDE00\",\"\\n\",\"\\r\",\"\\t\"]", "[\"\\uD83D\\uDE00\",\"\\t\"]");
    }

    @Test
    void search() {
        String doc = "[\"Bob\", \"Robert\", \"bob\", \"Rob Roy\", 1]";
        assertSelects("$[?search(@, '[BR]ob')]", doc, "[\"Bob\", \"Robert\", \"Rob Roy\"]");
        assertSelects(
                "$[?search(@.author, \"[BR]ob\")]",
                "[{\"author\":\"Bobby\"},{\"author\":\"x\"}]",
                "[{\"author\":\"Bobby\"}]");
        assertSelects("$[?search(@, '')]", doc, "[\"Bob\", \"Robert\", \"bob\", \"Rob Roy\"]");
        // anchors, as the RFC 9535 compliance suite has them
        assertSelects("$[?search(@, 'b$')]", "[\"b\", \"ab$\", \"b\\n\"]", "[\"b\"]");
        assertSelects("$[?search(@, '^a')]", "[\"a\", \"x^a\"]", "[\"a\"]");
        assertSelects("$[?search(@, '[$]')]", "[\"b\", \"ab$\"]", "[\"ab$\"]");
        assertSelects("$[?!search(@, 'o')]", doc, "[1]");
    }

    @Test
    void invalidRegexpsAreFalse() {
        String doc = "[\"a\", \"[\", \"aa\"]";
        assertSelects("$[?match(@, '[')]", doc, "[]");
        assertSelects("$[?search(@, '(')]", doc, "[]");
        assertSelects("$[?search(@, 'a**')]", doc, "[]");
        assertSelects("$[?search(@, '\\\\d')]", doc, "[]");
        assertSelects("$[?search(@, '(?:a)')]", doc, "[]");
        assertSelects("$[?!search(@, '[')]", doc, doc);
        assertSelects("$[?match(@, '\\\\[')]", doc, "[\"[\"]");
    }

    @Test
    void value() {
        String doc = "[{\"color\":\"red\"},{\"a\":{\"color\":\"red\"},\"b\":{\"color\":\"red\"}},"
                + "{\"x\":{\"color\":\"red\"}},{\"color\":\"blue\"}]";
        assertSelects("$[?value(@..color) == \"red\"]", doc, "[{\"color\":\"red\"},{\"x\":{\"color\":\"red\"}}]");
        assertSelects("$[?value(@.*) == value(@.*)]", "[[],[1],[1,2]]", "[[],[1],[1,2]]");
        assertSelects("$[?value(@.*) == 1]", "[[],[1],[1,2]]", "[[1]]");
    }

    @Test
    void directApplication() {
        assertEquals(IntNode.valueOf(2), JsonPathFunction.LENGTH.apply(Arrays.asList(TextNode.valueOf("ab"))));
        assertNull(JsonPathFunction.LENGTH.apply(Arrays.asList((Object) null)));
        assertEquals(IntNode.valueOf(0), JsonPathFunction.COUNT.apply(List.of(List.of())));
        assertSame(Boolean.FALSE, JsonPathFunction.MATCH.apply(Arrays.asList(null, TextNode.valueOf("a"))));
        assertSame(
                Boolean.TRUE, JsonPathFunction.SEARCH.apply(List.of(TextNode.valueOf("xay"), TextNode.valueOf("a"))));
        assertNull(JsonPathFunction.VALUE.apply(List.of(List.of())));
        assertSame(JsonPathFunction.MATCH, JsonPathFunction.named("match"));
        assertNull(JsonPathFunction.named("Match"));
    }
}
