package dev.weft.runtime;

import java.time.Duration;

/**
 * The response to a step's request, or the failure of the exchange.
 *
 * @param workflowId the workflow
 * @param stepId the step
 * @param attempt the step's attempt, 1-based
 * @param method the HTTP method
 * @param url the URL the response came from (the request's, or where the redirects followed led), with secret
 *     query values and registered secrets masked
 * @param status the HTTP status, or -1 when no response arrived
 * @param duration the time from sending the request to the response or the failure
 * @param error what went wrong when no response arrived (redacted), else {@code null}
 * @param elapsed the time since the run started
 */
public record ResponseEvent(
        String workflowId,
        String stepId,
        int attempt,
        String method,
        String url,
        int status,
        Duration duration,
        String error,
        Duration elapsed) {}
