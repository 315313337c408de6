package dev.weft.runtime.internal;

import static dev.weft.runtime.internal.JsonPathAssertions.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.internal.JsonPathToken.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens, string literals and member names. */
class JsonPathLexerTest {

    private static List<JsonPathToken> tokens(String text) {
        JsonPathLexer lexer = new JsonPathLexer(text);
        List<JsonPathToken> tokens = new ArrayList<>();
        JsonPathToken t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (t.kind() != Kind.EOF);
        return tokens;
    }

    @Test
    void tokenKindsSpansAndSpacing() {
        List<JsonPathToken> t = tokens("$..a[?@ != 1.5e3 && !(@<=-2)] ");
        List<Kind> kinds = t.stream().map(JsonPathToken::kind).toList();
        assertEquals(
                List.of(
                        Kind.ROOT,
                        Kind.DOUBLE_DOT,
                        Kind.NAME,
                        Kind.LBRACKET,
                        Kind.QUESTION,
                        Kind.CURRENT,
                        Kind.NE,
                        Kind.NUMBER,
                        Kind.AND,
                        Kind.NOT,
                        Kind.LPAREN,
                        Kind.CURRENT,
                        Kind.LE,
                        Kind.NUMBER,
                        Kind.RPAREN,
                        Kind.RBRACKET,
                        Kind.EOF),
                kinds);
        assertEquals("a", t.get(2).value());
        assertEquals("1.5e3", t.get(7).value());
        assertEquals("-2", t.get(13).value());
        assertEquals(11, t.get(7).start());
        assertEquals(16, t.get(7).end());
        assertTrue(t.get(6).spaceBefore());
        assertFalse(t.get(5).spaceBefore());
        assertTrue(t.get(16).spaceBefore());
        assertEquals(30, t.get(16).start());
    }

    @Test
    void stringLiteralsDecode() {
        assertEquals("a'b\"c", tokens("'a\\'b\"c'").get(0).value());
        assertEquals("a'b\"c", tokens("\"a'b\\\"c\"").get(0).value());
        assertEquals("\b\f\n\r\t/\\", tokens("'\\b\\f\\n\\r\\t\\/\\\\'").get(0).value());
        assertEquals("\u00e9\u20ac", tokens("'\\u00E9\\u20aC'").get(0).value());
        assertEquals("\uD834\uDD1E", tokens("'\\uD834\\uDD1E'").get(0).value());
        assertEquals("\uD834\uDD1E", tokens("'\uD834\uDD1E'").get(0).value());
        assertEquals("\u0000", tokens("'\\u0000'").get(0).value());
        assertEquals("", tokens("''").get(0).value());
        assertEquals(Kind.STRING, tokens("\"\"").get(0).kind());
    }

    @Test
    void invalidStringLiterals() {
        assertInvalid("$['a", 2, "unterminated string literal");
        assertInvalid("$['a\\", 2, "unterminated string literal");
        assertInvalid("$[\"a']", 2, "unterminated string literal");
        assertInvalid("$['\\a']", 3, "invalid escape sequence '\\a'");
        assertInvalid("$['\\\"']", 3, "invalid escape sequence '\\\"'");
        assertInvalid("$[\"\\'\"]", 3, "invalid escape sequence '\\''");
        assertInvalid("$['\\x41']", 3, "invalid escape sequence");
        assertInvalid("$['\\U0041']", 3, "invalid escape sequence");
        assertInvalid("$['\\u00']", 3, "four hexadecimal digits expected after '\\u'");
        assertInvalid("$['\\u00G0']", 3, "four hexadecimal digits");
        assertInvalid("$['\\u+041']", 3, "four hexadecimal digits");
        assertInvalid("$['\\u\uFF10041']", 3, "four hexadecimal digits");
        assertInvalid("$['\\uD800']", 3, "unpaired surrogate U+D800");
        assertInvalid("$['\\uD800\\u0041']", 3, "unpaired surrogate");
        assertInvalid("$['\\uD800\\uD800']", 3, "unpaired surrogate");
        assertInvalid("$['\\uDC00']", 3, "unpaired surrogate U+DC00");
        assertInvalid("$['\\uDC00\\uD800']", 3, "unpaired surrogate");
        assertInvalid("$['\uD800']", 3, "unpaired surrogate");
        assertInvalid("$['\uDC00x']", 3, "unpaired surrogate");
        assertInvalid("$['a\u0007']", 4, "control character U+0007 must be escaped");
        assertInvalid("$['\n']", 3, "control character U+000A");
        assertInvalid("$['\u001F']", 3, "control character U+001F");
    }

    @Test
    void memberNameShorthand() {
        assertInvalid("$.1", 2, "member name or '*' after '.' expected, found '1'");
        assertInvalid("$.-a", 3, "digit expected after '-'");
        assertInvalid("$.a-b", 4, "digit expected after '-'");
        assertInvalid("$.$a", 2, "found '$'");
        assertInvalid("$.'a'", 2, "found ''a''");
        assertInvalid("$.a#", 3, "unexpected character '#'");
        assertInvalid("$.a\u0000", 3, "unexpected character U+0000");
        assertInvalid("$.a b", 4, "'.', '..' or '[' expected, found 'b'");
        assertInvalid("$.\uD800", 2, "unexpected character U+D800");
        // any non-ASCII scalar value may start a name, even a no-break space
        assertEquals(
                1,
                JsonPathQuery.compile("$.\u00a0")
                        .select(JsonPathAssertions.json("{\"\u00a0\":1}"))
                        .size());
        assertEquals(
                "a_1\u00e9\uD83D\uDE00", tokens("a_1\u00e9\uD83D\uDE00 ").get(0).value());
        assertEquals(Kind.NAME, tokens("\u00a0").get(0).kind());
        assertEquals("Ab", tokens("Ab").get(0).value());
    }

    @Test
    void describeCharacters() {
        assertEquals("'x'", JsonPathLexer.describe('x'));
        assertEquals("U+0009", JsonPathLexer.describe('\t'));
        assertEquals("U+DC00", JsonPathLexer.describe(0xDC00));
        assertEquals("U+200B", JsonPathLexer.describe(0x200B));
        assertEquals("'\uD83D\uDE00'", JsonPathLexer.describe(0x1F600));
    }
}
