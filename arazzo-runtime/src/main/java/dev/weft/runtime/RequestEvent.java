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
 */
public record RequestEvent(
        String workflowId, String stepId, int attempt, String method, String url, Duration elapsed) {}
