package dev.weft.compiler.expr;

import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.expr.ExpressionReader.Prefix;
import dev.weft.compiler.expr.Template.Embedded;
import dev.weft.compiler.expr.Template.Literal;
import dev.weft.compiler.expr.Template.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A single-use splitter of a string value into literal text and embedded expressions. */
final class TemplateParser {

    /** Roots that open an unbraced expression inside a longer string (D-6). */
    private static final Set<String> BARE_ROOTS =
            Set.of("inputs", "steps", "outputs", "workflows", "response", "request", "statusCode", "url", "method");

    private final String text;
    private final boolean bareAllowed;
    private final List<Part> parts = new ArrayList<>();
    private final StringBuilder literal = new StringBuilder();
    private final List<ExpressionError> errors = new ArrayList<>();

    private TemplateParser(String text, boolean bareAllowed) {
        this.text = text;
        this.bareAllowed = bareAllowed;
    }

    static ParseResult<Template> parse(String text, boolean bareAllowed) {
        if (text.startsWith("$")) {
            String root = ExpressionReader.rootWord(text, 0);
            ParseResult<Prefix> read = ExpressionReader.read(text, 0, text.length());
            if (read.ok() && read.value().end() == text.length()) {
                return ParseResult.success(
                        new Template(List.of(new Embedded(read.value().expression(), 0, false))));
            }
            boolean knownRoot = ExpressionReader.ROOTS.contains(root);
            if (knownRoot && !(bareAllowed && BARE_ROOTS.contains(root))) {
                return ParseResult.failure(List.of(wholeValueError(text, read)));
            }
        }
        return new TemplateParser(text, bareAllowed).scan();
    }

    /** The error for a value that starts with a known root but is not one expression. */
    private static ExpressionError wholeValueError(String text, ParseResult<Prefix> read) {
        if (!read.ok()) {
            return read.errors().get(0);
        }
        Prefix prefix = read.value();
        String message = ExpressionParser.trailingMessage(text, 0, prefix, text.length());
        if (Character.isWhitespace(text.charAt(prefix.end()))) {
            message += Message.EMBED_IN_TEXT.format(text.substring(0, prefix.end()));
        }
        return new ExpressionError(prefix.end(), message);
    }

    private ParseResult<Template> scan() {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{' && text.startsWith("$", i + 1)) {
                i = braced(i);
            } else if (c == '$' && bareAllowed && BARE_ROOTS.contains(ExpressionReader.rootWord(text, i))) {
                i = bare(i);
            } else {
                literal.append(c);
                i++;
            }
        }
        flushLiteral();
        return errors.isEmpty() ? ParseResult.success(new Template(parts)) : ParseResult.failure(errors);
    }

    /** Reads {@code {$…}} starting at {@code open}; returns the index after it. */
    private int braced(int open) {
        if (ForeignExpressions.isForeign(ExpressionReader.rootWord(text, open + 1))) {
            // another tool's expression ({$faker.x}): text by the spec, sent as written; the checks warn
            int end = ForeignExpressions.bracedEnd(text, open);
            literal.append(text, open, end);
            return end;
        }
        int close = text.indexOf('}', open + 2);
        if (close < 0) {
            errors.add(new ExpressionError(open, Message.MISSING_CLOSING_BRACE.format(text.substring(open))));
            return text.length();
        }
        ParseResult<RuntimeExpression> parsed = ExpressionParser.exact(text, open + 1, close);
        add(parsed, open, true);
        return close + 1;
    }

    /** Reads an unbraced expression starting at {@code dollar}; returns the index after it. */
    private int bare(int dollar) {
        int end = dollar;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        ParseResult<Prefix> read = ExpressionReader.read(text, dollar, end);
        if (read.ok() && read.value().end() < end) {
            Prefix prefix = read.value();
            String message = ExpressionParser.trailingMessage(text, dollar, prefix, end)
                    + Message.END_EXPRESSION_THERE.format(text.substring(dollar, prefix.end()));
            errors.add(new ExpressionError(prefix.end(), message));
            return end;
        }
        add(read.ok() ? ParseResult.success(read.value().expression()) : read.castFailure(), dollar, false);
        return end;
    }

    private void add(ParseResult<RuntimeExpression> parsed, int offset, boolean braced) {
        if (!parsed.ok()) {
            errors.addAll(parsed.errors());
            return;
        }
        flushLiteral();
        parts.add(new Embedded(parsed.value(), offset, braced));
    }

    private void flushLiteral() {
        if (literal.length() > 0) {
            parts.add(new Literal(literal.toString()));
            literal.setLength(0);
        }
    }
}
