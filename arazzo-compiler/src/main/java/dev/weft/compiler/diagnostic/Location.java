package dev.weft.compiler.diagnostic;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * A position in a source file: 1-based line and column, columns counted in characters.
 *
 * <p>Positions are captured once, when a document is read; nothing else converts bases.
 */
public record Location(Path file, int line, int column) implements Comparable<Location> {

    private static final Comparator<Location> ORDER = Comparator.comparing(
                    (Location l) -> l.file().toString())
            .thenComparingInt(Location::line)
            .thenComparingInt(Location::column);

    public Location {
        Objects.requireNonNull(file, "file");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /** The start of a file, for problems with the file as a whole. */
    public static Location startOf(Path file) {
        return new Location(file, 1, 1);
    }

    /** This location moved right by {@code chars} characters on the same line. */
    public Location shifted(int chars) {
        return new Location(file, line, column + chars);
    }

    @Override
    public int compareTo(Location other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
