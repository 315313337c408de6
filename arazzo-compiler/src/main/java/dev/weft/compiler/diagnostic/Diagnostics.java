package dev.weft.compiler.diagnostic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects diagnostics as the compiler finds them; checks add to it and carry on. */
public final class Diagnostics {
    // insertion order, no duplicates (a rule reached twice for one spot reports once)
    private final java.util.Set<Diagnostic> items = new java.util.LinkedHashSet<>();
    private final boolean strict;

    public Diagnostics() {
        this(false);
    }

    /** With {@code strict}, dialect warnings (bare expressions, comparison JSONPath, bare operationIds) are errors. */
    public Diagnostics(boolean strict) {
        this.strict = strict;
    }

    public void error(DiagnosticCode code, Location location, String message) {
        add(new Diagnostic(Severity.ERROR, code, message, location));
    }

    public void warning(DiagnosticCode code, Location location, String message) {
        add(new Diagnostic(Severity.WARNING, code, message, location));
    }

    /** A diagnostic of the warning-severity dialect codes, which {@code strict} turns into an error. */
    public void dialect(DiagnosticCode code, Location location, String message) {
        add(new Diagnostic(strict ? Severity.ERROR : Severity.WARNING, code, message, location));
    }

    /** A diagnostic with the code's default severity. */
    public void report(DiagnosticCode code, Location location, String message) {
        add(new Diagnostic(code.defaultSeverity(), code, message, location));
    }

    public void add(Diagnostic diagnostic) {
        items.add(diagnostic);
    }

    public void addAll(Diagnostics other) {
        other.items.forEach(this::add);
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
