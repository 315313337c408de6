package dev.weft.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits that guard workflow loops: the wait between iterations (with backoff and a ceiling),
 * the most loop iterations a run may make, and the deadline of a run.
 *
 * @param initialDelay wait before the first repeat of a step
 * @param backoffMultiplier factor applied to the wait for every further repeat, at least 1
 * @param maxDelay ceiling of the wait
 * @param maxIterations most loop iterations (revisits of steps) in one run, at least 1
 * @param deadline longest time a run may loop, measured from its start; no request outlives it either (its
 *     timeout is cut to the time left), and a retry whose delay would pass it fails at once
 */
public record PollPolicy(
        Duration initialDelay, double backoffMultiplier, Duration maxDelay, int maxIterations, Duration deadline) {

    private static final double NANOS_PER_SECOND = 1e9;

    /** Validates the components. */
    public PollPolicy {
        requireNonNegative("initialDelay", initialDelay);
        requireNonNegative("maxDelay", maxDelay);
        requireNonNegative("deadline", deadline);
        // written so that NaN fails too
        if (!(backoffMultiplier >= 1.0) || Double.isInfinite(backoffMultiplier)) {
            throw new IllegalArgumentException(
                    "backoffMultiplier must be a finite number >= 1, was " + backoffMultiplier);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, was " + maxIterations);
        }
    }

    /**
     * The default policy: 1 s, then ×1.5 per iteration up to 10 s, at most 1000 iterations and 15 minutes.
     *
     * @return the default policy
     */
    public static PollPolicy defaults() {
        return new PollPolicy(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(10), 1000, Duration.ofMinutes(15));
    }

    /**
     * A policy that never waits (for tests and measurements), with the default iteration and time limits.
     *
     * @return the policy
     */
    public static PollPolicy noDelay() {
        return new PollPolicy(Duration.ZERO, 1.0, Duration.ZERO, 1000, Duration.ofMinutes(15));
    }

    /**
     * Returns a copy with another initial delay.
     *
     * @param value the initial delay
     * @return the new policy
     */
    public PollPolicy withInitialDelay(Duration value) {
        return new PollPolicy(value, backoffMultiplier, maxDelay, maxIterations, deadline);
    }

    /**
     * Returns a copy with another backoff multiplier.
     *
     * @param value the multiplier, at least 1
     * @return the new policy
     */
    public PollPolicy withBackoffMultiplier(double value) {
        return new PollPolicy(initialDelay, value, maxDelay, maxIterations, deadline);
    }

    /**
     * Returns a copy with another delay ceiling.
     *
     * @param value the ceiling
     * @return the new policy
     */
    public PollPolicy withMaxDelay(Duration value) {
        return new PollPolicy(initialDelay, backoffMultiplier, value, maxIterations, deadline);
    }

    /**
     * Returns a copy with another iteration limit.
     *
     * @param value the limit, at least 1
     * @return the new policy
     */
    public PollPolicy withMaxIterations(int value) {
        return new PollPolicy(initialDelay, backoffMultiplier, maxDelay, value, deadline);
    }

    /**
     * Returns a copy with another deadline.
     *
     * @param value the deadline
     * @return the new policy
     */
    public PollPolicy withDeadline(Duration value) {
        return new PollPolicy(initialDelay, backoffMultiplier, maxDelay, maxIterations, value);
    }

    /**
     * The wait before the {@code n}-th repeat of a loop: {@code initialDelay × multiplier^(n-1)}, capped at
     * {@code maxDelay}.
     *
     * @param n the repeat, 1 for the first
     * @return the wait
     */
    public Duration delayBeforeIteration(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("iteration must be >= 1, was " + n);
        }
        if (initialDelay.isZero()) {
            return Duration.ZERO; // no delay, whatever the multiplier
        }
        // in double nanoseconds, so large exponents saturate instead of overflowing
        double scaled = nanos(initialDelay) * Math.pow(backoffMultiplier, n - 1);
        if (scaled >= nanos(maxDelay)) {
            return maxDelay;
        }
        if (scaled >= Long.MAX_VALUE) {
            return Duration.ofSeconds((long) (scaled / NANOS_PER_SECOND));
        }
        return Duration.ofNanos((long) scaled);
    }

    private static double nanos(Duration d) {
        return d.getSeconds() * NANOS_PER_SECOND + d.getNano();
    }

    private static void requireNonNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
