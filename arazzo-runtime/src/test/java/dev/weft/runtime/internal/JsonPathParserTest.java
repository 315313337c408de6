package dev.weft.runtime.internal;

import static dev.weft.runtime.internal.JsonPathAssertions.BOOKSTORE;
import static dev.weft.runtime.internal.JsonPathAssertions.assertInvalid;
import static dev.weft.runtime.internal.JsonPathAssertions.assertMessageStyle;
import static dev.weft.runtime.internal.JsonPathAssertions.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Query syntax: segments, selectors, whitespace, integer ranges, error offsets and robustness. */
class JsonPathParserTest {

    @Test
    void rootAndWhitespace() {
        assertInvalid("", 0, "query must start with '$'");
        assertInvalid("@", 0, "query must start with '$'");
        assertInvalid("a", 0, "query must start with '$'");
        assertInvalid(" $", 0, "blank space not allowed before '$'");
        assertInvalid("$ ", 1, "blank space not allowed at the end of the query");
        assertInvalid("$.a\n", 3, "blank space not allowed at the end of the query");
        assertInvalid("$$", 1, "'.', '..' or '[' expected, found '$'");
        assertInvalid("$. a", 2, "blank space not allowed after '.'");
        assertInvalid("$.. a", 3, "blank space not allowed after '..'");
        assertInvalid("$.. [0]", 3, "blank space not allowed after '..'");
        assertInvalid("$..\n*", 3, "blank space not allowed after '..'");
        assertValid("$ .a");
        assertValid("$\n.a\t[0]\r..b");
        assertValid("$[\t0 ,\n1 ]");
        assertValid("$[?\t@.a\n==\r1\t]");
        assertValid("$[ ?@.a ]");
    }

    @Test
    void segments() {
        assertInvalid("$.", 2, "member name or '*' after '.' expected, found end of query");
        assertInvalid("$..", 3, "member name, '*' or '[' after '..' expected, found end of query");
        assertInvalid("$...a", 3, "found '.'");
        assertInvalid("$.a.", 4, "found end of query");
        assertInvalid("$.[0]", 2, "found '['");
        assertInvalid("$.*.", 4, "found end of query");
        assertInvalid("$]", 1, "found ']'");
        assertInvalid("$a", 1, "'.', '..' or '[' expected, found 'a'");
        assertInvalid("$.a()", 3, "found '('");
        assertInvalid("$.a?", 3, "found '?'");
        assertValid("$..*");
        assertValid("$..['a']");
        assertValid("$.*[*]..*");
    }

    @Test
    void brackets() {
        assertInvalid("$[", 2, "selector expected, found end of query");
        assertInvalid("$[]", 2, "selector expected, found ']'");
        assertInvalid("$[0", 3, "',' or ']' expected, found end of query");
        assertInvalid("$[0,]", 4, "selector expected, found ']'");
        assertInvalid("$[,0]", 2, "selector expected, found ','");
        assertInvalid("$[0 1]", 4, "',' or ']' expected, found '1'");
        assertInvalid("$['a' 'b']", 6, "',' or ']' expected, found ''b''");
        assertInvalid("$[a]", 2, "selector expected, found 'a'");
        assertInvalid("$[@]", 2, "selector expected, found '@'");
        assertInvalid("$[$]", 2, "selector expected, found '$'");
        assertInvalid("$[**]", 3, "',' or ']' expected, found '*'");
        assertInvalid("$[(0)]", 2, "selector expected, found '('");
        assertInvalid("$[[0]]", 2, "selector expected, found '['");
        assertValid("$[*,'a',0,-1,1:2,::-1,?@]");
    }

    @Test
    void integers() {
        assertInvalid("$[01]", 2, "leading zeros not allowed in '01'");
        assertInvalid("$[-01]", 2, "leading zeros not allowed in '-01'");
        assertInvalid("$[00]", 2, "leading zeros");
        assertInvalid("$[-0]", 2, "'-0' is not a valid integer here");
        assertInvalid("$[0:-0]", 4, "'-0'");
        assertInvalid("$[1.0]", 2, "integer expected, found '1.0'");
        assertInvalid("$[1e2]", 2, "integer expected, found '1e2'");
        assertInvalid("$[1:2.5]", 4, "integer expected");
        assertInvalid("$[-]", 3, "digit expected after '-'");
        assertInvalid("$[+1]", 2, "unexpected character '+'");
        assertInvalid("$[9007199254740992]", 2, "integer '9007199254740992' out of range");
        assertInvalid("$[-9007199254740992]", 2, "out of range");
        assertInvalid("$[99999999999999999999999]", 2, "out of range");
        assertInvalid("$[0:9007199254740992]", 4, "out of range");
        assertInvalid("$[::9007199254740992]", 4, "out of range");
        assertValid("$[9007199254740991]");
        assertValid("$[-9007199254740991]");
        assertValid("$[0]");
        assertValid("$[-1]");
    }

