package dev.weft.temporal.internal;

import dev.weft.runtime.PollPolicy;
import java.util.List;
import java.util.Objects;

/**
 * A durable run's settings, read from the worker once when the run starts and recorded in its history (so that a
 * replay on a worker configured otherwise takes the same decisions), then carried across continue-as-new.
 *
 * @param pollPolicy the poll policy of the worker's client: delays, iteration cap, deadline
 * @param requestTimeoutMillis the longer of the client's request and receive timeouts, which bounds the activity of
 *     each step without a timeout of its own
 * @param historyLimit the history length (events) past which a run continues as new
 * @param activityAttempts how often a step's activity is attempted when its transport fails or its worker is lost
 * @param resendable the steps ({@code workflowId + "." + stepId}) whose non-idempotent requests the user allows
 *     to be sent again after an attempt that did not finish
 */
public record RunSettings(
        PollPolicy pollPolicy,
        long requestTimeoutMillis,
        long historyLimit,
        int activityAttempts,
        List<String> resendable) {

    /** Validates the settings. */
    public RunSettings {
        Objects.requireNonNull(pollPolicy, "pollPolicy");
        resendable = List.copyOf(resendable == null ? List.of() : resendable);
        if (historyLimit < 100) {
            throw new IllegalArgumentException("historyLimit must be at least 100 events, was " + historyLimit);
        }
        if (activityAttempts < 1) {
            throw new IllegalArgumentException("activityAttempts must be at least 1, was " + activityAttempts);
        }
    }

    /**
     * @param workflowId a workflow
     * @param stepId one of its steps
     * @return whether the user allows the step's request to be sent again though it is not idempotent
     */
    public boolean mayResend(String workflowId, String stepId) {
        return resendable.contains(workflowId + "." + stepId);
    }
}
