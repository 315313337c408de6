package dev.weft.compiler.expr;

import java.util.Objects;

/**
 * A syntax error found while parsing an expression, template or condition.
 *
 * @param offset 0-based character index in the parsed text where the problem starts
 * @param message javac-style text: lowercase, no final period, names in single quotes
 */
public record ExpressionError(int offset, String message) {

    /** Checks the components. */
    public ExpressionError {
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset);
        }
        Objects.requireNonNull(message, "message");
    }
}
