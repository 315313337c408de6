package dev.weft.runtime.internal;

import static dev.weft.runtime.internal.JsonPathAssertions.BOOKSTORE;
import static dev.weft.runtime.internal.JsonPathAssertions.assertInvalid;
import static dev.weft.runtime.internal.JsonPathAssertions.assertSelects;
import static dev.weft.runtime.internal.JsonPathAssertions.assertValid;
import static dev.weft.runtime.internal.JsonPathAssertions.json;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Filter selectors: RFC 9535 §2.3.5 examples, logical operators, literals and well-typedness. */
class JsonPathFilterParserTest {

    private static final JsonNode DOC = json("""
            {
              "a": [3, 5, 1, 2, 4, 6, {"b": "j"}, {"b": "k"}, {"b": {}}, {"b": "kilo"}],
              "o": {"p": 1, "q": 2, "r": 3, "s": 5, "t": {"u": 6}},
              "e": "f"
            }""");

    @Test
    void rfcFilterExamples() {
        // RFC 9535 §2.3.5.3, Table 12
        assertSelects("$.a[?@.b == 'kilo']", DOC, "[{\"b\": \"kilo\"}]");
        assertSelects("$.a[?(@.b == 'kilo')]", DOC, "[{\"b\": \"kilo\"}]");
        assertSelects("$.a[?@>3.5]", DOC, "[5, 4, 6]");
        assertSelects("$.a[?@.b]", DOC, "[{\"b\": \"j\"}, {\"b\": \"k\"}, {\"b\": {}}, {\"b\": \"kilo\"}]");
        assertSelects("$[?@.*]", DOC, "[" + DOC.get("a") + "," + DOC.get("o") + "]");
        assertSelects("$[?@[?@.b]]", DOC, "[" + DOC.get("a") + "]");
        assertSelects("$.o[?@<3, ?@<3]", DOC, "[1, 2, 1, 2]");
        assertSelects("$.a[?@<2 || @.b == \"k\"]", DOC, "[1, {\"b\": \"k\"}]");
        assertSelects("$.a[?match(@.b, \"[jk]\")]", DOC, "[{\"b\": \"j\"}, {\"b\": \"k\"}]");
        assertSelects("$.a[?search(@.b, \"[jk]\")]", DOC, "[{\"b\": \"j\"}, {\"b\": \"k\"}, {\"b\": \"kilo\"}]");
        assertSelects("$.o[?@>1 && @<4]", DOC, "[2, 3]");
        assertSelects("$.o[?@.u || @.x]", DOC, "[{\"u\": 6}]");
        assertSelects("$.a[?@.b == $.x]", DOC, "[3, 5, 1, 2, 4, 6]");
        assertSelects("$.a[?@ == @]", DOC, DOC.get("a").toString());
    }

    @Test
    void logicalOperators() {
        assertSelects("$.a[?!@.b]", DOC, "[3, 5, 1, 2, 4, 6]");
        assertSelects("$.a[?! @.b]", DOC, "[3, 5, 1, 2, 4, 6]");
        assertSelects("$.a[?!(@ > 2)]", DOC, "[1, 2, {\"b\": \"j\"}, {\"b\": \"k\"}, {\"b\": {}}, {\"b\": \"kilo\"}]");
        assertSelects("$.a[?!(!(@ > 5))]", DOC, "[6]");
        // && binds tighter than ||
        assertSelects("$.a[?@ == 1 || @ == 2 && @ == 3]", DOC, "[1]");
        assertSelects("$.a[?(@ == 1 || @ == 2) && @ > 1]", DOC, "[2]");
        assertSelects("$.a[?@ > 1 && @ < 5 && @ != 3]", DOC, "[2, 4]");
        assertSelects("$.a[?@ < 2 || @ > 5 || @.b == 'j']", DOC, "[1, 6, {\"b\": \"j\"}]");
        assertSelects("$.a[?( ( @ == 4 ) )]", DOC, "[4]");
        assertSelects("$.a[?@==4&&@==4]", DOC, "[4]");
        assertSelects("$.a[?\n@ == 4\n]", DOC, "[4]");
    }

