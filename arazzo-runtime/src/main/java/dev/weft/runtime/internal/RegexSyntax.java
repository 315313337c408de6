package dev.weft.runtime.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the part of {@link java.util.regex.Pattern} syntax (flags 0) that a linear-time engine can run:
 * literals and escapes, classes with ranges, {@code \d \w \s} and general categories, {@code .}, groups (capturing,
 * named and non-capturing, all just grouping here, since only whether a pattern matches is asked), alternation,
 * greedy and lazy quantifiers, the anchors {@code ^ $ \A \Z \z}. Everything else (backreferences, lookaround,
 * atomic groups,
 * possessive quantifiers, inline flags, {@code \b}, class intersections …) is left to {@code java.util.regex}: the
 * parser then says no, rather than guess. Every I-Regexp (RFC 9485), as {@link JsonPathRegex} translates it, is
 * in the subset.
 */
final class RegexSyntax {

    /** A parsed pattern. */
    sealed interface Node {}

    /** One code point of a set. */
    record Chars(CodePointSet set) implements Node {}

    /** Nodes one after the other. */
    record Sequence(List<Node> nodes) implements Node {}

    /** One of several nodes. */
    record Choice(List<Node> nodes) implements Node {}

    /** A node repeated {@code min} to {@code max} times; {@code max} -1 for no limit. */
    record Repeat(Node node, int min, int max) implements Node {}

    /** Where an anchor matches. */
    enum Where {
        /** {@code ^} or {@code \A}: the start of the text. */
        START,
        /** {@code $} or {@code \Z}: the end of the text, or before a line terminator that ends it. */
        END,
        /** {@code \z}: the end of the text. */
        END_OF_TEXT
    }

    /** An anchor: matches no character, only at some positions. */
    record Anchor(Where where) implements Node {}

    /** Not in the subset; never escapes this class. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private final int[] cps;
    private int pos;

    private RegexSyntax(String pattern) {
        this.cps = pattern.codePoints().toArray();
    }

    /**
     * Parses a pattern that {@link java.util.regex.Pattern#compile(String)} accepts.
     *
     * @param pattern the pattern
     * @return the tree, or {@code null} when the pattern needs more than the linear subset
     */
    static Node parse(String pattern) {
        RegexSyntax parser = new RegexSyntax(pattern);
        try {
            Node node = parser.alternation();
            return parser.pos == parser.cps.length ? node : null;
        } catch (RuntimeException unsupported) {
            // Unsupported, or text Pattern accepts that the parser reads differently: java.util.regex decides
            return null;
        }
    }

    private Node alternation() {
        List<Node> branches = new ArrayList<>();
        branches.add(sequence());
        while (peek() == '|') {
            pos++;
            branches.add(sequence());
        }
        return branches.size() == 1 ? branches.get(0) : new Choice(List.copyOf(branches));
    }

    private Node sequence() {
        List<Node> nodes = new ArrayList<>();
        while (pos < cps.length && peek() != '|' && peek() != ')') {
            // a bare anchor takes no quantifier; a group holding one may
            boolean bare = peek() == '^' || peek() == '$' || (peek() == '\\' && "AZz".indexOf(peekAt(1)) >= 0);
            Node atom = atom();
            nodes.add(bare ? atom : quantified(atom));
        }
        return nodes.size() == 1 ? nodes.get(0) : new Sequence(List.copyOf(nodes));
    }

    private Node atom() {
        int c = cps[pos++];
        switch (c) {
            case '(':
                group();
                Node inner = alternation();
                expect(')');
                return inner;
            case '[':
                return new Chars(charClass());
            case '.':
                return new Chars(CodePointSet.JAVA_DOT);
            case '^':
                return new Anchor(Where.START);
            case '$':
                return new Anchor(Where.END);
            case '\\':
                return anchorOrEscape();
            case '*', '+', '?', '{', ')':
                throw new Unsupported();
            default:
                return literal(c);
        }
    }

    /** After {@code (}: a plain, {@code ?:} or named group; anything else starting {@code (?} is unsupported. */
    private void group() {
        if (peek() != '?') {
            return;
        }
        pos++;
        int c = cps[pos++];
        if (c == ':') {
            return;
        }
        if (c == '<' && Character.isLetter(peek())) {
            while (Character.isLetterOrDigit(peek())) {
                pos++;
            }
            expect('>');
            return;
        }
        throw new Unsupported();
    }

    private Node quantified(Node atom) {
        int c = peek();
        int min;
        int max;
        if (c == '*' || c == '+' || c == '?') {
            pos++;
            min = c == '+' ? 1 : 0;
            max = c == '?' ? 1 : -1;
        } else if (c == '{') {
            pos++;
            min = number();
            max = min;
            if (peek() == ',') {
                pos++;
                max = peek() == '}' ? -1 : number();
            }
            expect('}');
        } else {
            return atom;
        }
        if (peek() == '?') {
            // lazy: the same language, and only whether there is a match is asked
            pos++;
        } else if (peek() == '+') {
            // possessive: another language, which needs backtracking to tell
            throw new Unsupported();
        }
        if (peek() == '*' || peek() == '+' || peek() == '?' || peek() == '{') {
            throw new Unsupported();
        }
        return new Repeat(atom, min, max);
    }

