package dev.weft.runtime.internal;

import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.http.HttpCall;

/**
 * The failure of an exchange that got no response (connection refused or reset, timeout, body too large): a
 * {@link WorkflowException} to callers, and to the run the sign that the step's failure actions decide, not the
 * run.
 */
final class TransportFailure extends WorkflowException {

    private static final long serialVersionUID = 1L;

    /** The call that failed; an exchange built from this failure reports it as sent. */
    private final transient HttpCall call;

    TransportFailure(String workflowId, String stepId, int attempt, String message, Throwable cause, HttpCall call) {
        super(workflowId, stepId, attempt, -1, null, message, cause);
        this.call = call;
    }

    HttpCall call() {
        return call;
    }
}
