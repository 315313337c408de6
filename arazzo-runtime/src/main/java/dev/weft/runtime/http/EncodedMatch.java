package dev.weft.runtime.http;

/**
 * Finds a secret in text as it is or in the encodings a server may echo it in, mixed or not: JSON string escapes
 * ({@code \/}, {@code \"}, {@code \\}, {@code \n}, backslash-u escapes of UTF-16 units, surrogate pairs
 * included), percent encoding of its UTF-8 bytes (either case of hex digits), form encoding ({@code +} for a space)
 * and HTML character references ({@code &#47;}, {@code &#x2F;}, {@code &amp;} …).
 *
 * <p>An escape is decoded where it parses; where its decoded character does not match, its first character is
 * tried as itself, so a secret that holds {@code %}, {@code \} or {@code &} literally is found too. The work at
 * each position of the text is linear in the length of the secret, times a small constant.
 */
final class EncodedMatch {

    /**
     * The longest text one character of a secret can take: {@code %F0%9F%98%80}, or a surrogate pair of
     * backslash-u escapes.
     */
    static final int MAX_EXPANSION = 12;

    /**
     * How many characters of one match attempt may be tried both as the start of an escape and as themselves:
     * at most 5 passes over the secret, so that a text full of backslashes cannot make masking slow.
     */
    private static final int MAX_BRANCHES = 4;

    private static final String[][] ENTITIES = {
        {"&amp;", "&"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}
    };

    private EncodedMatch() {}

    /**
     * Tells whether a character can start an encoded character, so that text without any is searched as it is.
     *
     * @param c the character
     * @return whether it is {@code \}, {@code %}, {@code &} or {@code +}
     */
    static boolean escapes(char c) {
        return c == '\\' || c == '%' || c == '&' || c == '+';
    }

    /**
     * Matches a secret at a position.
     *
     * @param text the text
     * @param start where the secret would start
     * @param secret the secret
     * @return the end of the match in the text, or -1
     */
    static int at(String text, int start, String secret) {
        return match(text, start, secret, 0, null);
    }

    /**
     * Matches the rest of a secret from {@code j} at text position {@code q}. A character of the secret that is
     * itself an escape character ({@code \}, {@code %}, {@code &}) can stand for itself or start its own escape
     * ({@code \\}, {@code %25}, {@code &amp;}): the escape is tried first, then, for the first few such characters
     * of a match attempt, the character as itself.
     *
     * @param branches how many more such characters may be tried both ways (one shared counter), or {@code null}
     *     before the first
     */
    private static int match(String text, int q, String secret, int j, int[] branches) {
        int n = text.length();
        while (j < secret.length()) {
            if (q >= n) {
                return -1;
            }
            char c = text.charAt(q);
            char want = secret.charAt(j);
            long unit = c == '\\' || c == '%' || c == '&' ? decode(text, q) : -1;
            if (c == want) {
                if (unit >= 0 && (int) (unit >>> 32) == want) {
                    if (branches == null) {
                        branches = new int[] {MAX_BRANCHES};
                    }
                    if (branches[0] == 0) {
                        // the escape only
                        q += (int) unit;
                        j++;
                        continue;
                    }
                    branches[0]--;
                    int end = match(text, q + (int) unit, secret, j + 1, branches);
                    if (end >= 0) {
                        return end;
                    }
                }
                q++;
                j++;
            } else if (c == '+' && want == ' ') {
                q++;
                j++;
            } else if (unit >= 0) {
                int cp = (int) (unit >>> 32);
                if (cp == secret.codePointAt(j)) {
                    j += Character.charCount(cp);
                } else if (cp == want) {
                    // a lone backslash-u escape of one half of a surrogate pair
                    j++;
                } else {
                    return -1;
                }
                q += (int) unit;
            } else {
                return -1;
            }
        }
        return q;
    }

    /**
     * Decodes one encoded character.
     *
     * @return the code point (or UTF-16 unit, for a lone JSON backslash-u escape) in the high 32 bits and the
     *     length of its text in the low ones, or -1 when no escape starts at {@code q}
     */
    private static long decode(String text, int q) {
        char c = text.charAt(q);
        if (c == '\\') {
            return json(text, q);
        } else if (c == '%') {
            return percent(text, q);
        } else if (c == '&') {
            return html(text, q);
        }
        return -1;
    }

    private static long json(String text, int q) {
        if (q + 1 >= text.length()) {
            return -1;
        }
        char e = text.charAt(q + 1);
        int cp = switch (e) {
            case '"', '\\', '/', '\'' -> e;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> -2;
            default -> -1;
        };
        if (cp == -1) {
            return -1;
        }
        if (cp != -2) {
            return unit(cp, 2);
        }
        int high = hex(text, q + 2, 4);
        if (high < 0) {
            return -1;
        }
        if (Character.isHighSurrogate((char) high)
                && q + 11 < text.length()
                && text.charAt(q + 6) == '\\'
                && text.charAt(q + 7) == 'u') {
            int low = hex(text, q + 8, 4);
            if (low >= 0 && Character.isLowSurrogate((char) low)) {
                return unit(Character.toCodePoint((char) high, (char) low), 12);
            }
        }
        return unit(high, 6);
    }

    /** A percent-encoded UTF-8 sequence of one to four bytes. */
    private static long percent(String text, int q) {
        int lead = percentByte(text, q);
        if (lead < 0) {
            return -1;
        }
        int more;
        int cp;
        if (lead < 0x80) {
            return unit(lead, 3);
        } else if ((lead & 0xE0) == 0xC0) {
            more = 1;
            cp = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            more = 2;
            cp = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            more = 3;
            cp = lead & 0x07;
        } else {
            return -1;
        }
        for (int k = 1; k <= more; k++) {
            int b = percentByte(text, q + 3 * k);
            if (b < 0 || (b & 0xC0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (b & 0x3F);
        }
        return unit(cp, 3 * (more + 1));
    }

    private static int percentByte(String text, int q) {
        return q < text.length() && text.charAt(q) == '%' ? hex(text, q + 1, 2) : -1;
    }

    /** {@code &#NN;}, {@code &#xHH;} and the five entities XML predefines. */
    private static long html(String text, int q) {
        for (String[] entity : ENTITIES) {
            if (text.startsWith(entity[0], q)) {
                return unit(entity[1].charAt(0), entity[0].length());
            }
        }
        int p = q + 1;
        if (p >= text.length() || text.charAt(p) != '#') {
            return -1;
        }
        p++;
        int radix = 10;
        if (p < text.length() && (text.charAt(p) == 'x' || text.charAt(p) == 'X')) {
            radix = 16;
            p++;
        }
        int cp = 0;
        int digits = 0;
        for (; p < text.length() && digits <= 7; p++, digits++) {
            char c = text.charAt(p);
            int d = c < 128 ? Character.digit(c, radix) : -1;
            if (d < 0) {
                break;
            }
            cp = cp * radix + d;
        }
        if (digits == 0 || digits > 7 || p >= text.length() || text.charAt(p) != ';') {
            return -1;
        }
        return Character.isValidCodePoint(cp) ? unit(cp, p + 1 - q) : -1;
    }

    private static int hex(String text, int from, int digits) {
        if (from + digits > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            int d = Character.digit(text.charAt(i), 16);
            if (d < 0 || text.charAt(i) > 'f') {
                return -1;
            }
            value = value * 16 + d;
        }
        return value;
    }

    private static long unit(int cp, int length) {
        return ((long) cp << 32) | length;
    }
}
