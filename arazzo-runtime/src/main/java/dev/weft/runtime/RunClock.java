package dev.weft.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The time source of workflow runs and the way they wait: what a run's deadline and elapsed times are measured by,
 * and what a poll delay, a {@code retryAfter} or a {@code Retry-After} wait sleeps on.
 *
 * <p>{@link #SYSTEM} is the default. A test sets a virtual clock ({@link ArazzoClient.Builder#clock(RunClock)}), so
 * that waits advance its time instead of the wall clock's and a poll loop runs at once. The transport's own timeouts
 * (connect, request, a slowly sent body) stay on the wall clock: they guard a real socket. Implementations must be
 * thread-safe.
 */
public interface RunClock {

    /** The JDK's clocks, {@code Thread.sleep} and {@code CompletableFuture.delayedExecutor}. */
    RunClock SYSTEM = new RunClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Instant instant() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration delay) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos(delay));
        }

        @Override
        public CompletableFuture<Void> delay(Duration delay, Executor executor) {
            return CompletableFuture.runAsync(
                    () -> {}, CompletableFuture.delayedExecutor(nanos(delay), TimeUnit.NANOSECONDS, executor));
        }

        @Override
        public String toString() {
            return "RunClock.SYSTEM";
        }
    };

    /**
     * Returns a monotonic time in nanoseconds, as {@link System#nanoTime()} does: only differences mean anything.
     *
     * @return the time
     */
    long nanoTime();

    /**
     * Returns the current instant, against which an HTTP-date {@code Retry-After} is measured.
     *
     * @return the instant
     */
    Instant instant();

    /**
     * Waits, blocking the calling thread: a poll delay or a retry's wait of a blocking run.
     *
     * @param delay the wait, positive and at most about 100 years
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration delay) throws InterruptedException;

    /**
     * Waits without blocking a thread: a poll delay or a retry's wait of an asynchronous run.
     *
     * @param delay the wait, positive and at most about 100 years
     * @param executor where the future completes: the client's executor, or the JDK's default asynchronous pool
     * @return a future completed once the wait is over; cancelling it may end the wait early
     */
    CompletableFuture<Void> delay(Duration delay, Executor executor);

    /** A wait in nanoseconds, saturated: a duration of centuries does not overflow. */
    private static long nanos(Duration delay) {
        return delay.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L - 1 ? Long.MAX_VALUE : delay.toNanos();
    }
}
