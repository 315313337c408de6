package dev.weft.runtime.internal;

import dev.weft.runtime.internal.JsonPathToken.Kind;

/** Splits an RFC 9535 JSONPath query into tokens on demand, decoding string literals as it goes. */
final class JsonPathLexer {

    private final String text;
    private int pos;

    JsonPathLexer(String text) {
        this.text = text;
    }

    /** Reads the next token; at the end of the text, an {@link Kind#EOF} token (again and again). */
    JsonPathToken next() {
        int blankStart = pos;
        while (pos < text.length() && isBlank(text.charAt(pos))) {
            pos++;
        }
        boolean space = pos > blankStart;
        int start = pos;
        if (pos >= text.length()) {
            return new JsonPathToken(Kind.EOF, start, start, space, null);
        }
        char c = text.charAt(pos);
        switch (c) {
            case '$':
                return single(Kind.ROOT, space);
            case '@':
                return single(Kind.CURRENT, space);
            case '*':
                return single(Kind.STAR, space);
            case '[':
                return single(Kind.LBRACKET, space);
            case ']':
                return single(Kind.RBRACKET, space);
            case ',':
                return single(Kind.COMMA, space);
            case ':':
                return single(Kind.COLON, space);
            case '?':
                return single(Kind.QUESTION, space);
            case '(':
                return single(Kind.LPAREN, space);
            case ')':
                return single(Kind.RPAREN, space);
            case '.':
                return pair('.', Kind.DOUBLE_DOT, Kind.DOT, space);
            case '!':
                return pair('=', Kind.NE, Kind.NOT, space);
            case '<':
                return pair('=', Kind.LE, Kind.LT, space);
            case '>':
                return pair('=', Kind.GE, Kind.GT, space);
            case '=':
                return doubled(Kind.EQ, space);
            case '&':
                return doubled(Kind.AND, space);
            case '|':
                return doubled(Kind.OR, space);
            case '\'':
            case '"':
                String value = string();
                return new JsonPathToken(Kind.STRING, start, pos, space, value);
            default:
                break;
        }
        if (c == '-' || isDigit(c)) {
            return number(space);
        }
        if (isNameFirst(text.codePointAt(pos))) {
            while (pos < text.length() && isNameChar(text.codePointAt(pos))) {
                pos += Character.charCount(text.codePointAt(pos));
            }
            return new JsonPathToken(Kind.NAME, start, pos, space, text.substring(start, pos));
        }
        throw new JsonPathSyntaxException("unexpected character " + describe(text.codePointAt(pos)), pos);
    }

    private JsonPathToken single(Kind kind, boolean space) {
        pos++;
        return new JsonPathToken(kind, pos - 1, pos, space, null);
    }

    private JsonPathToken pair(char second, Kind two, Kind one, boolean space) {
        if (pos + 1 < text.length() && text.charAt(pos + 1) == second) {
            pos += 2;
            return new JsonPathToken(two, pos - 2, pos, space, null);
        }
        return single(one, space);
    }

    private JsonPathToken doubled(Kind kind, boolean space) {
        char c = text.charAt(pos);
        if (pos + 1 < text.length() && text.charAt(pos + 1) == c) {
            pos += 2;
            return new JsonPathToken(kind, pos - 2, pos, space, null);
        }
        throw new JsonPathSyntaxException("unexpected '" + c + "'; did you mean '" + c + c + "'?", pos);
    }

