package dev.weft.compiler.model;

import dev.weft.compiler.diagnostic.Location;
import java.util.Objects;

/** A value with the location of its source text. */
public record Located<T>(T value, Location location) {
    public Located {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
