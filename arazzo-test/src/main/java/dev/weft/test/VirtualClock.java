package dev.weft.test;

import dev.weft.runtime.RunClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link RunClock} whose time moves only when a run waits on it, and then at once by the whole wait: poll delays,
 * {@code retryAfter} and {@code Retry-After} cost no wall time, and a run's deadline is reached after the waits that
 * would reach it. It keeps every wait for assertions. Thread-safe; runs that share it share one time line.
 */
public final class VirtualClock implements RunClock {

    /** Where the time line starts unless told otherwise: a fixed instant, so that tests do not depend on today. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private final Instant start;
    private final AtomicLong nanos = new AtomicLong();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    /** Creates a clock at {@link #DEFAULT_START}. */
    public VirtualClock() {
        this(DEFAULT_START);
    }

    /**
     * Creates a clock at an instant, against which an HTTP-date {@code Retry-After} is measured.
     *
     * @param start the clock's first instant
     */
    public VirtualClock(Instant start) {
        this.start = Objects.requireNonNull(start, "start");
    }

    /**
     * Moves the time on without a wait, e.g. to pass a deadline.
     *
     * @param duration how far, not negative
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock does not go back: " + duration);
        }
        long step = duration.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L - 1 ? Long.MAX_VALUE : duration.toNanos();
        // saturate: waits of a century each must not wrap the time line round
        nanos.accumulateAndGet(step, (now, by) -> now > Long.MAX_VALUE - by ? Long.MAX_VALUE : now + by);
    }

    /** @return the waits runs took on this clock, in order */
    public List<Duration> waits() {
        return List.copyOf(waits);
    }

    /** @return the sum of the waits */
    public Duration totalWaited() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** @return the time since the clock started, waits and advances included */
    public Duration elapsed() {
        return Duration.ofNanos(nanos.get());
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public Instant instant() {
        return start.plusNanos(nanos.get());
    }

    @Override
    public void sleep(Duration delay) {
        waits.add(delay);
        advance(delay);
    }

    /** Completes on {@code executor} without waiting, so that a long asynchronous loop does not deepen the stack. */
    @Override
    public CompletableFuture<Void> delay(Duration delay, Executor executor) {
        sleep(delay);
        return CompletableFuture.runAsync(() -> {}, executor);
    }

    @Override
    public String toString() {
        return "VirtualClock[at " + instant() + ", " + waits.size() + " waits]";
    }
}
