package dev.weft.runtime.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * I-Regexp (RFC 9485), the regular expressions of the JSONPath {@code match} and {@code search} functions,
 * checked against the RFC grammar, translated to {@link Pattern} syntax and run by {@link BoundedRegex} on its
 * linear-time engine: RFC 9485 leaves out backreferences and lookaround for that, and both the text and the
 * pattern may come from a server ({@code match(@.s, @.p)}).
 *
 * <p>The translation escapes every literal character, so Java's extra syntax ({@code ^ &&} inside classes,
 * possessive and lazy quantifiers, {@code \d} ...) never leaks in, and writes {@code .} as {@code [^\n\r]}. An
 * unescaped {@code ^} or {@code $} outside a class is an anchor (start, end of the string): the RFC's grammar
 * reads them as ordinary characters, but its mappings to ECMAScript and PCRE (section 5) keep them as anchors,
 * and so does the RFC 9535 compliance suite.
 */
final class JsonPathRegex {

    /** Compiled patterns by I-Regexp text; empty for invalid ones. Bounded, since the text may come from data. */
    private static final Map<String, Optional<BoundedRegex>> CACHE = new ConcurrentHashMap<>();

    private static final int CACHE_LIMIT = 512;

    private static final Set<String> CATEGORIES = Set.of(
            "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe",
            "Pf", "Pi", "Po", "Ps", "Z", "Zl", "Zp", "Zs", "S", "Sc", "Sk", "Sm", "So", "C", "Cc", "Cf", "Cn", "Co");

    private final int[] cps;
    private final StringBuilder out = new StringBuilder();
    private int pos;

    private JsonPathRegex(String regexp) {
        this.cps = regexp.codePoints().toArray();
    }

    /**
     * Compiles an I-Regexp, using the cache.
     *
     * @param regexp the I-Regexp
     * @return the pattern, or empty when the text is not a valid I-Regexp
     */
    static Optional<BoundedRegex> compile(String regexp) {
        Optional<BoundedRegex> cached = CACHE.get(regexp);
        if (cached != null) {
            return cached;
        }
        Optional<BoundedRegex> pattern = Optional.ofNullable(toJava(regexp)).flatMap(java -> bounded(regexp, java));
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(regexp, pattern);
        return pattern;
    }

    /**
     * Translates an I-Regexp to Java syntax.
     *
     * @param regexp the I-Regexp
     * @return the Java regular expression, or null when the text is not valid I-Regexp syntax
     */
    static String toJava(String regexp) {
        JsonPathRegex translator = new JsonPathRegex(regexp);
        try {
            translator.regexp();
            if (translator.pos != translator.cps.length) {
                return null;
            }
            return translator.out.toString();
        } catch (Invalid e) {
            return null;
        }
    }

    private static Optional<BoundedRegex> bounded(String regexp, String java) {
        try {
            // Java checks what the RFC grammar cannot (z-a, counts too large) even when the linear engine runs it
            Pattern.compile(java);
            return Optional.of(BoundedRegex.compile(regexp, java));
        } catch (PatternSyntaxException e) {
            // valid I-Regexp syntax that Java still rejects, e.g. a range z-a or a repeat count too large
            return Optional.empty();
        }
    }

    private void regexp() {
        branch();
        while (peek() == '|') {
            pos++;
            out.append('|');
            branch();
        }
    }

    private void branch() {
        while (pos < cps.length && peek() != '|' && peek() != ')') {
            atom();
            quantifier();
        }
    }

    private void atom() {
        int c = cps[pos++];
        switch (c) {
            case '(':
                out.append("(?:");
                regexp();
                if (peek() != ')') {
                    throw new Invalid();
                }
                pos++;
                out.append(')');
                return;
            case '.':
                out.append("[^\\n\\r]");
                return;
            case '[':
                charClass();
                return;
            case '^':
                // an anchor, as RFC 9485's mappings to ECMAScript and PCRE leave it, and as the RFC 9535
                // compliance suite expects ("functions, match, explicit caret")
                out.append("\\A");
                return;
            case '$':
                out.append("\\z");
                return;
            case '\\':
                if (peek() == 'p' || peek() == 'P') {
                    category();
                } else {
                    literal(singleCharEscape());
                }
                return;
            default:
                if (!isNormalChar(c)) {
                    throw new Invalid();
                }
                literal(c);
        }
    }

