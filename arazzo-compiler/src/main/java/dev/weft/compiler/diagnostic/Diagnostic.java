package dev.weft.compiler.diagnostic;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in a document: what rule, where, and a message a user can act on.
 *
 * <p>The message never holds the location; {@link DiagnosticFormatter} adds it.
 */
public record Diagnostic(Severity severity, DiagnosticCode code, String message, Location location)
        implements Comparable<Diagnostic> {

    private static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::location)
            .thenComparing(Diagnostic::severity)
            .thenComparing(d -> d.code().id())
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public int compareTo(Diagnostic other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return location + ": " + severity.label() + ": [" + code.id() + "] " + message;
    }
}
