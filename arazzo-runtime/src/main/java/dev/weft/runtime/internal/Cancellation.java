package dev.weft.runtime.internal;

import java.util.HashSet;
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
 * completing it exceptionally (as {@code orTimeout} does), cancels the run. A thread blocked in a run's request
 * or poll wait is registered with {@link #block()} and interrupted by a cancel, which the JDK's client answers by
 * aborting the exchange.
 */
final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    /** The threads blocked in a request or a wait of the run; guarded by {@code this}. */
    private final Set<Thread> blocked = new HashSet<>();
    /** The blocked threads a cancel interrupted, whose interrupt {@link #unblock()} takes back; guarded. */
    private final Set<Thread> interrupted = new HashSet<>();
    /** The cancellations of called runs bounded by a step {@code timeout}, which a cancel of this one cancels. */
    private final Set<Cancellation> children = ConcurrentHashMap.newKeySet();
    /** Whether a step {@code timeout} cancelled this run, rather than a cancel of the run or of its caller. */
    private final AtomicBoolean timedOut = new AtomicBoolean();

    boolean isCancelled() {
        return cancelled.get();
    }

    /** Marks the run cancelled and cancels what it waits on (requests in flight, poll delays). */
    void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            pending.forEach(f -> f.cancel(true));
            children.forEach(Cancellation::cancel);
            synchronized (this) {
                for (Thread thread : blocked) {
                    interrupted.add(thread);
                    thread.interrupt();
                }
            }
        }
    }

    /**
     * The cancellation of a called run that a step {@code timeout} bounds: cancelled with this one, and on its own
     * by {@link #timeOut()}, which does not cancel this one. {@link #release(Cancellation)} ends the link.
     */
    Cancellation child() {
        Cancellation child = new Cancellation();
        children.add(child);
        if (cancelled.get()) {
            child.cancel();
        }
        return child;
    }

    /** Ends the link {@link #child()} made, once the called run is over. */
    void release(Cancellation child) {
        children.remove(child);
    }

    /** A step {@code timeout} passed: cancels this run (a called one) and remembers why. */
    void timeOut() {
        timedOut.set(true);
        cancel();
    }

    /** @return whether {@link #timeOut()} cancelled this run */
    boolean hasTimedOut() {
        return timedOut.get();
    }

    /**
     * Registers the calling thread as blocked in the run until {@link #unblock()}, so that a cancel interrupts it.
     *
     * @throws CancellationException if the run is cancelled already (the thread is then not registered)
     */
    void block() {
        Thread thread = Thread.currentThread();
        synchronized (this) {
            blocked.add(thread);
        }
        // after registering: a cancel before it set the flag, a cancel after it sees the thread
        if (cancelled.get()) {
            unblock();
            throw exception();
        }
    }

    /**
     * Ends {@link #block()}; clears an interrupt a cancel sent that the blocking call did not consume, so that it
     * never reaches the caller's later work.
     */
    void unblock() {
        Thread thread = Thread.currentThread();
        synchronized (this) {
            blocked.remove(thread);
            if (interrupted.remove(thread)) {
                Thread.interrupted();
            }
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
