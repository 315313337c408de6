package dev.weft.compiler.generate;

import dev.weft.compiler.diagnostic.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * How much code the methods of one generated class hold, against Java's limits: 64 KB of bytecode per
 * method and 65,535 constants per class. Code is counted in units (a value, a template part, a condition
 * term, a parameter, an action), each at most about 40 bytes of bytecode and two constants.
 */
final class Budget {
    /** Units one method may hold: 1,200 units of at most 40 bytes stay under 64 KB. */
    static final int METHOD_UNITS = 1_200;

    /**
     * Units one class may hold: each adds at most about three entries to its constant pool of 65,535 (a
     * string, its text, a field or method reference), leaving room for the compiled criteria's.
     */
    static final int CLASS_UNITS = 16_000;

    /** A method that would be too large: where, and what it holds. */
    record Overflow(Location location, String what, int units) {}

    private final List<Overflow> overflows = new ArrayList<>();
    private int method;
    private int total;

    /** Counts units of the method being generated (and of the class). */
    void add(int units) {
        method += units;
        total += units;
    }

    /** Counts units of a helper method whose size is bounded by construction, so only the class's. */
    void addToClass(int units) {
        total += units;
    }

    void startMethod() {
        method = 0;
    }

    /** Ends a method; records it when it holds more than {@link #METHOD_UNITS}. */
    void endMethod(Location location, String what) {
        if (method > METHOD_UNITS) {
            overflows.add(new Overflow(location, what, method));
        }
        method = 0;
    }

    /** The methods that would not compile, in the order they were generated. */
    List<Overflow> overflows() {
        return overflows;
    }

    int total() {
        return total;
    }
}
