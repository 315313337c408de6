package dev.weft.compiler.expr;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a parse: a value, or the errors that prevented it.
 *
 * @param value the parsed value; {@code null} exactly when {@code errors} is non-empty
 * @param errors the syntax errors, in text order; empty on success
 * @param <T> the type of the parsed value
 */
public record ParseResult<T>(T value, List<ExpressionError> errors) {

    /** Checks that exactly one of value and errors is present. */
    public ParseResult {
        errors = List.copyOf(errors);
        if ((value == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("need a value or errors, not both: " + value + " " + errors);
        }
    }

    /** A successful result. */
    public static <T> ParseResult<T> success(T value) {
        return new ParseResult<>(Objects.requireNonNull(value, "value"), List.of());
    }

    /** A failed result with one error. */
    public static <T> ParseResult<T> failure(int offset, String message) {
        return new ParseResult<>(null, List.of(new ExpressionError(offset, message)));
    }

    /** A failed result with the given errors (at least one). */
    public static <T> ParseResult<T> failure(List<ExpressionError> errors) {
        return new ParseResult<>(null, errors);
    }

    /** True if parsing succeeded. */
    public boolean ok() {
        return errors.isEmpty();
    }

    /** The same errors as a result of another type; only valid on a failed result. */
    public <U> ParseResult<U> castFailure() {
        if (ok()) {
            throw new IllegalStateException("not a failure: " + value);
        }
        return new ParseResult<>(null, errors);
    }
}
