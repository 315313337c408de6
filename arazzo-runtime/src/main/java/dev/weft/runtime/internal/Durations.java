package dev.weft.runtime.internal;

import java.time.Duration;

/**
 * Saturating arithmetic on the durations a run meets: delays and timeouts from servers ({@code Retry-After}),
 * documents ({@code retryAfter}) and users (the poll policy), so that none can overflow into an exception.
 */
final class Durations {

    /**
     * The longest wait a server or a document can ask for: about 100 years, far past any deadline, yet small
     * enough that nanoseconds and sums with the time elapsed stay within a {@code long}.
     */
    static final Duration MAX_WAIT = Duration.ofDays(36_500);

    private static final double NANOS_PER_SECOND = 1e9;

    private Durations() {}

    /**
     * Cuts a wait to {@code [0, MAX_WAIT]}.
     *
     * @param wait the wait, or {@code null}
     * @return the wait, zero for {@code null} or negative, {@link #MAX_WAIT} when longer
     */
    static Duration clampWait(Duration wait) {
        if (wait == null || wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    /**
     * A wait of some seconds, as a document writes it ({@code retryAfter: 0.5}).
     *
     * @param seconds the seconds; NaN and negative mean zero, infinite or huge mean {@link #MAX_WAIT}
     * @return the wait
     */
    static Duration ofSeconds(double seconds) {
        if (!(seconds > 0)) {
            return Duration.ZERO;
        }
        if (seconds >= MAX_WAIT.getSeconds()) {
            return MAX_WAIT;
        }
        return Duration.ofNanos((long) (seconds * NANOS_PER_SECOND));
    }

    /**
     * The sum of two non-negative durations, {@code Long.MAX_VALUE} seconds at most.
     *
     * @param a a duration
     * @param b another
     * @return the sum, saturated
     */
    static Duration plus(Duration a, Duration b) {
        long seconds = a.getSeconds();
        if (b.getSeconds() > Long.MAX_VALUE - 1 - seconds) {
            return Duration.ofSeconds(Long.MAX_VALUE);
        }
        return a.plus(b);
    }

    /**
     * A duration in nanoseconds, {@code Long.MAX_VALUE} at most.
     *
     * @param d a non-negative duration
     * @return the nanoseconds, saturated
     */
    static long toNanos(Duration d) {
        return d.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L - 1 ? Long.MAX_VALUE : d.toNanos();
    }
}
