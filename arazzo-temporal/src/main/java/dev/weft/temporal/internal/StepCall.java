package dev.weft.temporal.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.internal.RunCounters;

/**
 * The argument of a step's activity: what the generated code needs to build the step's request and read its
 * response, secrets left out (the worker binds them).
 *
 * @param inputs the workflow's inputs, secret ones left out
 * @param state the outputs of the steps so far
 * @param counters the run's counters, this visit of the step included
 * @param elapsedMillis the run's age when the step was scheduled, for its deadline
 * @param workflows the completed workflows of the run family ({@code $workflows})
 * @param settings the run's settings
 * @param call for a step that calls a workflow, how that workflow ended; else {@code null}
 */
public record StepCall(
        ObjectNode inputs,
        ObjectNode state,
        RunCounters counters,
        long elapsedMillis,
        ObjectNode workflows,
        RunSettings settings,
        CallResult call) {

    /**
     * How a called workflow ended.
     *
     * @param outputs its outputs when it succeeded, else {@code null}
     * @param failure why it failed, else {@code null}
     */
    public record CallResult(ObjectNode outputs, StepFailure failure) {}
}
