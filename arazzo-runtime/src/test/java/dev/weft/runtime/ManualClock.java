package dev.weft.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link RunClock} whose time moves only when a run waits on it, by the wait; it records the waits. */
public final class ManualClock implements RunClock {

    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicLong nanos = new AtomicLong();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    /** @return the waits so far, in order */
    public List<Duration> waits() {
        return waits;
    }

    /** @param duration how far to move the time without a wait */
    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public Instant instant() {
        return EPOCH.plusNanos(nanos.get());
    }

    @Override
    public void sleep(Duration delay) {
        waits.add(delay);
        advance(delay);
    }

    @Override
    public CompletableFuture<Void> delay(Duration delay, Executor executor) {
        sleep(delay);
        return CompletableFuture.runAsync(() -> {}, executor);
    }
}
