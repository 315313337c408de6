package dev.weft.temporal.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.internal.RunCounters;

/**
 * What a step's activity returns: never a response body, only what the state machine needs (the next step or
 * the end, the step outputs, the counters) and the response's status for whoever reads the history.
 *
 * @param status the response's HTTP status, or -1 when none came (or the step called a workflow)
 * @param next the step to enter next, or {@code null} when the workflow ended or failed
 * @param state the outputs of the steps so far, this one's included
 * @param counters the run's counters, a retry this step scheduled included
 * @param outputs the workflow's outputs when it ended, else {@code null}
 * @param failure why the step failed the workflow, else {@code null}
 */
public record StepOutcome(
        int status, String next, ObjectNode state, RunCounters counters, ObjectNode outputs, StepFailure failure) {}
