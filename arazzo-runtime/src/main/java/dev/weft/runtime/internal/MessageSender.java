package dev.weft.runtime.internal;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.messaging.Message;
import dev.weft.runtime.messaging.MessageTransport;
import dev.weft.runtime.messaging.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs the AsyncAPI steps of a run through the client's {@link MessageTransport}: a send completes once the
 * message is sent; a receive completes with the first message on the channel, published since the run started,
 * that matches the step's correlation id, or without one once the step's timeout (else the client's receive
 * timeout, and never beyond the run's deadline) has passed. What does not happen (no transport, a failed send,
 * the timeout) comes back as an exchange without a message, for the step's failure actions.
 */
final class MessageSender {

    private final WorkflowRun run;
    private final ArazzoClient client;
    /** The run's start on the wall clock: a receive considers the messages published since. */
    private final Instant since;
    /** Whether a send goes out: not in a durable engine's later attempt of a step whose first may have sent. */
    private final WorkflowRun.Resume resume;

    /**
     * @param run the run
     * @param client its client
     * @param elapsed how long ago the run started: zero, or the age of a run a durable engine resumes
     * @param resume how the step is sent
     */
    MessageSender(WorkflowRun run, ArazzoClient client, Duration elapsed, WorkflowRun.Resume resume) {
        this.run = run;
        this.client = client;
        this.since = Instant.now().minus(elapsed).minus(client.receiveLookBack());
        this.resume = resume;
    }

    Exchange message(String stepId, Supplier<MessageStep> build) {
        CompletableFuture<Exchange> pending = messageAsync(stepId, build);
        Cancellation cancellation = run.cancellation();
        cancellation.block();
        try {
            return pending.get();
        } catch (InterruptedException e) {
            pending.cancel(true);
            if (cancellation.isCancelled()) {
                throw run.cancelled();
            }
            Thread.currentThread().interrupt();
            throw run.events().failed(run.failures().error(stepId, "interrupted while waiting for a message", e));
        } catch (ExecutionException e) {
            Throwable cause = StepSender.unwrap(e);
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw run.events().failed(run.failures().error(stepId, "message step failed", cause));
        } catch (CancellationException e) {
            throw run.cancelled();
        } finally {
            cancellation.unblock();
            RunScope.enter(run);
        }
    }

    CompletableFuture<Exchange> messageAsync(String stepId, Supplier<MessageStep> build) {
        Cancellation cancellation = run.cancellation();
        if (cancellation.isCancelled()) {
            return cancellation.failed(run.cancelled(), run);
        }
        run.stepInProgress(stepId);
        MessageStep step;
        try {
            step = build.get();
        } catch (AbsentValueException e) {
            return cancellation.failed(
                    run.events().failed(run.failures().error(stepId, e.getMessage() + "; nothing was sent", e)), run);
        }
        MessageTransport transport = client.messageTransport().orElse(null);
        long start = client.clock().nanoTime();
        if (transport == null) {
            WorkflowException error = run.failures()
                    .error(
                            stepId,
                            "no message transport for AsyncAPI source '" + step.sourceName()
                                    + "': configure ArazzoClient.builder().messageTransport(...)",
                            null);
            run.events().messageExchanged(step, start, error);
            return cancellation.completed(Exchange.noMessage(run, step, error), run);
        }
        Duration left = run.policy().deadline().minus(run.elapsed());
        if (left.isNegative() || left.isZero()) {
            return cancellation.failed(
                    run.events()
                            .failed(run.failures()
                                    .error(stepId, "deadline exceeded before AsyncAPI step '" + stepId + "'", null)),
                    run);
        }
        CompletableFuture<Exchange> outcome;
        if (step.action() == MessageStep.Action.SEND && resume == WorkflowRun.Resume.NOT_AGAIN) {
            String reason = "not sent again: an earlier attempt of step '" + stepId + "' did not finish, so its "
                    + "message may have been sent on channel '" + step.channel() + "'";
            return cancellation.completed(
                    Exchange.noMessage(run, step, run.failures().error(stepId, reason, null)), run);
        }
        if (step.action() == MessageStep.Action.SEND) {
            Message message = step.message(Instant.now());
            CompletableFuture<Void> sending = cancellation.track(start(() -> transport.send(message)));
            Duration bound = step.timeout();
            // a 1.1 step timeout bounds a send too: past it the step fails (the transport may still deliver)
            CompletableFuture<Void> sent =
                    bound == null ? sending : sending.copy().orTimeout(Durations.toNanos(bound), TimeUnit.NANOSECONDS);
            outcome = sent.handle((ok, failure) -> {
                if (failure == null) {
                    run.events().messageExchanged(step, start, null);
                    return Exchange.message(run, step, message);
                }
                Throwable cause = StepSender.unwrap(failure);
                if (bound != null && cause instanceof TimeoutException) {
                    sending.cancel(true);
                    StepTimeoutException late = new StepTimeoutException(stepId, bound);
                    late.initCause(cause);
                    cause = late;
                }
                WorkflowException error = run.failures()
                        .error(stepId, "could not send on channel '" + step.channel() + "': " + cause, cause);
                run.events().messageExchanged(step, start, error);
                return Exchange.noMessage(run, step, error);
            });
        } else {
            Duration wanted = step.timeout() != null ? step.timeout() : client.receiveTimeout();
            Duration timeout = wanted.compareTo(left) > 0 ? left : wanted;
            Subscription subscription = new Subscription(stepId, step.channel(), since, timeout, step.filter());
            outcome = cancellation
                    .track(start(() -> transport.receive(subscription)))
                    .handle((message, failure) -> {
                        if (failure == null && message != null) {
                            run.events().messageExchanged(step, start, null);
                            return Exchange.message(run, step, message);
                        }
                        Throwable cause = failure == null ? null : StepSender.unwrap(failure);
                        String reason = cause == null || cause instanceof TimeoutException
                                ? "no message" + (step.correlated() ? " with its correlation id" : "") + " on channel '"
                                        + step.channel() + "' within " + timeout.toMillis() + " ms"
                                : "could not receive on channel '" + step.channel() + "': " + cause;
                        WorkflowException error = run.failures().error(stepId, reason, cause);
                        run.events().messageExchanged(step, start, error);
                        return Exchange.noMessage(run, step, error);
                    });
        }
        return cancellation.link(outcome, run);
    }

    private static <T> CompletableFuture<T> start(Supplier<CompletableFuture<T>> call) {
        try {
            CompletableFuture<T> future = call.get();
            return future != null ? future : CompletableFuture.failedFuture(new IllegalStateException("null future"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
