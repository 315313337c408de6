package dev.weft.compiler.expr;

import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.expr.Condition.And;
import dev.weft.compiler.expr.Condition.Compare;
import dev.weft.compiler.expr.Condition.Not;
import dev.weft.compiler.expr.Condition.Or;
import dev.weft.compiler.expr.Condition.Truthy;
import dev.weft.compiler.expr.ConditionLexer.Kind;
import dev.weft.compiler.expr.ConditionLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parser of {@code simple} criteria conditions (checklist §3): precedence from high to low is
 * {@code !}, comparison, {@code &&}, {@code ||}; parentheses group; comparisons do not chain.
 */
public final class ConditionParser {
    /**
     * How deep parentheses may nest: the parser and the code generated from a condition recurse once per
     * level, and javac recurses once per level of the generated expression.
     */
    public static final int MAX_DEPTH = 32;

    private final String text;
    private final List<Token> tokens;
    private int index;
    private int depth;
    private ExpressionError error;

    private ConditionParser(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    /** A {@code simple} condition (checklist §3 grammar). */
    public static ParseResult<Condition> parseSimple(String text) {
        return parse(text, false);
    }

    /**
     * D-7 dialect: the same grammar, but operands may also be singular JSONPath queries on the
     * context ({@code $.a.b}, {@code $['a']}, {@code $[0]}, {@code $.a[1].b}).
     */
    public static ParseResult<Condition> parseContextComparison(String text) {
        return parse(text, true);
    }

    /**
     * True if the text is a condition wrapped in braces, like {@code {$statusCode == 200}} (the
     * caller reports a fix-it, for which {@link #unbrace} gives the text).
     */
    public static boolean isBraced(String text) {
        String trimmed = text.strip();
        if (trimmed.length() < 3 || !trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            return false;
        }
        String inner = unbrace(trimmed);
        return !inner.isEmpty() && "$!(".indexOf(inner.charAt(0)) >= 0;
    }

    /** The text inside the braces of a {@linkplain #isBraced braced} condition, stripped. */
    public static String unbrace(String text) {
        String trimmed = text.strip();
        return trimmed.substring(1, trimmed.length() - 1).strip();
    }

    private static ParseResult<Condition> parse(String text, boolean contextPaths) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            return ParseResult.failure(0, Message.EMPTY_CONDITION.format());
        }
        ParseResult<List<Token>> tokens = ConditionLexer.tokenize(text, contextPaths);
        if (!tokens.ok()) {
            return tokens.castFailure();
        }
        ConditionParser parser = new ConditionParser(text, tokens.value());
        Condition condition = parser.or();
        if (condition != null && parser.peek().kind() != Kind.END) {
            parser.leftover();
        }
        return parser.error == null ? ParseResult.success(condition) : ParseResult.failure(List.of(parser.error));
    }

    private Condition or() {
        List<Condition> operands = new ArrayList<>();
        do {
            Condition operand = and();
            if (operand == null) {
                return null;
            }
            operands.add(operand);
        } while (accept(Kind.OR));
        return operands.size() == 1 ? operands.get(0) : new Or(operands);
    }

    private Condition and() {
        List<Condition> operands = new ArrayList<>();
        do {
            Condition operand = basic();
            if (operand == null) {
                return null;
            }
            operands.add(operand);
        } while (accept(Kind.AND));
        return operands.size() == 1 ? operands.get(0) : new And(operands);
    }

    private Condition basic() {
        Token token = peek();
        return switch (token.kind()) {
            case NOT -> negation();
            case LEFT_PAREN -> parenthesized();
            case OPERAND -> comparisonOrTruthy();
            default -> fail(token.offset(), expectedOperand(token));
        };
    }

    private Condition negation() {
        Token bang = tokens.get(index++);
        Token next = peek();
        if (next.kind() == Kind.LEFT_PAREN) {
            Condition inner = parenthesized();
            return inner == null ? null : new Not(inner);
        }
        if (next.kind() != Kind.OPERAND) {
            return fail(next.offset(), Message.NOT_WITHOUT_OPERAND.format(found(next)));
        }
        index++;
        if (peek().kind() == Kind.OPERATOR) {
            Token right = tokens.get(index + 1);
            String comparison = right.kind() == Kind.OPERAND
                    ? text.substring(next.offset(), right.end())
                    : source(next) + " " + source(peek()) + " …";
            return fail(bang.offset(), Message.NOT_OF_COMPARISON.format(comparison));
        }
        return new Not(new Truthy(next.operand()));
    }

    private Condition parenthesized() {
        Token open = tokens.get(index++);
        if (depth == MAX_DEPTH) {
            return fail(open.offset(), Message.NESTING_TOO_DEEP.format(MAX_DEPTH));
        }
        depth++;
        Condition inner = or();
        depth--;
        if (inner == null) {
            return null;
        }
        if (!accept(Kind.RIGHT_PAREN)) {
            Token found = peek();
            return fail(found.offset(), Message.UNCLOSED_PARENTHESIS.format(open.offset(), found(found)));
        }
        return inner;
    }

    private Condition comparisonOrTruthy() {
        Token left = tokens.get(index++);
        if (peek().kind() != Kind.OPERATOR) {
            return new Truthy(left.operand());
        }
        Token operator = tokens.get(index++);
        Token right = peek();
        if (right.kind() != Kind.OPERAND) {
            return fail(
                    right.offset(),
                    Message.MISSING_RIGHT_OPERAND.format(operator.operator().symbol(), found(right)));
        }
        index++;
        if (peek().kind() == Kind.OPERATOR) {
            return fail(peek().offset(), Message.CHAINED_COMPARISON.format());
        }
        return new Compare(left.operand(), operator.operator(), right.operand());
    }

    /** Reports the token after a complete condition. */
    private void leftover() {
        Token token = peek();
        String found = source(token);
        fail(
                token.offset(),
                switch (token.kind()) {
                    case RIGHT_PAREN -> Message.UNMATCHED_PARENTHESIS.format();
                    case OPERAND -> Message.MISSING_OPERATOR.format(found);
                    default -> Message.UNEXPECTED_TOKEN.format(found);
                });
    }

    private String expectedOperand(Token token) {
        return token.kind() == Kind.END
                ? Message.OPERAND_AT_END.format()
                : Message.EXPECTED_OPERAND.format(source(token));
    }

    /** {@code ", found 'x'"} for a token, or nothing at the end of the condition. */
    private String found(Token token) {
        return token.kind() == Kind.END ? "" : Message.FOUND_TOKEN.format(source(token));
    }

    private boolean accept(Kind kind) {
        if (peek().kind() == kind) {
            index++;
            return true;
        }
        return false;
    }

    private Token peek() {
        return tokens.get(index);
    }

    private String source(Token token) {
        return text.substring(token.offset(), token.end());
    }

    private Condition fail(int offset, String message) {
        if (error == null) {
            error = new ExpressionError(offset, message);
        }
        return null;
    }
}
