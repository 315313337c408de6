package dev.weft.compiler.expr;

import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.expr.ExpressionReader.Prefix;
import dev.weft.compiler.expr.Operand.Accessor;
import dev.weft.compiler.expr.Operand.Accessor.Index;
import dev.weft.compiler.expr.Operand.Accessor.Member;
import dev.weft.compiler.expr.Operand.ContextPath;
import dev.weft.compiler.expr.Operand.Expression;
import java.util.ArrayList;
import java.util.List;

/** Reads the operands of a condition that start with {@code $}: expressions and context paths. */
final class OperandLexer {

    /** An operand and the index just after its text. */
    record Read(Operand operand, int end) {}

    private final String text;
    private final boolean contextPaths;

    OperandLexer(String text, boolean contextPaths) {
        this.text = text;
        this.contextPaths = contextPaths;
    }

    /** Reads the operand whose {@code $} is at {@code dollar}. */
    ParseResult<Read> dollar(int dollar) {
        char next = peek(dollar + 1);
        boolean jsonPath = next == '.' || next == '[' || next == 0 || Syntax.endsOperand(next);
        if (jsonPath && contextPaths) {
            return contextPath(dollar);
        }
        if (next == '.' || next == '[') {
            return ParseResult.failure(dollar, jsonPathInSimple(dollar));
        }
        return expression(dollar);
    }

    private ParseResult<Read> contextPath(int dollar) {
        ParseResult<ContextPathReader.Path> read = ContextPathReader.read(text, dollar);
        if (!read.ok()) {
            return read.castFailure();
        }
        int end = read.value().end();
        if (end < text.length() && !Syntax.endsOperand(text.charAt(end))) {
            return ParseResult.failure(
                    end,
                    Message.UNEXPECTED_AFTER.format(Syntax.describe(text.charAt(end)), text.substring(dollar, end)));
        }
        return ParseResult.success(new Read(new ContextPath(read.value().accessors(), dollar), end));
    }

    /** The message for {@code $.a} in a simple condition, suggesting a body pointer where possible. */
    private String jsonPathInSimple(int dollar) {
        ParseResult<ContextPathReader.Path> read = ContextPathReader.read(text, dollar);
        if (!read.ok()) {
            return Message.JSONPATH_IN_SIMPLE.format();
        }
        JsonPointer pointer = JsonPointer.ROOT;
        for (Accessor accessor : read.value().accessors()) {
            pointer = pointer.append(
                    accessor instanceof Member member ? member.name() : Integer.toString(((Index) accessor).index()));
        }
        return Message.JSONPATH_QUERY_IN_SIMPLE.format(
                text.substring(dollar, read.value().end()), pointer);
    }

    /** Reads a runtime expression up to the first delimiter or {@code [}, then its accessors. */
    private ParseResult<Read> expression(int dollar) {
        int limit = dollar;
        while (limit < text.length() && !Syntax.endsOperand(text.charAt(limit)) && text.charAt(limit) != '[') {
            limit++;
        }
        ParseResult<Prefix> read = ExpressionReader.read(text, dollar, limit);
        if (!read.ok()) {
            String word = ExpressionReader.rootWord(text, dollar);
            boolean likelyPath = contextPaths
                    && !word.isEmpty()
                    && !ExpressionReader.ROOTS.contains(word)
                    && Suggestions.closest(word, ExpressionReader.ROOTS) == null;
            return likelyPath
                    ? ParseResult.failure(
                            dollar, Message.UNKNOWN_ROOT.format(word, Message.DID_YOU_MEAN.format("$." + word)))
                    : read.castFailure();
        }
        List<Accessor> accessors = new ArrayList<>();
        int pos = read.value().end();
        while (pos < text.length() && !Syntax.endsOperand(text.charAt(pos))) {
            if (accessors.size() == Syntax.MAX_ACCESSORS) {
                return ParseResult.failure(pos, Syntax.tooManyAccessors());
            }
            int next = accessor(pos, accessors);
            if (next < 0) {
                return ParseResult.failure(pos, accessorError(dollar, pos));
            }
            pos = next;
        }
        Expression expression = new Expression(read.value().expression(), accessors, dollar);
        return ParseResult.success(new Read(expression, pos));
    }

    /**
     * Reads {@code .member} or {@code [n]} at {@code pos} into {@code accessors}; returns the index
     * after it, or -1 if there is none.
     */
    private int accessor(int pos, List<Accessor> accessors) {
        char c = text.charAt(pos);
        int end = pos + 1;
        if (c == '.') {
            while (end < text.length() && Syntax.isIdChar(text.charAt(end))) {
                end++;
            }
            if (end == pos + 1) {
                return -1;
            }
            accessors.add(new Member(text.substring(pos + 1, end)));
            return end;
        }
        if (c == '[') {
            while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
                end++;
            }
            if (end == pos + 1 || end - pos > 10 || peek(end) != ']') {
                return -1;
            }
            accessors.add(new Index(Integer.parseInt(text.substring(pos + 1, end))));
            return end + 1;
        }
        return -1;
    }

    /** Explains why no accessor could be read at {@code pos}. */
    private String accessorError(int dollar, int pos) {
        String before = text.substring(dollar, pos);
        char c = text.charAt(pos);
        if (c == '.') {
            return Message.EXPECTED_MEMBER_NAME_IN.format(before);
        }
        if (c == '[') {
            char next = peek(pos + 1);
            return next == '\'' || next == '"'
                    ? Message.ONLY_NUMERIC_INDEXES.format(before)
                    : Message.EXPECTED_INDEX.format(before);
        }
        return Message.UNEXPECTED_AFTER.format(Syntax.describe(c), before);
    }

    private char peek(int index) {
        return index < text.length() ? text.charAt(index) : 0;
    }
}