    @Test
    void slices() {
        assertValid("$[:]");
        assertValid("$[::]");
        assertValid("$[1:]");
        assertValid("$[:1]");
        assertValid("$[1:2:]");
        assertValid("$[::2]");
        assertValid("$[ 1 : 2 : 3 ]");
        assertValid("$[-1:-2:-1]");
        assertInvalid("$[:::]", 4, "',' or ']' expected, found ':'");
        assertInvalid("$[1:2:3:4]", 7, "',' or ']' expected, found ':'");
        assertInvalid("$[1::2::]", 6, "found ':'");
        assertInvalid("$[:a]", 3, "found 'a'");
    }

    @Test
    void offsetsPointAtTheProblem() {
        String query = "$.store.book[?@.price < 10 && @.title == 'x].author";
        JsonPathSyntaxException e = assertInvalid(query, query.indexOf('\''), "unterminated string literal");
        assertEquals("unterminated string literal", e.getMessage());
        assertInvalid("$.a[?@.b == 1 && @.c ~ 2]", 21, "unexpected character '~'");
        assertInvalid("$.a[?@.b == 1]x", 14, "found 'x'");
        assertInvalid("$['\uD83D\uDE00' x]", 7, "found 'x'");
    }

    @Test
    void nestingIsLimited() {
        assertValid("$" + "[?@".repeat(50) + "]".repeat(50));
        assertValid("$[?" + "(".repeat(90) + "@" + ")".repeat(90) + "]");
        assertInvalid("$" + "[?@".repeat(200) + "]".repeat(200), 302, "nested too deeply");
        // the filter is the first level, so the 100th parenthesis or call is one too many
        assertInvalid("$[?" + "(".repeat(5000) + "@" + ")".repeat(5000) + "]", 3 + 99, "nested too deeply");
        assertInvalid("$[?" + "length(".repeat(5000) + "@" + ")".repeat(5000) + "]", 3 + 7 * 99, "nested too deeply");
        assertInvalid("$[?" + "!(".repeat(5000) + "@" + ")".repeat(5000) + "]", 4 + 2 * 99, "nested too deeply");
    }

    @Test
    void randomInputNeverThrowsAnythingElse() {
        Random random = new Random(9535);
        String alphabet = "$@.[]?*,:()!&|=<>'\"\\-+0123456789eEabcdflmnorstuvxyz _\t\n\u00e9\uD83D\uDE00\u0001";
        String[] seeds = {
            "$.store.book[?@.price < 10 && @.category == 'fiction'].title",
            "$..book[-1:0:-2]['author','title']",
            "$[?match(@.a, '[a-z]+') || count(@..*) >= 2]",
            "$[?!(@.x == \"y\\u0041\") && length(value(@.*)) > 0]",
            "$.a[?search(@, '\\\\p{L}')]"
        };
        int compiled = 0;
        for (int i = 0; i < 10_000; i++) {
            String text;
            if (i % 2 == 0) {
                StringBuilder b = new StringBuilder(random.nextInt(3) == 0 ? "" : "$");
                int length = random.nextInt(30);
                for (int j = 0; j < length; j++) {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                text = b.toString();
            } else {
                StringBuilder b = new StringBuilder(seeds[random.nextInt(seeds.length)]);
                for (int edits = 1 + random.nextInt(3); edits > 0 && b.length() > 0; edits--) {
                    int at = random.nextInt(b.length());
                    switch (random.nextInt(3)) {
                        case 0 -> b.deleteCharAt(at);
                        case 1 -> b.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        default -> b.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                }
                text = b.toString();
            }
            try {
                JsonPathQuery query = JsonPathQuery.compile(text);
                query.select(BOOKSTORE);
                compiled++;
            } catch (JsonPathSyntaxException e) {
                if (e.offset() < 0 || e.offset() > text.length()) {
                    fail("offset " + e.offset() + " outside " + text);
                }
                assertMessageStyle(e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("unexpected " + e + " for " + text, e);
            }
        }
        // the mutated seeds must keep some queries valid, or the evaluation path is not exercised
        assertTrue(compiled > 500, "compiled " + compiled);
        assertFalse(compiled > 9000, "compiled " + compiled);
    }
}
