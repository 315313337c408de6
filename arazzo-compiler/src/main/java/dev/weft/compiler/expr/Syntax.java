package dev.weft.compiler.expr;

import dev.weft.compiler.diagnostic.Message;
import java.util.List;

/** Character classes and message helpers shared by the parsers of this package. */
final class Syntax {

    private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";
    private static final String CONDITION_DELIMITERS = "!&()<=>|{}";

    /**
     * Accessors ({@code .name}, {@code [0]}) one operand may have: each becomes one nested call in the
     * generated code, which javac reads recursively.
     */
    static final int MAX_ACCESSORS = 32;

    private Syntax() {}

    /** The message for an operand with more than {@link #MAX_ACCESSORS} accessors. */
    static String tooManyAccessors() {
        return Message.TOO_MANY_ACCESSORS.format(MAX_ACCESSORS);
    }

    static boolean isAlphaNumeric(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** {@code id} characters of the expression grammar: letters, digits, {@code _} and {@code -}. */
    static boolean isIdChar(int c) {
        return isAlphaNumeric(c) || c == '_' || c == '-';
    }

    /** {@code key} characters: {@code id} characters and dots. */
    static boolean isKeyChar(int c) {
        return isIdChar(c) || c == '.';
    }

    /** RFC 9110 {@code tchar}, the characters of a header name. */
    static boolean isTchar(int c) {
        return isAlphaNumeric(c) || TCHAR_SYMBOLS.indexOf(c) >= 0;
    }

    /** {@code pname} characters: anything but braces, {@code #} and whitespace. */
    static boolean isPnameChar(int c) {
        return c != '{' && c != '}' && c != '#' && !Character.isWhitespace(c);
    }

    /** True for what ends an operand in a condition: whitespace or one of {@code ! & ( ) < = > | { }}. */
    static boolean endsOperand(char c) {
        return Character.isWhitespace(c) || CONDITION_DELIMITERS.indexOf(c) >= 0;
    }

    /** {@code 'a', 'b' or 'c'}. */
    static String quotedList(List<String> words) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            list.append(i == 0 ? "" : i == words.size() - 1 ? " or " : ", ");
            list.append('\'').append(words.get(i)).append('\'');
        }
        return list.toString();
    }

    /** Names a character in a message: {@code 'x'}, or a word for whitespace. */
    static String describe(char c) {
        if (c == ' ') {
            return "space";
        }
        return Character.isWhitespace(c) ? "whitespace" : "'" + c + "'";
    }
}
