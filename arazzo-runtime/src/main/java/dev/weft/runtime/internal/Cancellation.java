package dev.weft.runtime.internal;

import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether a run (and the runs it calls) was cancelled, and the futures it waits on, which a cancel cancels.
 *
 * <p>The futures a run hands to generated code are {@link RunFuture}s: every future derived from one
 * ({@code thenCompose}, {@code thenApply} …) is one too, so cancelling the future {@code runAsync} returns, or
 * completing it exceptionally (as {@code orTimeout} does), cancels the run.
 */
final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();

    boolean isCancelled() {
        return cancelled.get();
    }

    /** Marks the run cancelled and cancels what it waits on (requests in flight, poll delays). */
    void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            pending.forEach(f -> f.cancel(true));
        }
    }

    /** Makes a cancel of the run cancel this future too, until it completes. */
    <T> CompletableFuture<T> track(CompletableFuture<T> future) {
        pending.add(future);
        future.whenComplete((r, e) -> pending.remove(future));
        if (cancelled.get()) {
            future.cancel(true);
        }
        return future;
    }

    CancellationException exception() {
        return new CancellationException("the workflow run was cancelled");
    }

    /** A run future completed like {@code source}. */
    <T> CompletableFuture<T> link(CompletableFuture<T> source) {
        RunFuture<T> linked = new RunFuture<>(this);
        source.whenComplete((value, failure) -> {
            if (failure == null) {
                linked.complete(value);
            } else {
                linked.relay(failure);
            }
        });
        return linked;
    }

    <T> CompletableFuture<T> completed(T value) {
        RunFuture<T> future = new RunFuture<>(this);
        future.complete(value);
        return future;
    }

    <T> CompletableFuture<T> failed(Throwable failure) {
        RunFuture<T> future = new RunFuture<>(this);
        future.relay(failure);
        return future;
    }

    /** A future of a run whose cancellation cancels the run, and whose dependents are run futures too. */
    static final class RunFuture<T> extends CompletableFuture<T> {

        private final Cancellation cancellation;

        RunFuture(Cancellation cancellation) {
            this.cancellation = cancellation;
        }

        @Override
        public <U> CompletableFuture<U> newIncompleteFuture() {
            return new RunFuture<>(cancellation);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean done = super.cancel(mayInterruptIfRunning);
            if (done) {
                cancellation.cancel();
            }
            return done;
        }

        /** Completing a run's future from outside (e.g. {@code orTimeout}) gives up on the run: cancel it. */
        @Override
        public boolean completeExceptionally(Throwable failure) {
            boolean done = super.completeExceptionally(failure);
            if (done) {
                cancellation.cancel();
            }
            return done;
        }

        private void relay(Throwable failure) {
            super.completeExceptionally(failure);
        }
    }
}
