package dev.weft.runtime.internal;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a run has counted so far (step visits, retries spent, loop iterations, a pending retry), as a value a
 * durable engine keeps between steps and hands back to {@link WorkflowRun#resume}; JSON-friendly: strings,
 * numbers and maps only.
 *
 * @param visits how often each step was entered
 * @param retriesUsed the retries spent per retry action, keyed {@code stepId + "\u0000" + actionName}, for the
 *     steps whose budgets have not been reset by a new visit
 * @param stepExecutions the steps entered, revisits included
 * @param loopIterations the revisits (poll iterations)
 * @param retryingStep the step a retry action has scheduled to run again, or {@code null}
 * @param retryDelayNanos the wait before that retry
 */
public record RunCounters(
        Map<String, Integer> visits,
        Map<String, Integer> retriesUsed,
        int stepExecutions,
        int loopIterations,
        String retryingStep,
        long retryDelayNanos) {

    /** The counters of a run that has not entered a step yet. */
    public static final RunCounters NONE = new RunCounters(Map.of(), Map.of(), 0, 0, null, 0);

    /** Copies the maps, sorted, so that equal counters serialise to equal JSON. */
    public RunCounters {
        visits = Map.copyOf(new TreeMap<>(Objects.requireNonNull(visits, "visits")));
        retriesUsed = Map.copyOf(new TreeMap<>(Objects.requireNonNull(retriesUsed, "retriesUsed")));
    }
}
