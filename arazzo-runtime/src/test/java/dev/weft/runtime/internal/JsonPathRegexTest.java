package dev.weft.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** I-Regexp (RFC 9485): what is accepted, how it translates and how it matches. */
class JsonPathRegexTest {

    private static boolean matches(String regexp, String text) {
        BoundedRegex compiled = JsonPathRegex.compile(regexp).orElseThrow();
        assertTrue(compiled.linear(), "every I-Regexp runs on the linear engine: " + regexp);
        return compiled.matches(text, "test");
    }

    private static boolean valid(String regexp) {
        return JsonPathRegex.compile(regexp).isPresent();
    }

    @Test
    void validSyntax() {
        for (String regexp : new String[] {
            "",
            "a",
            "abc",
            "a|b",
            "a|",
            "|",
            "()",
            "(a|b)*",
            "a?",
            "a+",
            "a*",
            "a{2}",
            "a{2,}",
            "a{2,3}",
            "a{0,0}",
            ".",
            "[a]",
            "[^a]",
            "[a-z]",
            "[-a]",
            "[a-]",
            "[-]",
            "[--]",
            "[a-z0-9_]",
            "[\\]]",
            "[\\-]",
            "[\\^]",
            "[a\\-z]",
            "[\\n\\r\\t]",
            "\\p{L}",
            "\\P{Lu}",
            "[\\p{Nd}x]",
            "\\(\\)\\*\\+\\-\\.\\?\\[\\\\\\]\\^\\{\\|\\}",
            "^",
            "$",
            "^a$",
            "&",
            "[&&]",
            "[a^]",
            "#",
            "/",
            "\\n",
            "\u00e9",
            "\uD83D\uDE00",
            "[\uD83D\uDE00-\uD83D\uDE4F]",
            ",",
            "a{10}b"
        }) {
            assertTrue(valid(regexp), regexp);
        }
        for (String category : new String[] {
            "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe",
            "Pf", "Pi", "Po", "Ps", "Z", "Zl", "Zp", "Zs", "S", "Sc", "Sk", "Sm", "So", "C", "Cc", "Cf", "Cn", "Co"
        }) {
            assertTrue(valid("\\p{" + category + "}"), category);
            assertTrue(valid("[^\\P{" + category + "}]"), category);
        }
    }

    @Test
    void invalidSyntax() {
        for (String regexp : new String[] {
            "(",
            ")",
            "a)",
            "(a",
            "[",
            "]",
            "[]",
            "[^]",
            "[a",
            "{",
            "}",
            "a{",
            "a{}",
            "a{,2}",
            "a{2",
            "a{x}",
            "*",
            "+a",
            "?",
            "a**",
            "a+?",
            "a*+",
            "a{2}{3}",
            "\\",
            "\\d",
            "\\w",
            "\\s",
            "\\b",
            "\\1",
            "\\x41",
            "\\u0041",
            "\\p",
            "\\p{",
            "\\p{Lx}",
            "\\p{IsLatin}",
            "\\p{Cs}",
            "(?:a)",
            "(?i)a",
            "[a-z-0]",
            "[---]",
            "[\\p{L}-z]",
            "[a-\\p{L}]",
            "[[a]]",
            "[a[]",
            "a{2,1}",
            "[z-a]",
            "a{99999999999}",
            "\uD800",
            "[\uDC00]"
        }) {
            assertFalse(valid(regexp), regexp);
        }
    }

    @Test
    void dotExcludesLineBreaksOnly() {
        assertTrue(matches(".", "a"));
        assertTrue(matches(".", "\t"));
        assertTrue(matches(".", "\u2028"));
        assertTrue(matches(".", "\u0085"));
        assertTrue(matches(".", "\uD83D\uDE00"));
        assertFalse(matches(".", "\n"));
        assertFalse(matches(".", "\r"));
        assertFalse(matches(".", "ab"));
    }

    /** As RFC 9485's mappings leave them and the RFC 9535 compliance suite expects: anchors, not characters. */
    @Test
    void caretAndDollarAreAnchors() {
        assertTrue(matches("^a$", "a"));
        assertFalse(matches("^a$", "^a$"));
        assertTrue(matches("^ab.*", "abc"));
        assertTrue(matches(".*bc$", "abc"));
        assertFalse(matches(".*bc$", "abc\n"));
        assertTrue(matches("[$^]+", "$^"));
        assertTrue(matches("\\^", "^"));
        BoundedRegex caret = JsonPathRegex.compile("^ab").orElseThrow();
        assertTrue(caret.find("abx", "search"));
        assertFalse(caret.find("xab", "search"));
        BoundedRegex dollar = JsonPathRegex.compile("ab$").orElseThrow();
        assertTrue(dollar.find("xab", "search"));
        assertFalse(dollar.find("abx", "search"));
        assertFalse(dollar.find("ab\n", "search"), "the end of the string, not of a line");
        assertEquals("[^\\n\\r]\\z", JsonPathRegex.toJava(".$"));
    }

    @Test
    void javaMetacharactersAreLiteral() {
        assertTrue(matches("[&&]", "&"));
        assertTrue(matches("[a^]+", "^a"));
        assertTrue(matches("#x", "#x"));
        assertTrue(matches("\\.", "."));
        assertFalse(matches("\\.", "a"));
        assertTrue(matches("[^a]", "b"));
        assertFalse(matches("[^a]", "a"));
        assertTrue(matches("[^a]", "\n"));
        assertTrue(matches("a{2,3}", "aaa"));
        assertFalse(matches("a{2,3}", "aaaa"));
        assertTrue(matches("(ab|c)+", "abcab"));
        assertTrue(matches("\\p{Lu}\\P{Lu}", "Ab"));
        assertTrue(matches("[\uD83D\uDE00-\uD83D\uDE4F]", "\uD83D\uDE03"));
        assertFalse(matches("a|b", "ab"));
        assertEquals("(?:a|b)*\\x{2d}", JsonPathRegex.toJava("(a|b)*-"));
        assertNull(JsonPathRegex.toJava("a)"));
    }

    @Test
    void compiledPatternsAreCached() {
        BoundedRegex first = JsonPathRegex.compile("cached[0-9]+").orElseThrow();
        assertSame(first, JsonPathRegex.compile("cached[0-9]+").orElseThrow());
        for (int i = 0; i < 2000; i++) {
            assertTrue(JsonPathRegex.compile("x" + i).isPresent());
        }
        assertTrue(matches("cached[0-9]+", "cached42"));
    }
}
