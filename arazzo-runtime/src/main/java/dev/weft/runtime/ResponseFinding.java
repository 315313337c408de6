package dev.weft.runtime;

import java.util.Objects;

/**
 * What a {@link ResponseInspector} found wrong with one response: which check, how bad, and a message that the
 * run redacts (masks its secrets in) before anyone sees it.
 *
 * @param check the check's name, e.g. {@code SCHEMA_CHECK}
 * @param severity whether the step fails ({@link Severity#ERROR}) or the finding is only reported
 * @param message what is wrong, lower-case, no final period; it may quote parts of the response
 */
public record ResponseFinding(String check, Severity severity, String message) {

    /** How a finding counts. */
    public enum Severity {
        /** The step fails with a {@link ResponseCheckException}, which its failure actions see. */
        ERROR,
        /** The finding is reported to the listeners ({@link WorkflowListener#responseChecked}); the run goes on. */
        WARN
    }

    /** Checks that every part is given. */
    public ResponseFinding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }
}
