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

    /** A future of {@code owner} completed like {@code source}. */
    <T> CompletableFuture<T> link(CompletableFuture<T> source, WorkflowRun owner) {
        RunFuture<T> linked = new RunFuture<>(this, owner);
        source.whenComplete((value, failure) -> {
            if (failure == null) {
                linked.complete(value);
            } else {
                linked.relay(failure);
            }
        });
        return linked;
    }

    <T> CompletableFuture<T> completed(T value, WorkflowRun owner) {
        RunFuture<T> future = new RunFuture<>(this, owner);
        future.complete(value);
        return future;
    }

    <T> CompletableFuture<T> failed(Throwable failure, WorkflowRun owner) {
        RunFuture<T> future = new RunFuture<>(this, owner);
        future.relay(failure);
        return future;
    }

    /**
     * A future of a run whose cancellation cancels the run, whose dependents are run futures too, and whose
     * {@code thenApply} functions (generated step handlers) run in the run's {@link RunScope}.
     */
    static final class RunFuture<T> extends CompletableFuture<T> {

        private final Cancellation cancellation;
        private final WorkflowRun owner;

        RunFuture(Cancellation cancellation, WorkflowRun owner) {
            this.cancellation = cancellation;
            this.owner = owner;
        }

        @Override
        public <U> CompletableFuture<U> newIncompleteFuture() {
            return new RunFuture<>(cancellation, owner);
        }

        @Override
        public <U> CompletableFuture<U> thenApply(java.util.function.Function<? super T, ? extends U> function) {
            WorkflowRun run = owner;
            return super.thenApply(value -> RunScope.apply(run, function, value));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean done = super.cancel(mayInterruptIfRunning);
            if (done) {
                cancelRun();
            }
            return done;
        }

        /** Completing a run's future from outside (e.g. {@code orTimeout}) gives up on the run: cancel it. */
        @Override
        public boolean completeExceptionally(Throwable failure) {
            boolean done = super.completeExceptionally(failure);
            if (done) {
                cancelRun();
            }
            return done;
        }

        /** Cancels the run and reports it failed: the handlers that would have reported it no longer run. */
        private void cancelRun() {
            cancellation.cancel();
            if (owner != null) {
                owner.cancel();
            }
        }

        private void relay(Throwable failure) {
            super.completeExceptionally(failure);
        }
    }
}
