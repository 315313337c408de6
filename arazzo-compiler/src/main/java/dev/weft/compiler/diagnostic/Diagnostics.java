package dev.weft.compiler.diagnostic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects diagnostics as the compiler finds them; checks add to it and carry on.
 *
 * <p>A call site names a {@link Message} and its values, nothing else: the message's template gives the
 * text, its code the code, and the code's catalogue entry in {@link DiagnosticCode} the severity. Where one
 * rule needs two severities, it has two codes.
 */
public final class Diagnostics {
    // insertion order, no duplicates (a rule reached twice for one spot reports once)
    private final Set<Diagnostic> items = new LinkedHashSet<>();
    private final boolean strict;
    // every file the compilation read or tried to read, for caches keyed by the compilation's inputs
    private final Set<Path> inputs = new LinkedHashSet<>();

    public Diagnostics() {
        this(false);
    }

    /**
     * With {@code strict}, dialect warnings (bare expressions, comparison JSONPath, bare operationIds…) are
     * errors.
     */
    public Diagnostics(boolean strict) {
        this.strict = strict;
    }

    /**
     * Reports a diagnostic: the message's code, that code's severity and the message's text with {@code args}
     * in its placeholders.
     *
     * @throws IllegalArgumentException for a part of a message, which has no code, or the wrong number of
     *     arguments (both bugs in Weft)
     */
    public void report(Message message, Location location, Object... args) {
        if (message.isPart()) {
            throw new IllegalArgumentException(message + " is a part of other messages, not a diagnostic");
        }
        DiagnosticCode code = message.code();
        items.add(new Diagnostic(code.severity(strict), code, message.format(args), location));
    }

    /**
     * A diagnostic read back from a cache that stored one this class created, by the names of its severity
     * and code ({@link Enum#name()}).
     *
     * @throws IllegalArgumentException for a name that is not a severity's or a code's
     */
    public static Diagnostic restore(String severity, String code, String message, Location location) {
        return new Diagnostic(Severity.valueOf(severity), DiagnosticCode.valueOf(code), message, location);
    }

    /** Notes that the compilation read (or tried to read) {@code file}; its diagnostics depend on it. */
    public void input(Path file) {
        inputs.add(file.toAbsolutePath().normalize());
    }

    /** The files the compilation read or tried to read, absolute, in the order first read. */
    public List<Path> inputs() {
        return List.copyOf(inputs);
    }

    public void addAll(Diagnostics other) {
        items.addAll(other.items);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public boolean isStrict() {
        return strict;
    }

    /** All diagnostics, sorted by file, line, column. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(items);
        Collections.sort(copy);
        return List.copyOf(copy);
    }

    public List<Diagnostic> errors() {
        return sorted().stream().filter(Diagnostic::isError).toList();
    }

    public int size() {
        return items.size();
    }
}