    /** Reads {@code -? digits (. digits)? ([eE] [+-]? digits)?}; the parser checks the finer rules. */
    private JsonPathToken number(boolean space) {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        digits("digit expected after '-'");
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            digits("digit expected after the decimal point");
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            digits("digit expected in the exponent");
        }
        return new JsonPathToken(Kind.NUMBER, start, pos, space, text.substring(start, pos));
    }

    private void digits(String message) {
        if (pos >= text.length() || !isDigit(text.charAt(pos))) {
            throw new JsonPathSyntaxException(message, pos);
        }
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    /** Reads a quoted string literal (RFC 9535 §2.3.1.1) and returns its decoded value. */
    private String string() {
        char quote = text.charAt(pos);
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new JsonPathSyntaxException("unterminated string literal", start);
            }
            char c = text.charAt(pos);
            if (c == quote) {
                pos++;
                return value.toString();
            } else if (c == '\\') {
                escape(quote, start, value);
            } else if (c < 0x20) {
                throw new JsonPathSyntaxException(
                        "control character " + describe(c) + " must be escaped in a string literal", pos);
            } else if (Character.isSurrogate(c)) {
                int cp = text.codePointAt(pos);
                if (Character.isSupplementaryCodePoint(cp)) {
                    value.appendCodePoint(cp);
                    pos += 2;
                } else {
                    throw new JsonPathSyntaxException("unpaired surrogate " + describe(c) + " in string literal", pos);
                }
            } else {
                value.append(c);
                pos++;
            }
        }
    }

    private void escape(char quote, int literalStart, StringBuilder value) {
        int start = pos;
        pos++;
        if (pos >= text.length()) {
            throw new JsonPathSyntaxException("unterminated string literal", literalStart);
        }
        char c = text.charAt(pos++);
        switch (c) {
            case 'b':
                value.append('\b');
                return;
            case 'f':
                value.append('\f');
                return;
            case 'n':
                value.append('\n');
                return;
            case 'r':
                value.append('\r');
                return;
            case 't':
                value.append('\t');
                return;
            case '/':
                value.append('/');
                return;
            case '\\':
                value.append('\\');
                return;
            case 'u':
                value.append(unicodeEscape(start));
                return;
            default:
                break;
        }
        if (c == quote) {
            value.append(c);
            return;
        }
        String shown = Character.isISOControl(c) || Character.isSurrogate(c) ? describe(c) : "'\\" + c + "'";
        throw new JsonPathSyntaxException("invalid escape sequence " + shown + " in string literal", start);
    }

    /** Decodes {@code XXXX} after {@code \\u} (at {@code escapeStart}), and the low half of a surrogate pair. */
    private String unicodeEscape(int escapeStart) {
        char high = (char) hex4(escapeStart);
        if (!Character.isSurrogate(high)) {
            return String.valueOf(high);
        }
        if (Character.isHighSurrogate(high) && text.startsWith("\\u", pos)) {
            int lowStart = pos;
            pos += 2;
            char low = (char) hex4(lowStart);
            if (Character.isLowSurrogate(low)) {
                return new String(new char[] {high, low});
            }
        }
        throw new JsonPathSyntaxException("unpaired surrogate " + describe(high) + " in string literal", escapeStart);
    }

    private int hex4(int escapeStart) {
        if (pos + 4 > text.length()) {
            throw new JsonPathSyntaxException("four hexadecimal digits expected after '\\u'", escapeStart);
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0 || text.charAt(pos + i) > 'f') {
                throw new JsonPathSyntaxException("four hexadecimal digits expected after '\\u'", escapeStart);
            }
            v = v * 16 + d;
        }
        pos += 4;
        return v;
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** RFC 9535 {@code name-first}: ALPHA, '_', or any non-ASCII scalar value. */
    private static boolean isNameFirst(int cp) {
        return (cp >= 'a' && cp <= 'z')
                || (cp >= 'A' && cp <= 'Z')
                || cp == '_'
                || (cp >= 0x80 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF));
    }

    private static boolean isNameChar(int cp) {
        return isNameFirst(cp) || (cp >= '0' && cp <= '9');
    }

    /** Shows a character in a message: {@code 'x'}, or {@code U+0009} when it is not printable. */
    static String describe(int cp) {
        if (cp < 0x20
                || cp == 0x7F
                || (cp >= 0xD800 && cp <= 0xDFFF)
                || Character.isWhitespace(cp)
                || Character.getType(cp) == Character.FORMAT) {
            return String.format("U+%04X", cp);
        }
        return "'" + new String(Character.toChars(cp)) + "'";
    }
}
