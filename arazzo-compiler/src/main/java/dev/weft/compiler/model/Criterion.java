package dev.weft.compiler.model;

import dev.weft.compiler.diagnostic.Location;

/**
 * A criterion: a condition, of a type, evaluated on a context.
 *
 * @param context the runtime expression the condition applies to; null for {@code simple}
 * @param type {@code simple} (the default), {@code regex}, {@code jsonpath} or {@code xpath}
 * @param typeVersion the {@code version} of a Criterion Expression Type object, or null
 */
public record Criterion(
        Located<String> context,
        Located<String> condition,
        Located<String> type,
        Located<String> typeVersion,
        Location location) {

    /** The criterion's type name, {@code simple} when absent. */
    public String typeName() {
        return type == null ? "simple" : type.value();
    }
}
