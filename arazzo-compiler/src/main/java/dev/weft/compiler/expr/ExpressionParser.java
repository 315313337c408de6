package dev.weft.compiler.expr;

import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.expr.ExpressionReader.Prefix;
import dev.weft.compiler.expr.RuntimeExpression.RequestBody;
import dev.weft.compiler.expr.RuntimeExpression.ResponseBody;
import java.util.Objects;
import java.util.regex.Pattern;

/** Entry point for parsing runtime expressions and the string templates that embed them. */
public final class ExpressionParser {

    private static final Pattern MEMBER_CHAIN = Pattern.compile("(\\.[A-Za-z0-9_-]+)+");

    private ExpressionParser() {}

    /** Parses text that must be exactly one runtime expression. */
    public static ParseResult<RuntimeExpression> parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            return ParseResult.failure(0, Message.EMPTY_EXPRESSION.format());
        }
        if (text.startsWith("{$") && text.endsWith("}")) {
            return ParseResult.failure(0, Message.BRACED_EXPRESSION.format(text.substring(1, text.length() - 1)));
        }
        return exact(text, 0, text.length());
    }

    /**
     * Parses a string value that may embed {@code {$...}} expressions; with {@code bareAllowed}, also
     * D-6 unbraced expressions ({@code "Bearer $inputs.apiKey"}).
     */
    public static ParseResult<Template> parseTemplate(String text, boolean bareAllowed) {
        return TemplateParser.parse(Objects.requireNonNull(text, "text"), bareAllowed);
    }

    /**
     * The expressions embedded as {@code {$...}} in the text of a regex ({@code regex} true), JSONPath or XPath
     * condition; a template with no embedded part when it has none.
     */
    public static ParseResult<Template> parseEmbedded(String text, boolean regex) {
        return EmbeddedParser.parse(Objects.requireNonNull(text, "text"), regex);
    }

    /** Parses {@code text[start, limit)} as exactly one expression; offsets index {@code text}. */
    static ParseResult<RuntimeExpression> exact(String text, int start, int limit) {
        ParseResult<Prefix> read = ExpressionReader.read(text, start, limit);
        if (!read.ok()) {
            return read.castFailure();
        }
        if (read.value().end() < limit) {
            return ParseResult.failure(read.value().end(), trailingMessage(text, start, read.value(), limit));
        }
        return ParseResult.success(read.value().expression());
    }

    /** Describes the text between the end of an expression and {@code limit}. */
    static String trailingMessage(String text, int start, Prefix prefix, int limit) {
        String before = text.substring(start, prefix.end());
        String rest = text.substring(prefix.end(), limit);
        boolean wholeBody = prefix.expression() instanceof RequestBody body && body.pointer() == null
                || prefix.expression() instanceof ResponseBody response && response.pointer() == null;
        if (wholeBody && MEMBER_CHAIN.matcher(rest).matches()) {
            return Message.MEMBERS_OF_WHOLE_BODY.format(rest, before, rest.replace('.', '/'));
        }
        return Message.UNEXPECTED_AFTER.format(Syntax.describe(rest.charAt(0)), before);
    }
}
