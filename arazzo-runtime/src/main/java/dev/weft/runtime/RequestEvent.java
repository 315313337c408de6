package dev.weft.runtime;

import java.time.Duration;

/**
 * A step's request, about to be sent.
 *
 * @param workflowId the workflow
 * @param stepId the step
 * @param attempt the step's attempt, 1-based
 * @param method the HTTP method
 * @param url the URL with secret query values and registered secrets masked
 * @param elapsed the time since the run started
 * @param operationId the OpenAPI {@code operationId} the step calls, or {@code null} when it has none or is not
 *     known
 * @param pathTemplate the operation's path as the OpenAPI description writes it (e.g. {@code /jobs/{jobId}}: a
 *     low-cardinality name for the request), or {@code null} when not known
 */
public record RequestEvent(
        String workflowId,
        String stepId,
        int attempt,
        String method,
        String url,
        Duration elapsed,
        String operationId,
        String pathTemplate) {

    /**
     * Creates an event without the operation.
     *
     * @param workflowId the workflow
     * @param stepId the step
     * @param attempt the step's attempt, 1-based
     * @param method the HTTP method
     * @param url the URL, masked
     * @param elapsed the time since the run started
     */
    public RequestEvent(String workflowId, String stepId, int attempt, String method, String url, Duration elapsed) {
        this(workflowId, stepId, attempt, method, url, elapsed, null, null);
    }
}
