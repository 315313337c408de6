package dev.weft.compiler.generate;

import com.palantir.javapoet.CodeBlock;

/**
 * Makes document text safe inside generated comments: no comment terminator, no unicode escape
 * that javac would decode before parsing, no HTML surprises.
 */
final class Docs {
    /** Columns of Javadoc text on a top-level class: JavaPoet writes at most 100 columns, less " * ". */
    static final int TOP = 97;

    /** Columns of Javadoc text on a member of the top-level class. */
    static final int MEMBER = TOP - 4;

    /** Columns of Javadoc text on a member of a nested class. */
    static final int NESTED = TOP - 8;

    private Docs() {}

    /**
     * Javadoc text (already made safe) reflowed: each line longer than {@code width} broken after spaces, a
     * longer word kept whole; for {@code addJavadoc}.
     */
    static CodeBlock wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            int start = 0;
            while (line.length() - start > width) {
                int space = line.lastIndexOf(' ', start + width);
                if (space <= start) {
                    space = line.indexOf(' ', start + width);
                    if (space < 0) {
                        break;
                    }
                }
                out.append(line, start, space).append('\n');
                start = space + 1;
            }
            out.append(line, start, line.length()).append('\n');
        }
        return CodeBlock.of("$L", out);
    }

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