    @Test
    void existenceTests() {
        assertSelects("$[?@.b]", "[{\"b\":null},{\"b\":false},{\"c\":1},1]", "[{\"b\":null},{\"b\":false}]");
        assertSelects("$[?@[0]]", "[[],[0],\"a\"]", "[[0]]");
        assertSelects("$[?@..x]", "[{\"a\":{\"x\":1}},{\"a\":2}]", "[{\"a\":{\"x\":1}}]");
        assertSelects("$[?$.flag]", "{\"flag\":false,\"v\":1}", "[false, 1]");
        assertSelects("$[?$.absent]", "{\"v\":1}", "[]");
        assertSelects("$[?@ .b]", "[{\"b\":1}]", "[{\"b\":1}]");
        assertSelects("$[?@.*]", "[[],[1],{},{\"a\":1},1]", "[[1],{\"a\":1}]");
        // @.x != null holds when x is missing (Nothing is not null)
        assertSelects("$[?@.x != null]", "[{\"x\":null},{\"y\":1},{\"x\":0}]", "[{\"y\":1},{\"x\":0}]");
    }

    @Test
    void literals() {
        String doc = "[1, 1.5, -2, 150, 0.015, \"a'b\", \"a\\\"b\", true, false, null, \"\\uD83D\\uDE00\"]";
        assertSelects("$[?@ == 1]", doc, "[1]");
        assertSelects("$[?@ == 1.5]", doc, "[1.5]");
        assertSelects("$[?@ == -2]", doc, "[-2]");
        assertSelects("$[?@ == 1.5e2]", doc, "[150]");
        assertSelects("$[?@ == 15E-3]", doc, "[0.015]");
        assertSelects("$[?@ == 'a\\'b']", doc, "[\"a'b\"]");
        assertSelects("$[?@ == \"a'b\"]", doc, "[\"a'b\"]");
        assertSelects("$[?@ == \"a\\\"b\"]", doc, "[\"a\\\"b\"]");
        assertSelects("$[?@ == true]", doc, "[true]");
        assertSelects("$[?@ == false]", doc, "[false]");
        assertSelects("$[?@ == null]", doc, "[null]");
        assertSelects("$[?@ == '\\uD83D\\uDE00']", doc, "[\"\\uD83D\\uDE00\"]");
        assertSelects("$[?@ == '\uD83D\uDE00']", doc, "[\"\\uD83D\\uDE00\"]");
        assertSelects("$[?1 == @]", doc, "[1]");
        assertSelects("$[?'x' == 'x']", "[1]", "[1]");
    }

    @Test
    void singularQueriesInComparisons() {
        String doc = "{\"limit\": 2, \"items\": [{\"n\": 1, \"t\": [7]}, {\"n\": 3, \"t\": [8]}]}";
        assertSelects("$.items[?@.n < $.limit]", doc, "[{\"n\": 1, \"t\": [7]}]");
        assertSelects("$.items[?@.t[0] == 8].n", doc, "[3]");
        assertSelects("$.items[?@['t'][-1] == 8].n", doc, "[3]");
        assertSelects("$.items[?$.items[1].n == @.n].n", doc, "[3]");
        assertSelects("$.items[?@ == $.items[0]].n", doc, "[1]");
    }

    @Test
    void nestedFilters() {
        assertSelects("$[?@[?@ > 2]]", "[[1,2],[3],[]]", "[[3]]");
        assertSelects("$[?@.a[?@.b == 1]].id", "[{\"id\":1,\"a\":[{\"b\":1}]},{\"id\":2,\"a\":[{\"b\":2}]}]", "[1]");
        assertSelects("$..[?@.price > 20].title", BOOKSTORE, "[\"The Lord of the Rings\"]");
        assertSelects(
                "$.store.book[?@.category == 'fiction' && @.price < 10].author", BOOKSTORE, "[\"Herman Melville\"]");
    }