    private void quantifier() {
        int c = peek();
        if (c == '*' || c == '+' || c == '?') {
            pos++;
            out.appendCodePoint(c);
        } else if (c == '{') {
            pos++;
            out.append('{').append(digits());
            if (peek() == ',') {
                pos++;
                out.append(',');
                if (peek() != '}') {
                    out.append(digits());
                }
            }
            if (peek() != '}') {
                throw new Invalid();
            }
            pos++;
            out.append('}');
        }
    }

    private String digits() {
        int start = pos;
        while (peek() >= '0' && peek() <= '9') {
            pos++;
        }
        if (pos == start) {
            throw new Invalid();
        }
        return new String(cps, start, pos - start);
    }

    /** {@code "[" ["^"] ("-" / CCE1) *CCE1 ["-"] "]"}, the opening bracket already read. */
    private void charClass() {
        out.append('[');
        if (peek() == '^') {
            pos++;
            out.append('^');
        }
        boolean first = true;
        while (true) {
            int c = peek();
            if (c == ']' && !first) {
                pos++;
                out.append(']');
                return;
            } else if (c == '-') {
                pos++;
                literal('-');
                // a '-' may open the class or close it, nothing else
                if (!first && peek() != ']') {
                    throw new Invalid();
                }
            } else if (c == '\\' && (peekAt(1) == 'p' || peekAt(1) == 'P')) {
                pos++;
                category();
            } else {
                literal(classChar());
                if (peek() == '-' && peekAt(1) != ']') {
                    pos++;
                    out.append('-');
                    literal(classChar());
                }
            }
            first = false;
        }
    }

    /** {@code CCchar}: a class character or a single-character escape. */
    private int classChar() {
        int c = peek();
        if (c == -1 || c == '-' || c == '[' || c == ']' || (c >= 0xD800 && c <= 0xDFFF)) {
            throw new Invalid();
        }
        pos++;
        return c == '\\' ? singleCharEscape() : c;
    }

    /** {@code SingleCharEsc} after the backslash. */
    private int singleCharEscape() {
        int c = peek();
        pos++;
        switch (c) {
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case '(':
            case ')':
            case '*':
            case '+':
            case '-':
            case '.':
            case '?':
            case '[':
            case '\\':
            case ']':
            case '^':
            case '{':
            case '|':
            case '}':
                return c;
            default:
                throw new Invalid();
        }
    }

    /** {@code \p{..}} or {@code \P{..}} after the backslash. */
    private void category() {
        int kind = cps[pos++];
        if (peek() != '{') {
            throw new Invalid();
        }
        int close = pos + 1;
        while (close < cps.length && cps[close] != '}') {
            close++;
        }
        if (close >= cps.length) {
            throw new Invalid();
        }
        String name = new String(cps, pos + 1, close - pos - 1);
        if (!CATEGORIES.contains(name)) {
            throw new Invalid();
        }
        pos = close + 1;
        out.append('\\').appendCodePoint(kind).append('{').append(name).append('}');
    }

    private void literal(int c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            out.appendCodePoint(c);
        } else {
            out.append("\\x{").append(Integer.toHexString(c)).append('}');
        }
    }

    /** RFC 9485 {@code NormalChar}: anything but the metacharacters {@code ()*+.?[\]{|}} and surrogates. */
    private static boolean isNormalChar(int c) {
        switch (c) {
            case '(':
            case ')':
            case '*':
            case '+':
            case '.':
            case '?':
            case '[':
            case '\\':
            case ']':
            case '{':
            case '|':
            case '}':
                return false;
            default:
                return !(c >= 0xD800 && c <= 0xDFFF);
        }
    }

    private int peek() {
        return peekAt(0);
    }

    private int peekAt(int ahead) {
        return pos + ahead < cps.length ? cps[pos + ahead] : -1;
    }

    /** Signals text that is not I-Regexp; never escapes this class. */
    private static final class Invalid extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Invalid() {
            super(null, null, false, false);
        }
    }
}
