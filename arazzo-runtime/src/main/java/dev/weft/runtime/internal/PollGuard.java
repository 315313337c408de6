package dev.weft.runtime.internal;

import dev.weft.runtime.PollPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts a run's step visits and retries and decides, by the poll policy, how long a visit waits or why it fails;
 * public so that a durable engine can run the same rules in its own workflow code ({@link #counters()} to keep,
 * {@link #PollGuard(PollPolicy, RunCounters)} to go on).
 */
public final class PollGuard {

    /**
     * The verdict on a visit.
     *
     * @param delay the wait before the step runs
     * @param loop whether the visit is a loop iteration (not a first visit, not a retry)
     * @param limit why the run must stop, or {@code null}
     */
    public record Visit(Duration delay, boolean loop, String limit) {}

    private final PollPolicy policy;
    private final Map<String, Integer> visits = new HashMap<>();
    private final Map<String, Integer> retriesUsed = new HashMap<>();
    private int stepExecutions;
    private int loopIterations;
    private String retryingStep;
    private Duration retryDelay = Duration.ZERO;

    PollGuard(PollPolicy policy) {
        this.policy = policy;
    }

    /**
     * A guard that goes on from counters an earlier guard (perhaps in another process) reported.
     *
     * @param policy the run's poll policy
     * @param counters the counters so far
     */
    public PollGuard(PollPolicy policy, RunCounters counters) {
        this.policy = Objects.requireNonNull(policy, "policy");
        visits.putAll(counters.visits());
        retriesUsed.putAll(counters.retriesUsed());
        stepExecutions = counters.stepExecutions();
        loopIterations = counters.loopIterations();
        retryingStep = counters.retryingStep();
        retryDelay = Duration.ofNanos(counters.retryDelayNanos());
    }

    /** @return the counters so far, to go on from with {@link #PollGuard(PollPolicy, RunCounters)} */
    public RunCounters counters() {
        return new RunCounters(
                visits, retriesUsed, stepExecutions, loopIterations, retryingStep, Durations.toNanos(retryDelay));
    }

    PollPolicy policy() {
        return policy;
    }

    /**
     * @param stepId a step
     * @return how often it was entered
     */
    public int attempt(String stepId) {
        return visits.getOrDefault(stepId, 0);
    }

    int stepExecutions() {
        return stepExecutions;
    }

    /** @return the loop iterations (revisits) so far */
    public int loopIterations() {
        return loopIterations;
    }

    /**
     * Records a visit of a step.
     *
     * @param stepId the step
     * @param elapsed the time since the run started
     * @return how long to wait before the step, or why the run must stop
     */
    public Visit visit(String stepId, Duration elapsed) {
        int n = visits.merge(stepId, 1, Integer::sum);
        stepExecutions++;
        if (stepId.equals(retryingStep)) {
            retryingStep = null;
            if (Durations.plus(elapsed, retryDelay).compareTo(policy.deadline()) > 0) {
                return new Visit(
                        retryDelay,
                        false,
                        "deadline " + policy.deadline() + " would pass during the retry delay " + retryDelay
                                + " at step '" + stepId + "'");
            }
            return new Visit(retryDelay, false, null);
        }
        // a new visit of the step: its retry budgets start afresh
        if (!retriesUsed.isEmpty()) {
            String prefix = stepId + "\u0000";
            retriesUsed.keySet().removeIf(key -> key.startsWith(prefix));
        }
        if (n == 1) {
            return new Visit(Duration.ZERO, false, null);
        }
        loopIterations++;
        if (loopIterations > policy.maxIterations()) {
            return new Visit(
                    Duration.ZERO,
                    true,
                    "poll iteration limit " + policy.maxIterations() + " reached at step '" + stepId + "'");
        }
        if (elapsed.compareTo(policy.deadline()) > 0) {
            return new Visit(
                    Duration.ZERO,
                    true,
                    "deadline " + policy.deadline() + " exceeded at step '" + stepId + "' (loop iteration "
                            + loopIterations + ")");
        }
        Duration delay = policy.delayBeforeIteration(n - 1);
        if (Durations.plus(elapsed, delay).compareTo(policy.deadline()) > 0) {
            // waiting only to fail afterwards helps nobody
            return new Visit(
                    Duration.ZERO,
                    true,
                    "deadline " + policy.deadline() + " would pass during the poll delay " + delay + " at step '"
                            + stepId + "' (loop iteration " + loopIterations + ")");
        }
        return new Visit(delay, true, null);
    }

    /**
     * Spends one retry of an action on a step, unless its budget is used up.
     *
     * @return which retry this is, 1-based, or 0 when the budget is spent
     */
    int retry(String stepId, String actionName, long retryLimit, Duration delay) {
        String key = stepId + "\u0000" + actionName;
        int used = retriesUsed.getOrDefault(key, 0);
        if (used >= retryLimit) {
            return 0;
        }
        retriesUsed.put(key, used + 1);
        retryingStep = stepId;
        retryDelay = Durations.clampWait(delay);
        return used + 1;
    }

    /** Spends the rest of an action's retry budget and drops its pending retry. */
    void exhaust(String stepId, String actionName) {
        retriesUsed.put(stepId + "\u0000" + actionName, Integer.MAX_VALUE);
        if (stepId.equals(retryingStep)) {
            retryingStep = null;
        }
    }
}