    @Test
    void wellTypedQueries() {
        // RFC 9535 §2.4.9, Table 17 (the well-typed ones)
        assertValid("$[?length(@) < 3]");
        assertValid("$[?count(@.*) == 1]");
        assertValid("$[?match(@.timezone, 'Europe/.*')]");
        assertValid("$[?value(@..color) == \"red\"]");
        assertValid("$.a[?@.b]");
        assertValid("$[?count(@.*) > 1]");
        assertValid("$[?length(@) == 'x']");
        assertValid("$[?!match(@.a, 'a')]");
        assertValid("$[?match(@.a, 'a'), ?@.b]");
        assertValid("$[?search(@.a, @.b)]");
        assertValid("$[?search(@.a, $.pattern)]");
        assertValid("$[?length(value(@.*)) > 0]");
        assertValid("$[?count(@) == 1]");
        assertValid("$[?count($..*) == count(@..*)]");
        assertValid("$[?value(@.*) == 1]");
        assertValid("$[?length(length(@)) == 1]");
        assertValid("$[?match(  @.a  ,  'a'  )]");
        assertValid("$[?@.a == -0.0e+0]");
        assertValid("$[?@.a == 9007199254740993]");
        assertValid("$[?@ .a == 1]");
    }

    @Test
    void illTypedQueries() {
        // RFC 9535 §2.4.9, Table 17 (the ill-typed ones)
        assertInvalid("$[?length(@.*) < 3]", 10, "argument 1 of 'length' must be a value");
        assertInvalid("$[?count(1) == 1]", 9, "argument 1 of 'count' must be a query; found a literal");
        assertInvalid("$[?match(@.timezone, 'Europe/.*') == true]", 3, "function 'match' returns a logical");
        assertInvalid("$[?value(@..color)]", 3, "function 'value' returns a value, which cannot be a test");
        // comparisons need singular queries
        assertInvalid("$[?@.* == 1]", 3, "non-singular query cannot be compared");
        assertInvalid("$[?1 == @.*]", 8, "non-singular query cannot be compared");
        assertInvalid("$[?@..a == 1]", 3, "non-singular");
        assertInvalid("$[?@['a','b'] == 1]", 3, "non-singular");
        assertInvalid("$[?@[1:2] == 1]", 3, "non-singular");
        assertInvalid("$[?@[?@.a] == 1]", 3, "non-singular");
        assertInvalid("$[?$.* == 1]", 3, "non-singular");
        // tests cannot be literals, values or logicals compared
        assertInvalid("$[?true]", 3, "a literal cannot be a test");
        assertInvalid("$[?'a']", 3, "a literal cannot be a test");
        assertInvalid("$[?1]", 3, "a literal cannot be a test");
        assertInvalid("$[?null || @.a]", 3, "a literal cannot be a test");
        assertInvalid("$[?@.a && false]", 10, "a literal cannot be a test");
        assertInvalid("$[?!true]", 4, "'!' cannot negate a literal");
        assertInvalid("$[?length(@)]", 3, "returns a value");
        assertInvalid("$[?count(@.*)]", 3, "returns a value");
        assertInvalid("$[?(@.a) == 1]", 3, "a logical expression cannot be compared");
        assertInvalid("$[?@.a == (1)]", 10, "a logical expression cannot be compared");
        assertInvalid("$[?@.a == !@.b]", 10, "a logical expression cannot be compared");
        assertInvalid("$[?!@.a == 1]", 3, "'!' cannot negate a comparison without parentheses");
        assertInvalid("$[?!(@.a) == 1]", 10, "a logical expression cannot be compared");
        assertInvalid("$[?@.a == 1 == 2]", 12, "']' expected, found '=='");
        // function arguments
        assertInvalid("$[?length(@.a, @.b) == 1]", 15, "function 'length' takes 1 argument, found 2");
        assertInvalid("$[?length() == 1]", 10, "function 'length' takes 1 argument, found 0");
        assertInvalid("$[?match(@.a)]", 12, "function 'match' takes 2 arguments, found 1");
        assertInvalid("$[?count('a') == 1]", 9, "must be a query; found a literal");
        assertInvalid("$[?count(length(@)) == 1]", 9, "must be a query; found a call of 'length'");
        assertInvalid("$[?value(1) == 1]", 9, "must be a query");
        assertInvalid("$[?length(@.a == 1) == 1]", 10, "found a logical expression");
        assertInvalid("$[?length(match(@, 'a')) == 1]", 10, "found a call of 'match', which returns a logical");
        assertInvalid("$[?match(@.a, @.*)]", 14, "argument 2 of 'match' must be a value");
        assertInvalid("$[?foo(@.a)]", 3, "unknown function 'foo'");
        assertInvalid("$[?LENGTH(@) == 1]", 3, "unknown function 'LENGTH'");
        assertInvalid("$[?length (@) == 1]", 9, "blank space not allowed between function name and '('");
        assertInvalid(
                "$[?length(@) == True]",
                16,
                "unexpected name 'True'; expected '@', '$', a literal or a "
                        + "function call (true, false and null are lowercase)");
        assertInvalid("$[?@.a == nul]", 10, "unexpected name 'nul'");
        assertInvalid("$[?length(@ == 1]", 16, "',' or ')' expected, found ']'");
    }