    private int number() {
        long value = 0;
        int start = pos;
        while (peek() >= '0' && peek() <= '9') {
            value = value * 10 + (cps[pos++] - '0');
            if (value > Integer.MAX_VALUE) {
                throw new Unsupported();
            }
        }
        if (pos == start) {
            throw new Unsupported();
        }
        return (int) value;
    }

    /** A class after its {@code [}: members, ranges between single characters, escapes, no nesting or {@code &&}. */
    private CodePointSet charClass() {
        boolean negated = peek() == '^';
        if (negated) {
            pos++;
        }
        if (peek() == ']') {
            throw new Unsupported();
        }
        CodePointSet.Builder members = new CodePointSet.Builder();
        boolean first = true;
        while (peek() != ']') {
            int c = cps[pos++];
            if (c == '[' || (c == '&' && peek() == '&')) {
                throw new Unsupported();
            }
            if (c == '-' && !first && peek() != ']') {
                // Java reads some of these as ranges and some as literals: not worth telling apart
                throw new Unsupported();
            }
            CodePointSet escaped = null;
            int lo = c;
            if (c == '\\') {
                escaped = escape();
                lo = single(escaped);
            }
            if (peek() == '-' && peekAt(1) != ']' && peekAt(1) != -1) {
                if (lo < 0) {
                    throw new Unsupported();
                }
                pos++;
                int hi = cps[pos++];
                if (hi == '\\') {
                    hi = single(escape());
                } else if (hi == '[') {
                    throw new Unsupported();
                }
                if (hi < lo) {
                    throw new Unsupported();
                }
                members.add(lo, hi);
            } else if (escaped != null && lo < 0) {
                members.add(escaped);
            } else {
                members.add(lo);
            }
            first = false;
        }
        pos++;
        return members.build(negated);
    }

    private static int single(CodePointSet set) {
        return set.single();
    }

    /** After a backslash outside a class: {@code \A}, {@code \Z}, {@code \z} or an escape. */
    private Node anchorOrEscape() {
        switch (peek()) {
            case 'A':
                pos++;
                return new Anchor(Where.START);
            case 'Z':
                pos++;
                return new Anchor(Where.END);
            case 'z':
                pos++;
                return new Anchor(Where.END_OF_TEXT);
            default:
                return new Chars(escape());
        }
    }

    /** After a backslash, outside a class or inside one. */
    private CodePointSet escape() {
        int c = cps[pos++];
        switch (c) {
            case 'd':
                return CodePointSet.DIGIT;
            case 'w':
                return CodePointSet.WORD;
            case 's':
                return CodePointSet.SPACE;
            case 'D', 'W', 'S':
                return complement(c == 'D' ? CodePointSet.DIGIT : c == 'W' ? CodePointSet.WORD : CodePointSet.SPACE);
            case 't':
                return one('\t');
            case 'n':
                return one('\n');
            case 'r':
                return one('\r');
            case 'f':
                return one('\f');
            case 'a':
                return one('\u0007');
            case 'e':
                return one('\u001B');
            case 'x':
                return one(hexEscape());
            case 'u':
                return one(unicodeEscape());
            case 'p', 'P':
                return category(c == 'P');
            default:
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                    // a backreference, \b, \Q, \z, \0 octal, \c control …: beyond the subset
                    throw new Unsupported();
                }
                return one(c);
        }
    }

    private static CodePointSet complement(CodePointSet set) {
        return new CodePointSet.Builder().add(set).build(true);
    }

    private int hexEscape() {
        if (peek() == '{') {
            pos++;
            int start = pos;
            while (peek() != '}') {
                pos++;
            }
            int cp = Integer.parseInt(new String(cps, start, pos - start), 16);
            pos++;
            return cp;
        }
        int cp = Integer.parseInt(new String(cps, pos, 2), 16);
        pos += 2;
        return cp;
    }

    /** {@code \}{@code uXXXX}, two of them for a surrogate pair, as Java reads them. */
    private int unicodeEscape() {
        int unit = Integer.parseInt(new String(cps, pos, 4), 16);
        pos += 4;
        if (Character.isHighSurrogate((char) unit) && peek() == '\\' && peekAt(1) == 'u') {
            int low = Integer.parseInt(new String(cps, pos + 2, 4), 16);
            if (Character.isLowSurrogate((char) low)) {
                pos += 6;
                return Character.toCodePoint((char) unit, (char) low);
            }
        }
        return unit;
    }

    private CodePointSet category(boolean not) {
        expect('{');
        int start = pos;
        while (peek() != '}') {
            pos++;
        }
        int bits = CodePointSet.category(new String(cps, start, pos - start));
        pos++;
        if (bits == 0) {
            // Java's other properties (scripts, blocks, POSIX classes): beyond the subset
            throw new Unsupported();
        }
        return new CodePointSet.Builder().category(bits, not).build(false);
    }

    private Node literal(int c) {
        return new Chars(one(c));
    }

    private static CodePointSet one(int cp) {
        return CodePointSet.of(cp);
    }

    private void expect(int c) {
        if (peek() != c) {
            throw new Unsupported();
        }
        pos++;
    }

    private int peek() {
        return peekAt(0);
    }

    private int peekAt(int ahead) {
        return pos + ahead < cps.length ? cps[pos + ahead] : -1;
    }
}
