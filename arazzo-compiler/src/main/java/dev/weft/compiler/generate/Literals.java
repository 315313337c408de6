package dev.weft.compiler.generate;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Java string literals for any text a document holds: the one escaping path of the generator, used instead
 * of JavaPoet's {@code $S}.
 *
 * <p>JavaPoet 0.22 writes U+2028 and U+2029 as raw line breaks, which end a string literal in the middle,
 * and leaves other invisible characters raw. Here every character that is not plainly printable is escaped,
 * and text too long for one class-file constant (65,535 bytes of modified UTF-8) becomes a call joining
 * chunks, which is not a constant expression and so is not folded back into one constant by javac.
 */
final class Literals {
    /** Characters per chunk: at most 3 bytes of modified UTF-8 each, so a chunk stays under 65,535 bytes. */
    static final int CHUNK = 16_000;

    /** Strings of at most this many lines are written a line per source line, as JavaPoet does. */
    private static final int MAX_SPLIT_LINES = 100;

    /**
     * A line of text longer than this is written as literals of about equal length, at most about this long,
     * split after spaces and joined by '+' (which javac folds back into one constant), so that JavaPoet can
     * wrap between them.
     */
    static final int PIECE = 72;

    /** Longer text stays one literal: javac reads a long '+' chain recursively. */
    private static final int MAX_PIECES_TEXT = 2_000;

    private static final int CONSTANT_BYTES = 65_535;

    private Literals() {}

    /** A Java expression of type {@code String} whose value is {@code text}; {@code null} for null. */
    static CodeBlock of(String text) {
        if (text == null) {
            return CodeBlock.of("null");
        }
        if (modifiedUtf8Length(text) <= CONSTANT_BYTES) {
            if (text.length() > PIECE && text.length() <= MAX_PIECES_TEXT && text.indexOf('\n') < 0) {
                List<CodeBlock> pieces = new ArrayList<>();
                pieces(text).forEach(piece -> pieces.add(CodeBlock.of("$L", literal(piece, false))));
                return CodeBlock.join(pieces, "$W+ ");
            }
            return CodeBlock.of("$L", literal(text, lines(text) <= MAX_SPLIT_LINES));
        }
        List<CodeBlock> chunks = new ArrayList<>();
        for (int start = 0; start < text.length(); ) {
            int end = Math.min(text.length(), start + CHUNK);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // keep a surrogate pair in one chunk, so each chunk escapes it as a pair
            }
            chunks.add(CodeBlock.of("$L", literal(text.substring(start, end), false)));
            start = end;
        }
        return CodeBlock.of("$T.join(\"\",$W$L)", RuntimeTypes.STRING, CodeBlock.join(chunks, ",$W"));
    }

    /** The text cut after spaces into pieces of about equal length; a word longer than that is one piece. */
    private static List<String> pieces(String text) {
        int width = text.length() / ((text.length() + PIECE - 1) / PIECE);
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < text.length(); i++) {
            if (i - start >= width && text.charAt(i - 1) == ' ') {
                pieces.add(text.substring(start, i));
                start = i;
            }
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    /**
     * A single literal, for places that need a compile-time constant (annotation values): the text must fit
     * one constant, so callers shorten what they pass.
     */
    static CodeBlock constant(String text) {
        if (modifiedUtf8Length(text) > CONSTANT_BYTES) {
            throw new IllegalArgumentException("constant text of " + text.length() + " characters is too long");
        }
        if (text.length() > PIECE && text.length() <= MAX_PIECES_TEXT) {
            List<CodeBlock> pieces = new ArrayList<>();
            pieces(text).forEach(piece -> pieces.add(CodeBlock.of("$L", literal(piece, false))));
            return CodeBlock.join(pieces, "$W+ "); // still a constant expression
        }
        return CodeBlock.of("$L", literal(text, false));
    }

    /** The quoted, escaped literal; when {@code splitLines}, each line is its own literal joined by '+'. */
    private static String literal(String text, boolean splitLines) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(i + 1));
                if (printable(cp)) {
                    out.append(c).append(text.charAt(i + 1));
                } else {
                    unicodeEscape(out, c);
                    unicodeEscape(out, text.charAt(i + 1));
                }
                i++;
                continue;
            }
            escape(out, c);
            if (c == '\n' && splitLines && i + 1 < text.length()) {
                out.append("\"\n        + \"");
            }
        }
        return out.append('"').toString();
    }

    private static void escape(StringBuilder out, char c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\b' -> out.append("\\b");
            case '\t' -> out.append("\\t");
            case '\n' -> out.append("\\n");
            case '\f' -> out.append("\\f");
            case '\r' -> out.append("\\r");
            default -> {
                if (c < 0x100 && Character.isISOControl(c)) {
                    // three octal digits always, so that a following digit cannot extend the escape; never a
                    // unicode escape, which javac decodes before reading the literal
                    out.append('\\').append(String.format("%03o", (int) c));
                } else if (!printable(c)) {
                    unicodeEscape(out, c);
                } else {
                    out.append(c);
                }
            }
        }
    }

    /** A unicode escape is safe for these: none decodes to a quote, a backslash or a Java line terminator. */
    private static void unicodeEscape(StringBuilder out, char c) {
        out.append(String.format("\\u%04x", (int) c));
    }

    /** Characters shown as they are: visible text and the plain space, nothing invisible or unpaired. */
    static boolean printable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED -> false;
            case Character.SPACE_SEPARATOR -> cp == ' ';
            default -> true;
        };
    }

    private static int lines(String text) {
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** The length of the class-file (modified UTF-8) encoding of the text. */
    static int modifiedUtf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return bytes;
    }
}
