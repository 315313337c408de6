package dev.weft.runtime;

import java.time.Duration;

/**
 * A retry action will run a failed step again.
 *
 * @param workflowId the workflow
 * @param stepId the step
 * @param attempt the attempt that failed, 1-based
 * @param actionName the retry action
 * @param retry which retry of the action this is, 1-based
 * @param retryLimit the action's {@code retryLimit}
 * @param delay the wait before the step runs again ({@code Retry-After} or the action's {@code retryAfter})
 * @param elapsed the time since the run started
 */
public record RetryEvent(
        String workflowId,
        String stepId,
        int attempt,
        String actionName,
        int retry,
        long retryLimit,
        Duration delay,
        Duration elapsed) {}
