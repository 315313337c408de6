package dev.weft.compiler.generate;

/**
 * Makes document text safe inside generated comments: no comment terminator, no unicode escape
 * that javac would decode before parsing, no HTML surprises.
 */
final class Docs {
    private Docs() {}

    /** Text for a Javadoc comment, passed to JavaPoet with {@code $L}. */
    static String javadoc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        text.strip().codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> out.append("&#92;");
                case '*' -> out.append("&#42;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '@' -> out.append("&#64;");
                case '$' -> out.append("&#36;");
                case '\r' -> {}
                case '\n', 0x85, 0x2028, 0x2029 -> out.append('\n');
                default -> {
                    if (Character.getType(cp) == Character.SURROGATE) {
                        out.append('\ufffd'); // unpaired: no encoding of the source file could write it
                    } else if (Literals.printable(cp)) {
                        out.appendCodePoint(cp);
                    } else if (!Character.isISOControl(cp)) {
                        out.append("&#x").append(Integer.toHexString(cp)).append(';'); // shown, never acted on
                    }
                }
            }
        });
        return out.toString();
    }

    /** At most 200 characters of {@code text}, for labels such as {@code @Generated}'s comments. */
    static String shortened(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "\u2026";
    }

    /** Text for a single-line comment: one line, no line terminators of any kind, no backslashes. */
    static String line(String text) {
        return javadoc(text).replaceAll("[\\n\\u2028\\u2029\\u0085]", " ");
    }
}
