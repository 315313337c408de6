package dev.weft.runtime.internal;

import java.util.Objects;

/**
 * A {@code retry} failure action of one step, for generated code: built once, as a constant of the
 * generated class, and passed to {@link WorkflowRun#retry(RetryAction, Exchange)}.
 */
public final class RetryAction {
    private final String stepId;
    private final String name;
    private final long retryLimit;
    private final double retryAfterSeconds;

    private RetryAction(String stepId, String name, long retryLimit, double retryAfterSeconds) {
        this.stepId = Objects.requireNonNull(stepId, "stepId");
        this.name = Objects.requireNonNull(name, "name");
        this.retryLimit = retryLimit;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * The action with the defaults of a document that gives neither {@code retryLimit} nor {@code retryAfter}:
     * one more attempt, at once (or after the response's {@code Retry-After}).
     *
     * @param stepId the failed step
     * @param name the action's name
     * @return the action
     */
    public static RetryAction of(String stepId, String name) {
        return new RetryAction(stepId, name, 1, 0);
    }

    /**
     * @param limit the action's {@code retryLimit}: how many more attempts it allows
     * @return this action with that limit
     */
    public RetryAction limit(long limit) {
        return new RetryAction(stepId, name, limit, retryAfterSeconds);
    }

    /**
     * @param seconds the action's {@code retryAfter}, used when the response has no {@code Retry-After}
     * @return this action with that delay
     */
    public RetryAction afterSeconds(double seconds) {
        return new RetryAction(stepId, name, retryLimit, seconds);
    }

    /** @return the failed step */
    public String stepId() {
        return stepId;
    }

    /** @return the action's name */
    public String name() {
        return name;
    }

    /** @return the action's {@code retryLimit} */
    public long retryLimit() {
        return retryLimit;
    }

    /** @return the action's {@code retryAfter}, in seconds */
    public double retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public String toString() {
        return "RetryAction[" + stepId + "." + name + ", limit " + retryLimit + ", after " + retryAfterSeconds + " s]";
    }
}
