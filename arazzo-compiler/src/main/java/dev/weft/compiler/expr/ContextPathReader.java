package dev.weft.compiler.expr;

import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.expr.Operand.Accessor;
import dev.weft.compiler.expr.Operand.Accessor.Index;
import dev.weft.compiler.expr.Operand.Accessor.Member;
import java.util.ArrayList;
import java.util.List;

/**
 * A single-use reader of an RFC 9535 singular query ({@code $.a['b'][0]}), used for the D-7
 * dialect of JSONPath conditions written as comparisons.
 */
final class ContextPathReader {

    /** The segments of a query and the index just after its text. */
    record Path(List<Accessor> accessors, int end) {}

    private final String text;
    private final List<Accessor> accessors = new ArrayList<>();
    private int pos;
    private ExpressionError error;

    private ContextPathReader(String text, int dollar) {
        this.text = text;
        this.pos = dollar + 1;
    }

    /** Reads the query whose {@code $} is at {@code dollar}; stops before the first unknown character. */
    static ParseResult<Path> read(String text, int dollar) {
        ContextPathReader reader = new ContextPathReader(text, dollar);
        boolean more = true;
        while (more && reader.error == null) {
            more = reader.segment();
        }
        return reader.error != null
                ? ParseResult.failure(List.of(reader.error))
                : ParseResult.success(new Path(reader.accessors, reader.pos));
    }

    /** Reads one segment; false when none starts here. */
    private boolean segment() {
        char c = peek(pos);
        if ((c == '.' || c == '[') && accessors.size() == Syntax.MAX_ACCESSORS) {
            return fail(pos, Syntax.tooManyAccessors());
        }
        if (c == '.') {
            return dotted();
        }
        if (c == '[') {
            return bracketed();
        }
        return false;
    }

    private boolean dotted() {
        char next = peek(pos + 1);
        if (next == '.') {
            return fail(pos, Message.DESCENDANT_SEGMENT.format());
        }
        if (next == '*') {
            return fail(pos + 1, Message.WILDCARD.format());
        }
        int from = ++pos;
        while (pos < text.length() && isNameChar(text.charAt(pos), pos == from)) {
            pos++;
        }
        if (pos == from) {
            return fail(pos, Message.EXPECTED_MEMBER_NAME.format());
        }
        accessors.add(new Member(text.substring(from, pos)));
        return true;
    }

    private boolean bracketed() {
        pos = skipBlanks(pos + 1);
        char c = peek(pos);
        if (c == '\'' || c == '"') {
            String name = string(c);
            if (name == null) {
                return false;
            }
            accessors.add(new Member(name));
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            if (!index()) {
                return false;
            }
        } else if (c == '*' || c == '?' || c == ':') {
            return fail(pos, Message.NON_SINGULAR_SELECTOR.format(c));
        } else {
            return fail(pos, Message.EXPECTED_NAME_OR_INDEX.format());
        }
        pos = skipBlanks(pos);
        if (peek(pos) != ']') {
            return fail(
                    pos, peek(pos) == ',' ? Message.SELECTOR_LIST.format() : Message.EXPECTED_CLOSING_BRACKET.format());
        }
        pos++;
        return true;
    }

    private boolean index() {
        int from = pos;
        if (peek(pos) == '-') {
            pos++;
        }
        while (peek(pos) >= '0' && peek(pos) <= '9') {
            pos++;
        }
        String digits = text.substring(from, pos);
        if (digits.equals("-") || digits.equals("-0") || digits.matches("-?0\\d+")) {
            return fail(from, Message.MALFORMED_INDEX.format(digits));
        }
        if (digits.startsWith("-")) {
            return fail(from, Message.NEGATIVE_INDEX.format(digits));
        }
        if (digits.length() > 9) {
            return fail(from, Message.INDEX_TOO_LARGE.format(digits));
        }
        accessors.add(new Index(Integer.parseInt(digits)));
        return true;
    }

    /** Reads an RFC 9535 string literal opened by {@code quote} at {@code pos}; null on error. */
    private String string(char quote) {
        int open = pos++;
        StringBuilder value = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            int escaped = escape(peek(pos));
            if (escaped < 0) {
                fail(pos - 1, Message.INVALID_STRING_ESCAPE.format(peek(pos)));
                return null;
            }
            value.append((char) escaped);
            pos += peek(pos) == 'u' ? 5 : 1;
        }
        if (pos >= text.length()) {
            fail(open, Message.UNTERMINATED_STRING.format());
            return null;
        }
        pos++;
        return value.toString();
    }

    /** The character an escape stands for, or -1 if it is invalid. */
    private int escape(char c) {
        return switch (c) {
            case '\'', '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' ->
                pos + 5 <= text.length() && text.substring(pos + 1, pos + 5).matches("[0-9A-Fa-f]{4}")
                        ? Integer.parseInt(text.substring(pos + 1, pos + 5), 16)
                        : -1;
            default -> -1;
        };
    }

    private static boolean isNameChar(char c, boolean first) {
        boolean nameFirst = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
        return nameFirst || (!first && c >= '0' && c <= '9');
    }

    private int skipBlanks(int from) {
        int i = from;
        while (i < text.length() && " \t\r\n".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private char peek(int index) {
        return index < text.length() ? text.charAt(index) : 0;
    }

    private boolean fail(int offset, String message) {
        error = new ExpressionError(offset, message);
        return false;
    }
}