    @Test
    void malformedFilters() {
        assertInvalid("$[?]", 3, "expected, found ']'");
        assertInvalid("$[?", 3, "found end of query");
        assertInvalid("$[?(@.a]", 7, "')' expected, found ']'");
        assertInvalid("$[?@.a)]", 6, "']' expected, found ')'");
        assertInvalid("$[?@.a = 1]", 7, "unexpected '='; did you mean '=='?");
        assertInvalid("$[?@.a === 1]", 9, "unexpected '='");
        assertInvalid("$[?@.a & @.b]", 7, "did you mean '&&'?");
        assertInvalid("$[?@.a | @.b]", 7, "did you mean '||'?");
        assertInvalid("$[?@.a and @.b]", 7, "']' expected, found 'and'");
        assertInvalid("$[?@.a == 01]", 10, "leading zeros not allowed in '01'");
        assertInvalid("$[?@.a == -01]", 10, "leading zeros");
        assertInvalid("$[?@.a == 1.]", 12, "digit expected after the decimal point");
        assertInvalid("$[?@.a == .1]", 10, "found '.'");
        assertInvalid("$[?@.a == 1e]", 12, "digit expected in the exponent");
        assertInvalid("$[?@.a == 1e+]", 13, "digit expected in the exponent");
        assertInvalid("$[?@.a == -]", 11, "digit expected after '-'");
        assertInvalid("$[?@.a == +1]", 10, "unexpected character '+'");
        assertInvalid("$[?@.a == 1e999999999999]", 10, "out of range");
        assertInvalid("$[?@.a == 'x]", 10, "unterminated string literal");
        assertInvalid("$[?@.a == ]", 10, "found ']'");
        assertInvalid("$[?@.a ==]", 9, "found ']'");
        assertInvalid("$[?@.a < = 1]", 9, "unexpected '='");
        assertInvalid("$[?@.a => 1]", 7, "did you mean '=='?");
        assertInvalid("$[?(@.a || )]", 11, "found ')'");
        assertInvalid("$[?@.a ||]", 9, "found ']'");
        assertInvalid("$[?!]", 4, "found ']'");
        assertInvalid("$[?!!@.a]", 4, "found '!'");
        assertInvalid("$[?@.a]]", 7, "found ']'");
        assertInvalid("$[?@.a, ]", 8, "selector expected, found ']'");
    }
}
