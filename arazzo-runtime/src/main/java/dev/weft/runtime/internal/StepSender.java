package dev.weft.runtime.internal;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.ResponseCheckException;
import dev.weft.runtime.ResponseInspector;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.http.HttpCall;
import dev.weft.runtime.http.HttpResult;
import dev.weft.runtime.http.Redactor;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Sends a run's step requests, blocking or not, and turns what the transport does into an {@link Exchange} or
 * a failure: {@link #send} throws every failure, {@link #exchange} hands a {@link TransportFailure} back as an
 * exchange without a response, for the step's failure actions.
 */
final class StepSender {

    private final WorkflowRun run;
    private final ArazzoClient client;
    private final WorkflowRun.Resume resume;
    /** The status of the run's last response to a blocking send, or -1 before one came. */
    private volatile int lastStatus = -1;
    /**
     * The run's last call and the request it was built from: a request that makes the same call (a poll loop's)
     * sends it again, and one with the same URL reuses its URI.
     */
    private volatile Prepared last;

    /** A call as {@link #prepare} built it, from a request, on a base URL. */
    private record Prepared(StepRequest request, String base, HttpCall call) {}

    StepSender(WorkflowRun run, ArazzoClient client, WorkflowRun.Resume resume) {
        this.run = run;
        this.client = client;
        this.resume = resume;
    }

    int lastStatus() {
        return lastStatus;
    }

    /** Sends a request and waits for the response; every failure is reported and thrown. */
    Exchange send(StepRequest request) {
        return sendOrFail(request, true);
    }

    /** Builds a step's request and sends it; a transport failure comes back as an exchange without a response. */
    Exchange exchange(String stepId, Supplier<StepRequest> request) {
        StepRequest built = build(stepId, request);
        if (resume == WorkflowRun.Resume.NOT_AGAIN) {
            String reason = "not sent again: an earlier attempt of step '" + stepId + "' did not finish, so its "
                    + built.method() + " request may have reached the server";
            return Exchange.failed(
                    run, built, prepare(built), run.failures().error(stepId, reason, new IOException(reason)));
        }
        try {
            return sendOrFail(built, false);
        } catch (TransportFailure e) {
            if (resume == WorkflowRun.Resume.SEND_OR_THROW) {
                throw run.events().failed(e);
            }
            return Exchange.failed(run, built, e.call(), e);
        }
    }

    CompletableFuture<Exchange> sendAsync(StepRequest request) {
        return sendAsyncOrFail(request, true);
    }

    CompletableFuture<Exchange> exchangeAsync(String stepId, Supplier<StepRequest> request) {
        Cancellation cancellation = run.cancellation();
        StepRequest built;
        try {
            built = build(stepId, request);
        } catch (WorkflowException e) {
            return cancellation.failed(e, run);
        }
        return sendAsyncOrFail(built, false).exceptionallyCompose(failure -> {
            Throwable cause = unwrap(failure);
            return cause instanceof TransportFailure e
                    ? CompletableFuture.completedFuture(Exchange.failed(run, built, e.call(), e))
                    : CompletableFuture.failedFuture(cause);
        });
    }

    /**
     * Sends a request, blocking; a cancel of the run interrupts the wait.
     *
     * @param report whether a transport failure ends the run; if not, the caller decides
     * @throws TransportFailure for a failed exchange
     */
    private Exchange sendOrFail(StepRequest request, boolean report) {
        Cancellation cancellation = run.cancellation();
        if (cancellation.isCancelled()) {
            throw run.cancelled();
        }
        String stepId = request.stepId();
        run.stepInProgress(stepId);
        // the step's handler runs next, on this thread: in this run's scope
        RunScope.enter(run);
        int attempt = run.attempt(stepId);
        RunEvents events = run.events();
        HttpCall call = events.requestSent(stepId, attempt, prepare(request));
        long start = run.clock().nanoTime();
        HttpResult result;
        try {
            cancellation.block();
            try {
                result = client.transport().send(call);
            } finally {
                cancellation.unblock();
            }
        } catch (CancellationException e) {
            throw cancelledDuring(stepId, attempt, call, start);
        } catch (IOException | RuntimeException e) {
            if (cancellation.isCancelled()) {
                throw cancelledDuring(stepId, attempt, call, start);
            }
            throw transportFailure(stepId, attempt, call, start, stepTimeout(request, call, e), report);
        } catch (InterruptedException e) {
            if (cancellation.isCancelled()) {
                throw cancelledDuring(stepId, attempt, call, start);
            }
            Thread.currentThread().interrupt();
            events.responseReceived(stepId, attempt, call, -1, start, "interrupted", null);
            throw events.failed(run.failures().error(stepId, "interrupted while waiting for the response", e));
        }
        StepTimeoutException late = late(request, start);
        if (late != null) {
            throw transportFailure(stepId, attempt, call, start, late, report);
        }
        events.responseReceived(stepId, attempt, call, result.statusCode(), start, null, result.uri());
        lastStatus = result.statusCode();
        return inspected(new Exchange(run, request, call, result), attempt, report);
    }

    /**
     * The exchange after the client's response inspector (opt-in run-time checks), when it has one: a finding of
     * severity error makes it an exchange without a response, which the step's failure actions see as they see a
     * transport failure, or, when every failure is thrown, the run's failure.
     */
    private Exchange inspected(Exchange exchange, int attempt, boolean report) {
        ResponseInspector inspector = client.responseInspector();
        if (inspector == null) {
            return exchange;
        }
        ResponseCheckException broken = ResponseInspection.inspect(run, inspector, exchange, attempt);
        if (broken == null) {
            return exchange;
        }
        if (report) {
            throw run.events().failed(broken);
        }
        return Exchange.failed(run, exchange.request(), exchange.call(), broken);
    }

    /** Like {@link #sendOrFail}, without blocking: the future fails with the transport failure. */
    private CompletableFuture<Exchange> sendAsyncOrFail(StepRequest request, boolean report) {
        Cancellation cancellation = run.cancellation();
        if (cancellation.isCancelled()) {
            return cancellation.failed(run.cancelled(), run);
        }
        String stepId = request.stepId();
        run.stepInProgress(stepId);
        HttpCall prepared;
        try {
            prepared = prepare(request);
        } catch (WorkflowException e) {
            return cancellation.failed(e, run);
        }
        int attempt = run.attempt(stepId);
        RunEvents events = run.events();
        HttpCall call = events.requestSent(stepId, attempt, prepared);
        long start = run.clock().nanoTime();
        CompletableFuture<HttpResult> pending;
        try {
            pending = cancellation.track(client.transport().sendAsync(call));
        } catch (RuntimeException e) {
            pending = CompletableFuture.failedFuture(e);
        }
        return cancellation.link(pending, run).handle((result, failure) -> {
            if (failure == null) {
                StepTimeoutException late = late(request, start);
                if (late != null) {
                    throw new CompletionException(transportFailure(stepId, attempt, call, start, late, report));
                }
                events.responseReceived(stepId, attempt, call, result.statusCode(), start, null, result.uri());
                return inspected(new Exchange(run, request, call, result), attempt, report);
            }
            Throwable cause = unwrap(failure);
            if (cause instanceof CancellationException || cancellation.isCancelled()) {
                throw cancelledDuring(stepId, attempt, call, start);
            }
            throw new CompletionException(
                    cause instanceof WorkflowException w
                            ? events.failed(w.withContext(run.workflowId(), stepId, attempt))
                            : transportFailure(
                                    stepId, attempt, call, start, stepTimeout(request, call, cause), report));
        });
    }

    /**
     * The failure a transport timeout stands for: the step's own timeout when that is what bounded the call
     * (1.1 step {@code timeout}), else the failure itself.
     */
    private static Throwable stepTimeout(StepRequest request, HttpCall call, Throwable failure) {
        Duration timeout = request.timeout();
        if (failure instanceof java.net.http.HttpTimeoutException
                && !(failure instanceof java.net.http.HttpConnectTimeoutException)
                && timeout != null
                && timeout.equals(call.timeout())) {
            StepTimeoutException replaced = new StepTimeoutException(request.stepId(), timeout);
            replaced.initCause(failure);
            return replaced;
        }
        return failure;
    }

    /** A step timeout that passed while the response (its body included) arrived; null when in time. */
    private StepTimeoutException late(StepRequest request, long start) {
        Duration timeout = request.timeout();
        if (timeout == null || run.clock().nanoTime() - start <= timeout.toNanos()) {
            return null;
        }
        return new StepTimeoutException(request.stepId(), timeout);
    }

    private StepRequest build(String stepId, Supplier<StepRequest> request) {
        try {
            return request.get();
        } catch (AbsentValueException e) {
            throw run.events().failed(run.failures().error(stepId, e.getMessage() + "; nothing was sent", e));
        }
    }

    private HttpCall prepare(StepRequest request) {
        String stepId = request.stepId();
        Duration deadline = run.policy().deadline();
        Duration left = deadline.minus(run.elapsed());
        if (left.isNegative() || left.isZero()) {
            throw run.events()
                    .failed(run.failures()
                            .error(
                                    stepId,
                                    "deadline " + deadline + " exceeded before the request of step '" + stepId + "'",
                                    null));
        }
        RunFailures failures = run.failures();
        try {
            String base = client.baseUrl(request.sourceName(), request.defaultServerUrl());
            Duration timeout = client.requestTimeout().compareTo(left) > 0 ? left : client.requestTimeout();
            Duration stepTimeout = request.timeout();
            if (stepTimeout != null && stepTimeout.compareTo(timeout) < 0) {
                timeout = stepTimeout;
            }
            Prepared before = last;
            HttpCall previous = before == null ? null : before.call();
            if (previous != null
                    // the very request again (generated code keeps a repeating step's while its values last)
                    && (request == before.request() || request.sendsSameAs(before.request()))
                    && base.equals(before.base())
                    && timeout.equals(previous.timeout())
                    && previous.secrets() == failures.secrets()) {
                // the same call again: its secrets are registered, and a transport may reuse what it built for it
                return previous;
            }
            HttpCall call = request.toHttpCall(
                    base,
                    client.defaultHeaders(),
                    client.credentials(),
                    timeout,
                    headers -> {
                        if (!headers.equals(previous == null ? null : previous.headers())) {
                            failures.addSecrets(HeaderSecrets.of(headers));
                        }
                        request.queryParams().forEach((name, value) -> {
                            if (Redactor.isSecretHeader(name)) {
                                failures.addSecrets(ParamEncoding.texts(value));
                            }
                        });
                        return failures.secrets();
                    },
                    previous);
            last = new Prepared(request, base, call);
            return call;
        } catch (WorkflowException e) {
            throw run.events().failed(e.withContext(run.workflowId(), stepId, run.attempt(stepId)));
        }
    }

    /** Reports a failed exchange as a response event and builds its failure, reported as the run's end or not. */
    private WorkflowException transportFailure(
            String stepId, int attempt, HttpCall call, long start, Throwable cause, boolean report) {
        RunFailures failures = run.failures();
        String described = TransportFailures.describe(cause, call.timeout(), client.requestTimeout());
        run.events().responseReceived(stepId, attempt, call, -1, start, failures.redact(described), null);
        WorkflowException failure = failures.transport(stepId, attempt, call, cause, client.requestTimeout());
        return failure instanceof TransportFailure && !report
                ? failure
                : run.events().failed(failure);
    }

    private CancellationException cancelledDuring(String stepId, int attempt, HttpCall call, long start) {
        run.events().responseReceived(stepId, attempt, call, -1, start, "cancelled", null);
        return run.cancelled();
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
