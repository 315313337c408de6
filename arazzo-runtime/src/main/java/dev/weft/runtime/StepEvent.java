package dev.weft.runtime;

import java.time.Duration;

/**
 * A step started or finished.
 *
 * @param workflowId the workflow
 * @param stepId the step
 * @param attempt how often the step has been entered in this run, 1 for the first time
 * @param elapsed the time since the run started
 */
public record StepEvent(String workflowId, String stepId, int attempt, Duration elapsed) {}
