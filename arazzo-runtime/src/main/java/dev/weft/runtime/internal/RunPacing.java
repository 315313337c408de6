package dev.weft.runtime.internal;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Paces a run's step visits by its {@link PollPolicy}: a first visit never waits, a revisit (a loop iteration)
 * waits its delay, or fails the run when a limit or the deadline is reached; a cancel ends a wait at once.
 */
final class RunPacing {

    /** The JDK's default asynchronous pool, where waits complete unless the client names an executor. */
    private static final Executor JDK_ASYNC = new CompletableFuture<Void>().defaultExecutor();

    private final WorkflowRun run;
    private final ArazzoClient client;
    private final PollGuard guard;

    RunPacing(WorkflowRun run, ArazzoClient client, PollGuard guard) {
        this.run = run;
        this.client = client;
        this.guard = guard;
    }

    void enterStep(String stepId) {
        Cancellation cancellation = run.cancellation();
        if (cancellation.isCancelled()) {
            throw run.cancelled();
        }
        Duration delay = visit(stepId);
        if (!delay.isZero()) {
            try {
                cancellation.block();
                try {
                    run.clock().sleep(delay);
                } finally {
                    cancellation.unblock();
                }
            } catch (CancellationException e) {
                throw run.cancelled();
            } catch (InterruptedException e) {
                if (cancellation.isCancelled()) {
                    throw run.cancelled();
                }
                Thread.currentThread().interrupt();
                throw run.events()
                        .failed(run.failures()
                                .error(
                                        stepId,
                                        "interrupted while waiting " + delay + " before step '" + stepId + "'",
                                        e));
            }
        }
        run.events().stepStarted(stepId, guard.attempt(stepId));
    }

    CompletableFuture<Void> enterStepAsync(String stepId) {
        Cancellation cancellation = run.cancellation();
        if (cancellation.isCancelled()) {
            return cancellation.failed(run.cancelled(), run);
        }
        Duration delay;
        try {
            delay = visit(stepId);
        } catch (WorkflowException e) {
            return cancellation.failed(e, run);
        }
        int attempt = guard.attempt(stepId);
        CompletableFuture<Void> waited = delay.isZero()
                ? cancellation.completed(null, run)
                : cancellation.link(
                        cancellation.track(
                                run.clock().delay(delay, client.executor().orElse(JDK_ASYNC))),
                        run);
        return waited.handle((done, failure) -> {
            if (failure != null || cancellation.isCancelled()) {
                throw run.cancelled();
            }
            run.events().stepStarted(stepId, attempt);
            return null;
        });
    }

    /**
     * Fails at once if the run was cancelled or its deadline passed, for long work inside a step.
     *
     * @param failure builds the failure from the reason
     */
    void checkLimits(Function<String, WorkflowException> failure) {
        if (run.cancellation().isCancelled()) {
            throw run.cancelled();
        }
        Duration deadline = guard.policy().deadline();
        if (run.elapsed().compareTo(deadline) > 0) {
            throw failure.apply("stopped: the run's deadline " + deadline + " passed");
        }
    }

    private Duration visit(String stepId) {
        RunEvents events = run.events();
        events.stepFollowed(stepId);
        PollGuard.Visit visit = guard.visit(stepId, run.elapsed());
        if (visit.limit() != null) {
            throw events.failed(run.failures().error(stepId, visit.limit(), null));
        }
        if (visit.loop()) {
            events.pollWaiting(stepId, guard.attempt(stepId), guard.loopIterations(), visit.delay());
        }
        return visit.delay();
    }
}
