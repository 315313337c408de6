package dev.weft.runtime;

import java.time.Duration;

/**
 * A workflow run ended.
 *
 * @param workflowId the workflow
 * @param stepExecutions the steps entered, revisits included
 * @param loopIterations the loop iterations (revisits of steps)
 * @param elapsed the time since the run started
 */
public record WorkflowEvent(String workflowId, int stepExecutions, int loopIterations, Duration elapsed) {}
