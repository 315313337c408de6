package dev.weft.runtime;

import java.time.Duration;

/**
 * A loop waits before it revisits a step.
 *
 * @param workflowId the workflow
 * @param stepId the step about to be revisited
 * @param attempt the attempt the revisit will be, 1-based
 * @param iteration the run's loop iterations so far, this one included
 * @param delay the wait, from the {@link PollPolicy}
 * @param elapsed the time since the run started
 */
public record PollEvent(
        String workflowId, String stepId, int attempt, int iteration, Duration delay, Duration elapsed) {}
