package dev.weft.temporal.internal;

import dev.weft.runtime.WorkflowException;

/**
 * A step's failure as a payload, its texts redacted by the run that failed: what a
 * {@link WorkflowException} carries, without its stack or cause.
 *
 * @param workflowId the workflow
 * @param stepId the step, or {@code null}
 * @param attempt the step's attempt
 * @param httpStatus the response's status, or -1
 * @param excerpt a redacted excerpt of the response body (at most {@link WorkflowException#MAX_EXCERPT}
 *     characters), or {@code null}
 * @param message the redacted message, without the workflow, step and status the other fields hold
 */
public record StepFailure(
        String workflowId, String stepId, int attempt, int httpStatus, String excerpt, String message) {

    /**
     * @param e a run's failure
     * @return it as a payload
     */
    public static StepFailure of(WorkflowException e) {
        return new StepFailure(
                e.workflowId(), e.stepId(), e.attempt(), e.httpStatus(), e.responseExcerpt(), e.detail());
    }

    /** @return the failure as the runtime's exception */
    public WorkflowException toException() {
        return toException(null);
    }

    /**
     * @param cause the cause to attach, or {@code null}
     * @return the failure as the runtime's exception
     */
    public WorkflowException toException(Throwable cause) {
        return new WorkflowException(workflowId, stepId, attempt, httpStatus, excerpt, message, cause);
    }
}
