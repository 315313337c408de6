package dev.weft.compiler.expr;

import dev.weft.compiler.diagnostic.Message;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An RFC 6901 JSON Pointer, held as its unescaped reference tokens.
 *
 * @param tokens the reference tokens, unescaped ({@code ~1} already turned into {@code /})
 */
public record JsonPointer(List<String> tokens) {

    /** The empty pointer {@code ""}, which designates the whole document. */
    public static final JsonPointer ROOT = new JsonPointer(List.of());

    /** Copies the tokens. */
    public JsonPointer {
        tokens = List.copyOf(tokens);
    }

    /** A pointer made of the given unescaped tokens. */
    public static JsonPointer of(String... tokens) {
        return new JsonPointer(Arrays.asList(tokens));
    }

    /**
     * Parses RFC 6901 text.
     *
     * @throws IllegalArgumentException if the text is neither empty nor starts with {@code /}, or
     *     uses {@code ~} other than in {@code ~0} and {@code ~1}
     */
    public static JsonPointer parse(String text) {
        int bad = firstError(text);
        if (bad >= 0) {
            throw new IllegalArgumentException(errorMessage(text, bad) + " in JSON pointer '" + text + "'");
        }
        if (text.isEmpty()) {
            return ROOT;
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : text.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return new JsonPointer(tokens);
    }

    /** Index of the first character that makes the text an invalid pointer, or -1 if it is valid. */
    static int firstError(String text) {
        if (!text.isEmpty() && text.charAt(0) != '/') {
            return 0;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '~') {
                char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                if (next != '0' && next != '1') {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Describes the error {@link #firstError} found at {@code index}. */
    static String errorMessage(String text, int index) {
        if (text.charAt(index) != '~') {
            return Message.POINTER_WITHOUT_SLASH.format();
        }
        String escape = text.substring(index, Math.min(index + 2, text.length()));
        return Message.POINTER_ESCAPE.format(escape);
    }

    /** True for the empty pointer, which designates the whole document. */
    public boolean isRoot() {
        return tokens.isEmpty();
    }

    /** A pointer with one more token at the end. */
    public JsonPointer append(String token) {
        List<String> longer = new ArrayList<>(tokens);
        longer.add(token);
        return new JsonPointer(longer);
    }

    /** The RFC 6901 text, with {@code ~} and {@code /} escaped; {@code ""} for the root. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (String token : tokens) {
            text.append('/').append(token.replace("~", "~0").replace("/", "~1"));
        }
        return text.toString();
    }
}
