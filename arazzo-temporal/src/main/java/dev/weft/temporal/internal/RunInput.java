package dev.weft.temporal.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.internal.RunCounters;

/**
 * The argument of a durable workflow: its inputs, without the secret ones (the worker binds those), the
 * workflows completed so far in the run family ({@code $workflows}), and, when a run continues as new, where
 * it was.
 *
 * @param inputs the inputs, secret ones left out
 * @param workflows the completed workflows: {@code {"<workflowId>": {"inputs": {...}, "outputs": {...}}}}
 * @param progress where a run that continued as new goes on, or {@code null} for a new run
 */
public record RunInput(ObjectNode inputs, ObjectNode workflows, Progress progress) {

    /**
     * Where a run is, carried across continue-as-new.
     *
     * @param step the step to enter next
     * @param state the outputs of the steps so far
     * @param counters the run's visits and retries
     * @param startMillis when the first run of the chain started, workflow time, for the deadline
     * @param settings the settings recorded when the chain started
     * @param continued how often the chain continued as new so far
     */
    public record Progress(
            String step,
            ObjectNode state,
            RunCounters counters,
            long startMillis,
            RunSettings settings,
            int continued) {}
}
