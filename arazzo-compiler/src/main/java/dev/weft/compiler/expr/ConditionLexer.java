package dev.weft.compiler.expr;

import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.expr.Condition.Operator;
import dev.weft.compiler.expr.Operand.BooleanLiteral;
import dev.weft.compiler.expr.Operand.NullLiteral;
import dev.weft.compiler.expr.Operand.NumberLiteral;
import dev.weft.compiler.expr.Operand.StringLiteral;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A single-use splitter of a condition into tokens; operands arrive fully parsed. */
final class ConditionLexer {

    /** The kinds of token. */
    enum Kind {
        LEFT_PAREN,
        RIGHT_PAREN,
        NOT,
        AND,
        OR,
        OPERATOR,
        OPERAND,
        END
    }

    /**
     * A token.
     *
     * @param kind what it is
     * @param offset index of its first character
     * @param end index after its last character
     * @param operator for {@link Kind#OPERATOR}, else null
     * @param operand for {@link Kind#OPERAND}, else null
     */
    record Token(Kind kind, int offset, int end, Operator operator, Operand operand) {}

    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final String text;
    private final OperandLexer operands;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private ExpressionError error;

    private ConditionLexer(String text, boolean contextPaths) {
        this.text = text;
        this.operands = new OperandLexer(text, contextPaths);
    }

    /** Splits the text into tokens ending with {@link Kind#END}, or reports the first lexical error. */
    static ParseResult<List<Token>> tokenize(String text, boolean contextPaths) {
        ConditionLexer lexer = new ConditionLexer(text, contextPaths);
        while (lexer.error == null && lexer.next()) {
            // next() adds one token per call
        }
        return lexer.error == null ? ParseResult.success(lexer.tokens) : ParseResult.failure(List.of(lexer.error));
    }

    /** Adds the next token; false at the end of the text or on error. */
    private boolean next() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        if (pos >= text.length()) {
            tokens.add(new Token(Kind.END, pos, pos, null, null));
            return false;
        }
        char c = text.charAt(pos);
        switch (c) {
            case '(' -> add(Kind.LEFT_PAREN, 1, null);
            case ')' -> add(Kind.RIGHT_PAREN, 1, null);
            case '!' -> {
                if (peek(1) == '=') {
                    add(Kind.OPERATOR, 2, Operator.NE);
                } else {
                    add(Kind.NOT, 1, null);
                }
            }
            case '&' -> doubled('&', Kind.AND);
            case '|' -> doubled('|', Kind.OR);
            case '=' -> {
                if (peek(1) == '=') {
                    add(Kind.OPERATOR, 2, Operator.EQ);
                } else {
                    fail(pos, Message.SINGLE_EQUALS.format());
                }
            }
            case '<' -> ordering(Operator.LT, Operator.LE);
            case '>' -> ordering(Operator.GT, Operator.GE);
            case '{' ->
                fail(
                        pos,
                        tokens.isEmpty() ? Message.BRACED_CONDITION_TEXT.format() : Message.UNEXPECTED_BRACE.format());
            default -> operand(c);
        }
        return error == null;
    }

    private void operand(char c) {
        ParseResult<OperandLexer.Read> read;
        if (c == '\'') {
            read = string();
        } else if (c == '"') {
            read = fail(pos, doubleQuoted());
        } else if (c == '$') {
            read = operands.dollar(pos);
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            read = number();
        } else if (Character.isLetter(c)) {
            read = word();
        } else {
            read = fail(pos, Message.UNEXPECTED_CHARACTER.format(Syntax.describe(c)));
        }
        if (read.ok()) {
            tokens.add(new Token(
                    Kind.OPERAND, pos, read.value().end(), null, read.value().operand()));
            pos = read.value().end();
        } else {
            error = read.errors().get(0);
        }
    }

    private ParseResult<OperandLexer.Read> string() {
        StringBuilder value = new StringBuilder();
        int i = pos + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' && peekAt(i + 1) == '\'') {
                value.append('\'');
                i += 2;
            } else if (c == '\'') {
                return read(new StringLiteral(value.toString()), i + 1);
            } else {
                value.append(c);
                i++;
            }
        }
        return fail(pos, Message.UNTERMINATED_STRING_LITERAL.format());
    }

    private String doubleQuoted() {
        int close = text.indexOf('"', pos + 1);
        if (close < 0) {
            return Message.UNEXPECTED_DOUBLE_QUOTE.format();
        }
        String content = text.substring(pos + 1, close).replace("'", "''");
        return Message.DOUBLE_QUOTED_STRING.format(content);
    }

    private ParseResult<OperandLexer.Read> number() {
        int end = runEnd();
        String number = text.substring(pos, end);
        if (!NUMBER.matcher(number).matches()) {
            return fail(pos, Message.MALFORMED_NUMBER.format(number));
        }
        return read(new NumberLiteral(new BigDecimal(number), number), end);
    }

    private ParseResult<OperandLexer.Read> word() {
        int end = runEnd();
        String word = text.substring(pos, end);
        switch (word) {
            case "true", "false" -> {
                return read(new BooleanLiteral(word.equals("true")), end);
            }
            case "null" -> {
                return read(new NullLiteral(), end);
            }
            default -> {
                return fail(pos, unknownWord(word));
            }
        }
    }

    private static String unknownWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "true", "false", "null" -> Message.MISCASED_LITERAL.format(word, lower);
            case "and" -> Message.USE_OPERATOR.format(word, "&&");
            case "or" -> Message.USE_OPERATOR.format(word, "||");
            case "not" -> Message.USE_OPERATOR.format(word, "!");
            default -> Message.UNQUOTED_STRING.format(word, word.replace("'", "''"));
        };
    }

    /** Adds {@code <} or {@code >}, or the variant followed by {@code =}. */
    private void ordering(Operator strict, Operator orEqual) {
        if (peek(1) == '=') {
            add(Kind.OPERATOR, 2, orEqual);
        } else {
            add(Kind.OPERATOR, 1, strict);
        }
    }

    private void doubled(char c, Kind kind) {
        if (peek(1) == c) {
            add(kind, 2, null);
        } else {
            fail(pos, Message.USE_OPERATOR.format(c, "" + c + c));
        }
    }

    /** End of the run of characters starting at pos that are not operand delimiters. */
    private int runEnd() {
        int end = pos;
        while (end < text.length() && !Syntax.endsOperand(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private void add(Kind kind, int length, Operator operator) {
        tokens.add(new Token(kind, pos, pos + length, operator, null));
        pos += length;
    }

    private char peek(int ahead) {
        return peekAt(pos + ahead);
    }

    private char peekAt(int index) {
        return index < text.length() ? text.charAt(index) : 0;
    }

    private static ParseResult<OperandLexer.Read> read(Operand operand, int end) {
        return ParseResult.success(new OperandLexer.Read(operand, end));
    }

    private <T> ParseResult<T> fail(int offset, String message) {
        error = new ExpressionError(offset, message);
        return ParseResult.failure(List.of(error));
    }
}
