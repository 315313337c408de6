package dev.weft.compiler.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds expressions of other tools' dialects in a string value: Redocly Respect's {@code $faker.*} and
 * {@code $datetime.*}, and any {@code {$word…}} whose root Arazzo does not define. By the specification
 * they are literal text, and Weft sends them as written; the checks warn about each.
 */
public final class ForeignExpressions {
    /** Roots Redocly Respect evaluates that Arazzo does not define. */
    public static final Set<String> TOOL_ROOTS = Set.of("faker", "datetime");

    /**
     * One foreign expression.
     *
     * @param offset index of its first character ({@code {} or {@code $}) in the string
     * @param text the expression as written, braces included
     * @param root its root word, without the {@code $}
     * @param suggestion the closest Arazzo root, or null
     */
    public record Found(int offset, String text, String root, String suggestion) {}

    private ForeignExpressions() {}

    /** The foreign expressions of a string value, in text order. */
    public static List<Found> in(String text) {
        List<Found> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{' && text.startsWith("$", i + 1) && isForeign(ExpressionReader.rootWord(text, i + 1))) {
                int end = bracedEnd(text, i);
                found.add(found(text, i, end, ExpressionReader.rootWord(text, i + 1)));
                i = end;
            } else if (c == '$'
                    && (TOOL_ROOTS.contains(ExpressionReader.rootWord(text, i)) || i == 0 && misspelt(text))) {
                int end = bareEnd(text, i);
                found.add(found(text, i, end, ExpressionReader.rootWord(text, i)));
                i = end;
            } else {
                i++;
            }
        }
        return found;
    }

    /** Whether {@code {$root} opens a foreign expression: a root word Arazzo does not define. */
    static boolean isForeign(String root) {
        return !root.isEmpty() && !ExpressionReader.ROOTS.contains(root);
    }

    /**
     * The index after the {@code }} that closes the braced expression at {@code open}, counting nested braces
     * and parentheses and skipping quoted text ({@code {$faker.number.integer({min: 1})}}); the first
     * {@code }} when they do not balance.
     */
    static int bracedEnd(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{' || c == '(') {
                depth++;
            } else if ((c == '}' || c == ')') && --depth == 0) {
                return c == '}' ? i + 1 : firstClose(text, open);
            }
        }
        return firstClose(text, open);
    }

    private static int firstClose(String text, int open) {
        int close = text.indexOf('}', open);
        return close < 0 ? text.length() : close + 1;
    }

    /** An unbraced tool expression ends at whitespace, or after the parentheses of a call. */
    private static int bareEnd(String text, int dollar) {
        int i = dollar;
        int depth = 0;
        while (i < text.length() && (depth > 0 || !Character.isWhitespace(text.charAt(i)))) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            i++;
            if (depth == 0 && c == ')') {
                break;
            }
        }
        return i;
    }

    /** A whole value that starts with a misspelt Arazzo root ({@code $input.id}). */
    private static boolean misspelt(String text) {
        String root = ExpressionReader.rootWord(text, 0);
        return isForeign(root) && Suggestions.closest(root, ExpressionReader.ROOTS) != null;
    }

    private static Found found(String text, int start, int end, String root) {
        String suggestion = TOOL_ROOTS.contains(root) ? null : Suggestions.closest(root, ExpressionReader.ROOTS);
        return new Found(start, text.substring(start, end), root, suggestion);
    }
}
