package dev.weft.runtime;

import java.time.Duration;

/**
 * A finding of the client's {@link ResponseInspector} about one response of a step.
 *
 * @param workflowId the workflow
 * @param stepId the step
 * @param attempt the step's attempt, 1-based
 * @param status the HTTP status of the response
 * @param check the check's name, e.g. {@code SCHEMA_CHECK}
 * @param severity whether the step fails because of it
 * @param message what is wrong, with the run's secrets masked
 * @param elapsed the time since the run started
 */
public record ResponseCheckEvent(
        String workflowId,
        String stepId,
        int attempt,
        int status,
        String check,
        ResponseFinding.Severity severity,
        String message,
        Duration elapsed) {}
