package dev.weft.runtime;

/**
 * The one exception a workflow run fails with, naming the workflow, the step, the attempt, the HTTP status
 * and a redacted excerpt of the response where they apply.
 *
 * <p>Messages never contain header values; response excerpts are redacted before they get here.
 */
public class WorkflowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Longest response excerpt kept, in characters. */
    public static final int MAX_EXCERPT = 500;

    private final String workflowId;
    private final String stepId;
    private final int attempt;
    private final int httpStatus;
    private final String responseExcerpt;
    private final String detail;

    /**
     * Creates an exception.
     *
     * @param workflowId the workflow, or {@code null} when not known
     * @param stepId the step, or {@code null}
     * @param attempt the attempt of the step (1-based), or 0 when not applicable
     * @param httpStatus the response status, or -1 when there was no response
     * @param responseExcerpt a redacted excerpt of the response body, or {@code null}; cut to 500 characters
     * @param message what went wrong, lower-case, no final period
     * @param cause the cause, or {@code null}
     */
    public WorkflowException(
            String workflowId,
            String stepId,
            int attempt,
            int httpStatus,
            String responseExcerpt,
            String message,
            Throwable cause) {
        super(compose(workflowId, stepId, attempt, httpStatus, cut(responseExcerpt), message), cause);
        this.workflowId = workflowId;
        this.stepId = stepId;
        this.attempt = attempt;
        this.httpStatus = httpStatus;
        this.responseExcerpt = cut(responseExcerpt);
        this.detail = message;
    }

    /**
     * Creates an exception about a step, without an HTTP response.
     *
     * @param workflowId the workflow, or {@code null}
     * @param stepId the step, or {@code null}
     * @param message what went wrong
     * @return the exception
     */
    public static WorkflowException of(String workflowId, String stepId, String message) {
        return new WorkflowException(workflowId, stepId, 0, -1, null, message, null);
    }

    /**
     * Returns the workflow that failed.
     *
     * @return the workflow id, or {@code null} when the failure happened outside a run
     */
    public String workflowId() {
        return workflowId;
    }

    /**
     * Returns the step that failed.
     *
     * @return the step id, or {@code null}
     */
    public String stepId() {
        return stepId;
    }

    /**
     * Returns the attempt of the step that failed.
     *
     * @return the attempt, 1-based, or 0 when not applicable
     */
    public int attempt() {
        return attempt;
    }

    /**
     * Returns the HTTP status of the response.
     *
     * @return the status, or -1 when there was no response
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Returns an excerpt of the response body, secrets redacted.
     *
     * @return at most 500 characters, or {@code null}
     */
    public String responseExcerpt() {
        return responseExcerpt;
    }

    /**
     * Returns the bare message, without the workflow, step, status and excerpt {@link #getMessage()} adds.
     *
     * @return the message given to the constructor
     */
    public String detail() {
        return detail;
    }

    /**
     * Returns a copy of this exception that names the given workflow, step and attempt where this one did
     * not, keeping the status, excerpt, cause and stack trace.
     *
     * @param workflow the workflow id
     * @param step the step id
     * @param stepAttempt the attempt
     * @return the copy, or this exception if it already names a workflow
     */
    public WorkflowException withContext(String workflow, String step, int stepAttempt) {
        if (workflowId != null) {
            return this;
        }
        WorkflowException copy = new WorkflowException(
                workflow,
                stepId != null ? stepId : step,
                attempt > 0 ? attempt : stepAttempt,
                httpStatus,
                responseExcerpt,
                detail,
                getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    private static String cut(String excerpt) {
        return excerpt == null || excerpt.length() <= MAX_EXCERPT ? excerpt : excerpt.substring(0, MAX_EXCERPT);
    }

    private static String compose(
            String workflowId, String stepId, int attempt, int httpStatus, String excerpt, String message) {
        StringBuilder text = new StringBuilder();
        if (workflowId != null) {
            text.append("workflow '").append(workflowId).append('\'');
        }
        if (stepId != null) {
            text.append(text.length() > 0 ? " " : "")
                    .append("step '")
                    .append(stepId)
                    .append('\'');
        }
        if (attempt > 0) {
            text.append(text.length() > 0 ? " " : "")
                    .append("(attempt ")
                    .append(attempt)
                    .append(')');
        }
        if (text.length() > 0) {
            text.append(": ");
        }
        text.append(message);
        if (httpStatus >= 0) {
            text.append(" [HTTP ").append(httpStatus).append(']');
        }
        if (excerpt != null) {
            text.append(" [response: ").append(excerpt).append(']');
        }
        return text.toString();
    }
}
