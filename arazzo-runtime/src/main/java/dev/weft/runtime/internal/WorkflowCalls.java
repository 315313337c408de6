package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.WorkflowException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A run's calls of other workflows (workflow steps, {@code goto} a workflow, {@code dependsOn}): the record of
 * completed runs that {@code $workflows} expressions read, shared with the runs it calls, and how deep the calls
 * are nested, which {@link #MAX_DEPTH} bounds.
 */
final class WorkflowCalls {

    /**
     * How many runs may be nested, the top-level run included: a workflow that calls itself, or a cycle of
     * {@code goto} actions between workflows, fails with a {@link WorkflowException} at this depth rather than
     * with a {@link StackOverflowError} or by running forever.
     */
    static final int MAX_DEPTH = 64;

    private final WorkflowRun run;
    /** Shared by a top-level run and every run it calls. */
    private final RunFamily family;
    /** 1 for a top-level run, 2 for a run it calls, and so on. */
    private final int depth;
    /** The step {@code timeout} of the call starting now, which the callee's {@link #childCancellation()} takes. */
    private Duration pendingTimeout;
    /** The timed child the call starting now created, or {@code null}. */
    private Timed armed;

    /** A called run bounded by a step {@code timeout}: its own cancellation, and the timer that cancels it. */
    private record Timed(Cancellation cancellation, CompletableFuture<Void> timer) {}

    WorkflowCalls(WorkflowRun run, RunFamily family, int depth) {
        this.run = run;
        this.family = family;
        this.depth = depth;
    }

    RunFamily family() {
        return family;
    }

    int depth() {
        return depth;
    }

    /**
     * Checks that a call from this run may nest one run deeper.
     *
     * @param calleeId the called workflow
     * @throws WorkflowException if the call would nest runs past {@link #MAX_DEPTH}
     */
    void checkDepth(String calleeId) {
        if (depth >= MAX_DEPTH) {
            throw run.failures()
                    .error(
                            null,
                            "calling workflow '" + calleeId + "' would nest more than " + MAX_DEPTH
                                    + " workflow runs (a workflow that calls itself, or a cycle of workflow"
                                    + " steps or goto actions, without an end)",
                            null);
        }
    }

    void completed(String completedWorkflowId, JsonNode inputs, JsonNode outputs) {
        family.completed(completedWorkflowId, inputs, outputs);
        if (completedWorkflowId.equals(run.workflowId())) {
            run.events().finished();
        }
    }

    /**
     * The cancellation of a run this one calls: this run's, or, when the call has a step {@code timeout}, a child
     * of it that a wall-clock timer cancels once the timeout passes, ending the called run's request in flight or
     * its wait (as the transport's timeouts, the timer measures real time, whatever the run's clock).
     */
    Cancellation childCancellation() {
        Duration timeout = pendingTimeout;
        pendingTimeout = null;
        if (timeout == null) {
            return run.cancellation();
        }
        Cancellation child = run.cancellation().child();
        CompletableFuture<Void> timer = CompletableFuture.runAsync(
                child::timeOut, CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS));
        armed = new Timed(child, timer);
        return child;
    }

    /**
     * Calls another workflow for a step with a 1.1 {@code timeout}: the called run gets at most that long, its
     * requests and waits included; past it the call fails with a {@link StepTimeoutException} as cause, which
     * the step's failure actions see, as an operation step's timeout.
     */
    WorkflowCall call(String stepId, long timeoutMillis, Supplier<ObjectNode> callee) {
        Duration timeout = Duration.ofMillis(timeoutMillis);
        pendingTimeout = timeout;
        armed = null;
        WorkflowCall outcome = null;
        CancellationException cancel = null;
        try {
            outcome = call(stepId, callee);
        } catch (CancellationException e) {
            cancel = e;
        }
        Timed timed = disarm();
        if (timed != null && timed.cancellation().hasTimedOut() && !run.isCancelled()) {
            return timedOut(stepId, timeout);
        }
        if (cancel != null) {
            throw cancel;
        }
        return outcome;
    }

    /** Like {@link #call(String, long, Supplier)}, without blocking. */
    CompletableFuture<WorkflowCall> callAsync(
            String stepId, long timeoutMillis, Supplier<CompletableFuture<ObjectNode>> callee) {
        Duration timeout = Duration.ofMillis(timeoutMillis);
        pendingTimeout = timeout;
        armed = null;
        CompletableFuture<WorkflowCall> outcome = callAsync(stepId, callee);
        pendingTimeout = null;
        Timed timed = armed;
        armed = null;
        if (timed == null) {
            return outcome;
        }
        return outcome.handle((call, failure) -> {
            release(timed);
            if (timed.cancellation().hasTimedOut() && !run.isCancelled()) {
                return timedOut(stepId, timeout);
            }
            if (failure != null) {
                Throwable cause = StepSender.unwrap(failure);
                throw cause instanceof RuntimeException e ? e : new CompletionException(cause);
            }
            return call;
        });
    }

    private Timed disarm() {
        pendingTimeout = null;
        Timed timed = armed;
        armed = null;
        if (timed != null) {
            release(timed);
        }
        return timed;
    }

    private void release(Timed timed) {
        timed.timer().cancel(false);
        run.cancellation().release(timed.cancellation());
    }

    private WorkflowCall timedOut(String stepId, Duration timeout) {
        StepTimeoutException late = new StepTimeoutException(stepId, timeout);
        return new WorkflowCall(Values.object(), run.failures().error(stepId, late.getMessage(), late));
    }

    WorkflowCall call(String stepId, Supplier<ObjectNode> callee) {
        run.stepInProgress(stepId);
        try {
            return new WorkflowCall(callee.get(), null);
        } catch (WorkflowException e) {
            return new WorkflowCall(Values.object(), e);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            return new WorkflowCall(Values.object(), calleeFailed(stepId, e.getMessage(), e));
        } finally {
            // the called workflow's run had the scope: the step's handler is this run's again
            RunScope.enter(run);
        }
    }

    CompletableFuture<WorkflowCall> callAsync(String stepId, Supplier<CompletableFuture<ObjectNode>> callee) {
        run.stepInProgress(stepId);
        Cancellation cancellation = run.cancellation();
        CompletableFuture<ObjectNode> started;
        try {
            started = callee.get();
        } catch (RuntimeException e) {
            return cancellation.completed(
                    call(stepId, () -> {
                        throw e;
                    }),
                    run);
        }
        // a future of this run, not of the called one: the step's handler runs in this run's scope
        return cancellation.link(started, run).handle((outputs, failure) -> {
            if (failure == null) {
                return new WorkflowCall(outputs, null);
            }
            Throwable cause = StepSender.unwrap(failure);
            if (cause instanceof CancellationException cancel) {
                throw cancel;
            }
            return cause instanceof WorkflowException e
                    ? new WorkflowCall(Values.object(), e)
                    : new WorkflowCall(Values.object(), calleeFailed(stepId, String.valueOf(cause), cause));
        });
    }

    private WorkflowException calleeFailed(String stepId, String why, Throwable cause) {
        return run.failures().error(stepId, "the called workflow failed: " + why, cause);
    }
}
