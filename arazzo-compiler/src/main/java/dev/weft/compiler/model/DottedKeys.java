package dev.weft.compiler.model;

import java.util.Collection;
import java.util.Optional;

/**
 * Keys of inputs and outputs may contain dots, so {@code $steps.s.outputs.a.b} is output {@code a.b}
 * when declared, else output {@code a} then member {@code b} (CHECKLIST §2): the longest declared name wins.
 */
public final class DottedKeys {
    private DottedKeys() {}

    /** The longest declared name that is {@code key} or a dotted prefix of it. */
    public static Optional<String> longestDeclared(String key, Collection<String> declared) {
        String candidate = key;
        while (true) {
            if (declared.contains(candidate)) {
                return Optional.of(candidate);
            }
            int dot = candidate.lastIndexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            candidate = candidate.substring(0, dot);
        }
    }
}
