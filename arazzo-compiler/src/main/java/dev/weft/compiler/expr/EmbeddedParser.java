package dev.weft.compiler.expr;

import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.expr.Template.Embedded;
import dev.weft.compiler.expr.Template.Literal;
import dev.weft.compiler.expr.Template.Part;
import java.util.ArrayList;
import java.util.List;

/**
 * The expressions embedded as {@code {$...}} in the text of a regex, JSONPath or XPath condition (Arazzo 1.1
 * §Runtime Expressions in Conditions; 1.0.1 lets expressions be embedded in string values too). Only a brace
 * followed by {@code $} and a root word of the grammar opens one (in a regex, where an unescaped {@code {$} never
 * compiles, any {@code {$word.} or {@code {$word}} too, so that a misspelt root is named), so that a regex's
 * {@code \{$} (a literal brace, then the end) or {@code {2}} stays text; in a regex, a brace after an odd number
 * of backslashes is escaped.
 */
final class EmbeddedParser {
    private EmbeddedParser() {}

    static ParseResult<Template> parse(String text, boolean regex) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{' && opens(text, i, regex)) {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    return ParseResult.failure(i, Message.MISSING_CLOSING_BRACE.format(text.substring(i)));
                }
                ParseResult<RuntimeExpression> parsed = ExpressionParser.exact(text, i + 1, close);
                if (!parsed.ok()) {
                    return parsed.castFailure();
                }
                if (literal.length() > 0) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(new Embedded(parsed.value(), i, true));
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) {
            parts.add(new Literal(literal.toString()));
        }
        return ParseResult.success(new Template(parts));
    }

    private static boolean opens(String text, int brace, boolean regex) {
        if (!text.startsWith("$", brace + 1)) {
            return false;
        }
        String word = ExpressionReader.rootWord(text, brace + 1);
        if (!regex) {
            return ExpressionReader.ROOTS.contains(word);
        }
        // in a regex an unescaped '{$' never compiles: '{$word.' or '{$word}' is an expression, maybe misspelt
        int after = brace + 2 + word.length();
        boolean shaped =
                !word.isEmpty() && after < text.length() && (text.charAt(after) == '.' || text.charAt(after) == '}');
        if (!ExpressionReader.ROOTS.contains(word) && !shaped) {
            return false;
        }
        int backslashes = 0;
        for (int j = brace - 1; j >= 0 && text.charAt(j) == '\\'; j--) {
            backslashes++;
        }
        return backslashes % 2 == 0;
    }
}
