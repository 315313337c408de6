package dev.weft.runtime.internal;

import dev.weft.runtime.RunClock;
import java.time.Duration;

/**
 * Decides a run's {@code retry} failure actions (CHECKLIST §4): {@code retryLimit} extra attempts per action and
 * visit of a step, budgets reset when the step is entered anew, not by a retry; the wait before the retry is the
 * response's {@code Retry-After} (seconds or HTTP date), else the action's {@code retryAfter}.
 */
final class Retries {

    private final WorkflowRun run;
    private final PollGuard guard;
    /** The run's clock: an HTTP-date {@code Retry-After} is a wait from its now. */
    private final RunClock clock;

    Retries(WorkflowRun run, PollGuard guard, RunClock clock) {
        this.run = run;
        this.guard = guard;
        this.clock = clock;
    }

    /**
     * Spends one retry of an action, unless its budget is used up, and schedules the wait the next visit of the
     * step makes.
     *
     * @param exchange the failed exchange, for its {@code Retry-After} header; {@code null} for a workflow step
     * @return whether to run the step again
     */
    boolean retry(String stepId, String actionName, long retryLimit, double retryAfterSeconds, Exchange exchange) {
        String header = exchange == null
                ? null
                : exchange.result().header("Retry-After").orElse(null);
        Duration delay =
                RetryAfter.parse(header, clock.instant()).orElseGet(() -> Durations.ofSeconds(retryAfterSeconds));
        int retry = guard.retry(stepId, actionName, retryLimit, delay);
        if (retry == 0) {
            return false;
        }
        run.events().retryScheduled(stepId, guard.attempt(stepId), actionName, retry, retryLimit, delay);
        return true;
    }

    /**
     * Spends the rest of an action's budget and drops the pending retry: the step or workflow the action runs
     * first failed, so the action counts as exhausted and the step's failure actions are chosen again from the top.
     */
    void exhaust(String stepId, String actionName) {
        guard.exhaust(stepId, actionName);
    }
}
