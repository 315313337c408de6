package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.RunClock;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.WorkflowListener;
import dev.weft.runtime.http.HttpCall;
import dev.weft.runtime.http.HttpResult;
import dev.weft.runtime.http.Redactor;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One run of a workflow: counts step visits, enforces the poll policy on loops, sends the steps' requests,
 * reports events to the client's {@link WorkflowListener} and builds the run's failures with secrets redacted;
 * created by {@link #start}, not thread-safe (except {@link #cancel()}).
 *
 * <p>The first visit of a step never waits. A revisit (a {@code goto} back, i.e. a loop) is a poll iteration:
 * the run fails once its loop iterations exceed {@link PollPolicy#maxIterations()} or its time since
 * {@code start} exceeds {@link PollPolicy#deadline()} (or would during the wait); otherwise it waits
 * {@link PollPolicy#delayBeforeIteration(int)} with n = visits of that step − 1. No request outlives the
 * deadline either: its timeout is the client's request timeout or the time left, whichever is shorter.
 *
 * <p>Cancellation: the futures {@link #enterStepAsync} and {@link #sendAsync} return, and every future derived
 * from them (so the one a generated {@code runAsync} returns), cancel the run when cancelled or completed
 * exceptionally from outside (e.g. by {@code orTimeout}): the request in flight is aborted, a poll wait ends,
 * and from then on {@code enterStep}, {@code send} and their async forms fail at once with a
 * {@link CancellationException}. A run shares this with the runs of the workflows it calls.
 */
public final class WorkflowRun {

    /** The JDK's default asynchronous pool, where waits complete unless the client names an executor. */
    private static final Executor JDK_ASYNC = new CompletableFuture<Void>().defaultExecutor();

    private final ArazzoClient client;
    private final String workflowId;
    private final PollPolicy policy;
    /** What the run's times are measured by and its waits sleep on: the client's clock. */
    private final RunClock clock;

    private final long startNanos;
    /** Replaced, never changed, when a secret is added: requests read it without locking or copying. */
    private volatile RunSecrets secrets = RunSecrets.NONE;
    /** The run's last call, whose URI the next request reuses when its URL is the same (a poll loop). */
    private volatile HttpCall lastCall;

    private final PollGuard guard;
    private final RunEvents events;
    /** Shared by this run and the runs of the workflows it calls; replaced for a child run. */
    private Cancellation cancellation = new Cancellation();
    /** The step whose request was sent last: the one whose handler runs now. */
    private volatile String stepInProgress;

    /**
     * Starts a run of a workflow; the run's deadline is measured from now.
     *
     * @param client the client the run sends its requests through
     * @param workflowId the workflow's id
     * @return the run
     */
    public static WorkflowRun start(ArazzoClient client, String workflowId) {
        return new WorkflowRun(client, workflowId, null);
    }

    private WorkflowRun(ArazzoClient client, String workflowId, RunEvents caller) {
        this(client, workflowId, caller, RunCounters.NONE, Duration.ZERO, Resume.SEND);
    }

    private WorkflowRun(
            ArazzoClient client,
            String workflowId,
            RunEvents caller,
            RunCounters counters,
            Duration elapsed,
            Resume resume) {
        this.client = Objects.requireNonNull(client, "client");
        this.workflowId = Objects.requireNonNull(workflowId, "workflowId");
        this.policy = client.pollPolicy();
        this.clock = client.clock();
        this.startNanos = clock.nanoTime() - Durations.toNanos(elapsed);
        this.guard = new PollGuard(policy, counters);
        this.resume = Objects.requireNonNull(resume, "resume");
        this.events = new RunEvents(this, client.listener(), caller);
        List<String> fromHeaders = new ArrayList<>();
        client.defaultHeaders().forEach((name, value) -> {
            if (Redactor.isSecretHeader(name)) {
                Exchange.addSecretParts(fromHeaders, name, value);
            }
        });
        addSecrets(fromHeaders);
    }

    /**
     * How a resumed run sends its step's request, for a durable engine that retries a step's whole attempt
     * itself when the transport fails, and never sends again a request that may have reached the server.
     */
    public enum Resume {
        /** Send; a transport failure is a failed exchange the step's failure actions see, as in any run. */
        SEND,
        /** Send; a transport failure is thrown by {@link #send(String, Supplier)}, for the engine to retry. */
        SEND_OR_THROW,
        /**
         * Do not send: an earlier attempt may have reached the server; the step sees a transport failure saying
         * so, and its failure actions decide.
         */
        NOT_AGAIN
    }

    private final Resume resume;

    /**
     * Resumes a run in another process or at another time, for a durable engine that keeps the run's counters
     * between steps and runs one step at a time ({@link Stepwise}): its deadline is measured as if it had
     * started {@code elapsed} ago.
     *
     * @param client the client the run sends its requests through
     * @param workflowId the workflow's id
     * @param counters the counters so far, the visit of the step about to run included
     * @param elapsed the time since the run started
     * @param resume how the step's request is sent
     * @return the run
     */
    public static WorkflowRun resume(
            ArazzoClient client, String workflowId, RunCounters counters, Duration elapsed, Resume resume) {
        return new WorkflowRun(client, workflowId, null, counters, elapsed, resume);
    }

    /** @return the run's counters so far, for a durable engine to keep */
    public RunCounters counters() {
        return guard.counters();
    }

    /** @return the workflow */
    public String workflowId() {
        return workflowId;
    }

    /** @return the client the run uses */
    public ArazzoClient client() {
        return client;
    }

    /**
     * Registers a secret (an input marked secret) to be redacted from excerpts, messages and events.
     *
     * @param value the secret; {@code null} is ignored
     */
    public void secret(String value) {
        if (value != null) {
            addSecrets(List.of(value));
        }
    }

    /** @return a snapshot of the registered secrets */
    public Collection<String> secrets() {
        return secrets.values();
    }

    private void addSecrets(Collection<String> values) {
        if (secrets.adds(values)) {
            synchronized (this) {
                secrets = secrets.with(values);
            }
        }
    }

    /**
     * Cancels the run (and the runs it called): aborts the request in flight of an async run, ends its poll wait,
     * and makes every later {@code enterStep}, {@code send} or async form fail with a
     * {@link CancellationException}, and reports the run failed. A blocking {@link #send} in progress is not
     * interrupted (interrupt its thread for that). Safe from any thread; idempotent.
     */
    public void cancel() {
        cancellation.cancel();
        // reported once, however many futures are cancelled
        cancelled();
    }

    /** @return whether the run was cancelled */
    public boolean isCancelled() {
        return cancellation.isCancelled();
    }

    /**
     * Returns a completed future of this run to start an async chain from (e.g. one that first runs the
     * workflows this one depends on), so that cancelling a future derived from it cancels the run.
     *
     * @return the future, failed with a {@link CancellationException} once the run is cancelled
     */
    public CompletableFuture<Void> startAsync() {
        return cancellation.isCancelled()
                ? cancellation.failed(cancellation.exception(), this)
                : cancellation.completed(null, this);
    }

    /**
     * Records a visit of a step and, for a revisit, enforces the poll policy and waits.
     *
     * @param stepId the step
     * @throws WorkflowException if a limit is reached or the thread is interrupted while waiting
     * @throws CancellationException if the run was cancelled
     */
    public void enterStep(String stepId) {
        if (cancellation.isCancelled()) {
            throw cancelled();
        }
        Duration delay = visit(stepId);
        if (!delay.isZero()) {
            try {
                clock.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw events.failed(
                        error(stepId, "interrupted while waiting " + delay + " before step '" + stepId + "'", e));
            }
        }
        events.stepStarted(stepId, attempt(stepId));
    }

    /**
     * Like {@link #enterStep}, but waits without blocking a thread.
     *
     * @param stepId the step
     * @return a future completed after the wait, or failed with a {@link WorkflowException}, or with a
     *     {@link CancellationException} once the run is cancelled
     */
    public CompletableFuture<Void> enterStepAsync(String stepId) {
        if (cancellation.isCancelled()) {
            return cancellation.failed(cancelled(), this);
        }
        Duration delay;
        try {
            delay = visit(stepId);
        } catch (WorkflowException e) {
            return cancellation.failed(e, this);
        }
        int attempt = attempt(stepId);
        CompletableFuture<Void> waited = delay.isZero()
                ? cancellation.completed(null, this)
                : cancellation.link(
                        cancellation.track(clock.delay(delay, client.executor().orElse(JDK_ASYNC))), this);
        return waited.handle((done, failure) -> {
            if (failure != null || cancellation.isCancelled()) {
                throw cancelled();
            }
            events.stepStarted(stepId, attempt);
            return null;
        });
    }

    /**
     * Decides whether a failed step is retried by a {@code retry} failure action: true while the action's
     * budget for this visit of the step lasts (CHECKLIST §4: {@code retryLimit} extra attempts, budgets reset
     * when the step is entered anew, not by a retry). The next {@link #enterStep} of the step then waits the
     * response's {@code Retry-After} (seconds or HTTP date), else {@code retryAfterSeconds}; a retry is not
     * a poll iteration, but the deadline still applies.
     *
     * @param stepId the failed step
     * @param actionName the retry action's name
     * @param retryLimit the action's {@code retryLimit} (1 when the document leaves it out)
     * @param retryAfterSeconds the action's {@code retryAfter} (0 when absent)
     * @param exchange the failed exchange, for its {@code Retry-After} header; {@code null} for a workflow step
     * @return whether to run the step again
     */
    public boolean retry(
            String stepId, String actionName, long retryLimit, double retryAfterSeconds, Exchange exchange) {
        String header = exchange == null
                ? null
                : exchange.result().header("Retry-After").orElse(null);
        Duration delay =
                RetryAfter.parse(header, clock.instant()).orElseGet(() -> Durations.ofSeconds(retryAfterSeconds));
        int retry = guard.retry(stepId, actionName, retryLimit, delay);
        if (retry == 0) {
            return false;
        }
        events.retryScheduled(stepId, attempt(stepId), actionName, retry, retryLimit, delay);
        return true;
    }

    /**
     * Spends the rest of a retry action's budget and drops the pending retry: used when the step or
     * workflow a {@code retry} action runs first fails, so that action counts as exhausted and the
     * step's failure actions are chosen again from the top (CHECKLIST §4).
     *
     * @param stepId the failed step
     * @param actionName the retry action's name
     */
    public void exhaust(String stepId, String actionName) {
        guard.exhaust(stepId, actionName);
    }

    /**
     * {@link #retry(String, String, long, double, Exchange)} for a retry action of an operation step.
     *
     * @param action the retry action
     * @param exchange the failed exchange, for its {@code Retry-After} header
     * @return whether to run the step again
     */
    public boolean retry(RetryAction action, Exchange exchange) {
        return retry(action.stepId(), action.name(), action.retryLimit(), action.retryAfterSeconds(), exchange);
    }

    /**
     * {@link #retry(String, String, long, double, Exchange)} for a retry action of a step that calls a
     * workflow, which has no {@code Retry-After} header to honour.
     *
     * @param action the retry action
     * @param call the failed call
     * @return whether to run the step again
     */
    public boolean retry(RetryAction action, WorkflowCall call) {
        return retry(action.stepId(), action.name(), action.retryLimit(), action.retryAfterSeconds(), null);
    }

    /**
     * {@link #exhaust(String, String)} for a retry action.
     *
     * @param action the retry action
     */
    public void exhaust(RetryAction action) {
        exhaust(action.stepId(), action.name());
    }

    /**
     * Returns how often a step has been entered so far in this run.
     *
     * @param stepId the step
     * @return the visits, 0 if never
     */
    public int attempt(String stepId) {
        return guard.attempt(stepId);
    }

    /** @return the steps entered so far in this run, revisits included */
    public int stepExecutions() {
        return guard.stepExecutions();
    }

    /** @return the loop iterations (revisits) so far in this run */
    public int loopIterations() {
        return guard.loopIterations();
    }

    /** @return the time since the run started */
    public Duration elapsed() {
        return Duration.ofNanos(clock.nanoTime() - startNanos);
    }

    /**
     * Sends a step's request and waits for the response.
     *
     * @param request the request
     * @return the exchange
     * @throws WorkflowException if the request cannot be built or the exchange fails (timeout, refused or reset
     *     connection, body too large), naming the step and its attempt
     * @throws CancellationException if the run was cancelled
     */
    public Exchange send(StepRequest request) {
        if (cancellation.isCancelled()) {
            throw cancelled();
        }
        String stepId = request.stepId();
        // the step's handler runs next, on this thread: in this run's scope
        stepInProgress = stepId;
        RunScope.enter(this);
        int attempt = attempt(stepId);
        HttpCall call = events.requestSent(stepId, attempt, prepare(request));
        long start = clock.nanoTime();
        HttpResult result;
        try {
            result = client.transport().send(call);
        } catch (IOException | RuntimeException e) {
            throw transportFailure(stepId, attempt, call, start, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            events.responseReceived(stepId, attempt, call, -1, start, "interrupted", null);
            throw events.failed(error(stepId, "interrupted while waiting for the response", e));
        }
        events.responseReceived(stepId, attempt, call, result.statusCode(), start, null, result.uri());
        lastStatus = result.statusCode();
        return new Exchange(this, request, call, result);
    }

    /** The status of the run's last response, or -1 before one came. */
    private volatile int lastStatus = -1;

    /** @return the HTTP status of the last response this run received, or -1 when none came */
    public int lastStatus() {
        return lastStatus;
    }

    /**
     * Sends a step's request without blocking the calling thread, through the transport's {@code sendAsync}.
     *
     * @param request the request
     * @return the exchange, or a future failed with a {@link WorkflowException}, or with a
     *     {@link CancellationException} once the run is cancelled; cancelling it aborts the request
     */
    public CompletableFuture<Exchange> sendAsync(StepRequest request) {
        if (cancellation.isCancelled()) {
            return cancellation.failed(cancelled(), this);
        }
        String stepId = request.stepId();
        stepInProgress = stepId;
        HttpCall prepared;
        try {
            prepared = prepare(request);
        } catch (WorkflowException e) {
            return cancellation.failed(e, this);
        }
        int attempt = attempt(stepId);
        HttpCall call = events.requestSent(stepId, attempt, prepared);
        long start = clock.nanoTime();
        CompletableFuture<HttpResult> pending;
        try {
            pending = cancellation.track(client.transport().sendAsync(call));
        } catch (RuntimeException e) {
            pending = CompletableFuture.failedFuture(e);
        }
        return cancellation.link(pending, this).handle((result, failure) -> {
            if (failure == null) {
                events.responseReceived(stepId, attempt, call, result.statusCode(), start, null, result.uri());
                return new Exchange(this, request, call, result);
            }
            Throwable cause = unwrap(failure);
            if (cause instanceof CancellationException || cancellation.isCancelled()) {
                events.responseReceived(stepId, attempt, call, -1, start, "cancelled", null);
                throw cancelled();
            }
            throw new CompletionException(
                    cause instanceof WorkflowException w
                            ? events.failed(w.withContext(workflowId, stepId, attempt))
                            : transportFailure(stepId, attempt, call, start, cause));
        });
    }

    /**
     * Builds the failure of a step after a response: status and a redacted excerpt of the body.
     *
     * @param stepId the step
     * @param exchange the exchange, or {@code null}
     * @param message what went wrong
     * @return the exception, to be thrown by the caller
     */
    public WorkflowException failure(String stepId, Exchange exchange, String message) {
        return failure(stepId, exchange, message, null);
    }

    /**
     * Builds the failure of a step after a response, with a cause, and reports the run failed to the listener.
     *
     * @param stepId the step
     * @param exchange the exchange, or {@code null}
     * @param message what went wrong
     * @param cause the cause, or {@code null}; replaced by a redacted copy if its message holds a secret
     * @return the exception, to be thrown by the caller
     */
    public WorkflowException failure(String stepId, Exchange exchange, String message, Throwable cause) {
        if (exchange != null && exchange.transportFailure() != null && cause == null) {
            WorkflowException transport = exchange.transportFailure();
            return events.failed(new WorkflowException(
                    workflowId,
                    stepId,
                    attempt(stepId),
                    -1,
                    null,
                    redact(message + ": " + transport.detail()),
                    transport));
        }
        return events.failed(new WorkflowException(
                workflowId,
                stepId,
                attempt(stepId),
                exchange == null ? -1 : exchange.statusCode(),
                exchange == null ? null : exchange.responseExcerpt(),
                redact(message),
                cause == null ? null : TransportFailures.sanitize(cause, this::redact)));
    }

    /**
     * Builds a failure of a step without a response, e.g. from an {@link AbsentValueException}.
     *
     * @param stepId the step, or {@code null}
     * @param message what went wrong
     * @param cause the cause, or {@code null}
     * @return the exception, to be thrown by the caller
     */
    public WorkflowException error(String stepId, String message, Throwable cause) {
        return new WorkflowException(
                workflowId, stepId, stepId == null ? 0 : attempt(stepId), -1, null, redact(message), cause);
    }

    /**
     * Checks the run's limits during long work inside a step (a regular expression evaluation): fails at once if
     * the run was cancelled or its deadline passed.
     *
     * @param failure builds the failure from the reason
     * @throws CancellationException if the run was cancelled
     * @throws WorkflowException if the deadline passed
     */
    void checkLimits(Function<String, WorkflowException> failure) {
        if (cancellation.isCancelled()) {
            throw cancelled();
        }
        if (elapsed().compareTo(policy.deadline()) > 0) {
            throw failure.apply("stopped: the run's deadline " + policy.deadline() + " passed");
        }
    }

    /**
     * Builds the failure of the step in progress (the one whose request was sent last) and reports the run
     * failed.
     *
     * @param message what went wrong
     * @return the exception, to be thrown by the caller
     */
    WorkflowException stepFailure(String message) {
        return failure(stepInProgress, (Exchange) null, message);
    }

    /**
     * Masks the run's secrets in a text.
     *
     * @param text the text, or {@code null}
     * @return the masked text
     */
    public String redact(String text) {
        return secrets.masks().mask(text);
    }

    /** A URL fit for messages and events: secret query values and the run's secrets masked. */
    String redactUrl(URI uri) {
        return Redactor.redactUri(uri, secrets.masks());
    }

    private Duration visit(String stepId) {
        events.stepFollowed(stepId);
        PollGuard.Visit visit = guard.visit(stepId, elapsed());
        if (visit.limit() != null) {
            throw events.failed(error(stepId, visit.limit(), null));
        }
        if (visit.loop()) {
            events.pollWaiting(stepId, attempt(stepId), loopIterations(), visit.delay());
        }
        return visit.delay();
    }

    private HttpCall prepare(StepRequest request) {
        String stepId = request.stepId();
        Duration left = policy.deadline().minus(elapsed());
        if (left.isNegative() || left.isZero()) {
            throw events.failed(error(
                    stepId,
                    "deadline " + policy.deadline() + " exceeded before the request of step '" + stepId + "'",
                    null));
        }
        HttpCall call;
        try {
            String base = client.baseUrl(request.sourceName(), request.defaultServerUrl());
            Duration timeout = client.requestTimeout().compareTo(left) > 0 ? left : client.requestTimeout();
            call = request.toHttpCall(
                    base,
                    client.defaultHeaders(),
                    timeout,
                    headers -> {
                        if (!headers.equals(lastCall == null ? null : lastCall.headers())) {
                            addSecrets(Exchange.headerSecrets(headers));
                        }
                        request.queryParams().forEach((name, value) -> {
                            if (Redactor.isSecretHeader(name)) {
                                addSecrets(ParamEncoding.texts(value));
                            }
                        });
                        return secrets.values();
                    },
                    lastCall);
            lastCall = call;
        } catch (WorkflowException e) {
            throw events.failed(e.withContext(workflowId, stepId, attempt(stepId)));
        }
        return call;
    }

    private WorkflowException transportFailure(String stepId, int attempt, HttpCall call, long start, Throwable cause) {
        events.responseReceived(
                stepId,
                attempt,
                call,
                -1,
                start,
                redact(TransportFailures.describe(cause, call.timeout(), client.requestTimeout())),
                null);
        return events.failed(error(
                stepId,
                TransportFailures.message(call, cause, client.requestTimeout()),
                TransportFailures.sanitize(cause, this::redact)));
    }

    /** Reports the run failed by cancellation (once) and returns the exception to throw. */
    private CancellationException cancelled() {
        events.failed(error(null, "the workflow run was cancelled", null));
        return cancellation.exception();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    // ---- calls between workflows (workflow steps, goto a workflow, dependsOn) ----

    /** Shared by this run and the runs of the workflows it calls; replaced for a child run. */
    private RunFamily family = new RunFamily();

    /**
     * Starts the run of a workflow this one calls: it shares this run's client, secrets and record of
     * completed workflows ({@code $workflows} expressions), and has its own steps and poll counts.
     *
     * @param childWorkflowId the called workflow
     * @return the child run
     */
    public WorkflowRun child(String childWorkflowId) {
        WorkflowRun child = new WorkflowRun(client, childWorkflowId, events);
        child.family = family;
        child.cancellation = cancellation;
        secrets().forEach(child::secret);
        return child;
    }

    /**
     * Records that a workflow finished, for {@code $workflows.<id>} expressions and {@code dependsOn}.
     *
     * @param completedWorkflowId the workflow
     * @param inputs its inputs
     * @param outputs its outputs
     */
    public void completed(String completedWorkflowId, JsonNode inputs, JsonNode outputs) {
        family.completed(completedWorkflowId, inputs, outputs);
        if (completedWorkflowId.equals(workflowId)) {
            events.finished();
        }
    }

    /**
     * @param otherWorkflowId a workflow
     * @return whether it completed in this top-level run
     */
    public boolean hasCompleted(String otherWorkflowId) {
        return family.hasCompleted(otherWorkflowId);
    }

    /**
     * {@code $workflows.<id>.inputs.<name>}.
     *
     * @param otherWorkflowId the workflow
     * @param name the input
     * @return the value from its latest completed run, or {@code null}
     */
    public JsonNode workflowInput(String otherWorkflowId, String name) {
        return family.value(otherWorkflowId, false, name);
    }

    /**
     * {@code $workflows.<id>.outputs.<name>}.
     *
     * @param otherWorkflowId the workflow
     * @param name the output
     * @return the value from its latest completed run, or {@code null}
     */
    public JsonNode workflowOutput(String otherWorkflowId, String name) {
        return family.value(otherWorkflowId, true, name);
    }

    /**
     * Calls another workflow for a step; its failure becomes the step's failure, not an exception.
     *
     * @param stepId the calling step
     * @param callee runs the called workflow and returns its outputs
     * @return the outcome
     */
    public WorkflowCall call(String stepId, Supplier<ObjectNode> callee) {
        stepInProgress = stepId;
        try {
            return new WorkflowCall(callee.get(), null);
        } catch (WorkflowException e) {
            return new WorkflowCall(Values.object(), e);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            return new WorkflowCall(Values.object(), error(stepId, "the called workflow failed: " + e.getMessage(), e));
        } finally {
            // the called workflow's run had the scope: the step's handler is this run's again
            RunScope.enter(this);
        }
    }

    /**
     * Like {@link #call}, without blocking.
     *
     * @param stepId the calling step
     * @param callee starts the called workflow
     * @return the outcome, never failed exceptionally by the callee's failure
     */
    public CompletableFuture<WorkflowCall> callAsync(String stepId, Supplier<CompletableFuture<ObjectNode>> callee) {
        stepInProgress = stepId;
        CompletableFuture<ObjectNode> started;
        try {
            started = callee.get();
        } catch (RuntimeException e) {
            return cancellation.completed(
                    call(stepId, () -> {
                        throw e;
                    }),
                    this);
        }
        // a future of this run, not of the called one: the step's handler runs in this run's scope
        return cancellation.link(started, this).handle((outputs, failure) -> {
            if (failure == null) {
                return new WorkflowCall(outputs, null);
            }
            Throwable cause = unwrap(failure);
            if (cause instanceof CancellationException cancel) {
                throw cancel;
            }
            return cause instanceof WorkflowException e
                    ? new WorkflowCall(Values.object(), e)
                    : new WorkflowCall(Values.object(), error(stepId, "the called workflow failed: " + cause, cause));
        });
    }

    /**
     * The failure of a step that called a workflow.
     *
     * @param stepId the step
     * @param workflowCall its outcome
     * @param message what went wrong
     * @return the exception to throw, with the callee's failure as cause
     */
    public WorkflowException failure(String stepId, WorkflowCall workflowCall, String message) {
        return events.failed(error(stepId, message, workflowCall.failure()));
    }

    /**
     * Builds a step's request and sends it, for generated code. A value the request needs but that is
     * absent (D-13) fails the step with a {@link WorkflowException} naming it, before anything is sent. A
     * transport failure (refused, reset, timed out, body too large) is not thrown: it comes back as an
     * exchange without a response, so the step's failure actions see it (a {@code retry} can retry it).
     *
     * @param stepId the step
     * @param request builds the request
     * @return the exchange, perhaps without a response
     */
    public Exchange send(String stepId, Supplier<StepRequest> request) {
        StepRequest built = build(stepId, request);
        if (resume == Resume.NOT_AGAIN) {
            String reason = "not sent again: an earlier attempt of step '" + stepId + "' did not finish, so its "
                    + built.method() + " request may have reached the server";
            return Exchange.failed(this, built, prepare(built), error(stepId, reason, new IOException(reason)));
        }
        try {
            return send(built);
        } catch (WorkflowException e) {
            if (isTransport(e) && resume != Resume.SEND_OR_THROW) {
                return Exchange.failed(this, built, prepare(built), e);
            }
            throw e;
        }
    }

    private static boolean isTransport(WorkflowException e) {
        return e.httpStatus() == -1 && e.getCause() instanceof IOException;
    }

    /**
     * Like {@link #send(String, Supplier)}, without blocking.
     *
     * @param stepId the step
     * @param request builds the request
     * @return the exchange, or a future failed with a {@link WorkflowException}
     */
    public CompletableFuture<Exchange> sendAsync(String stepId, Supplier<StepRequest> request) {
        StepRequest built;
        try {
            built = build(stepId, request);
        } catch (WorkflowException e) {
            return cancellation.failed(e, this);
        }
        return sendAsync(built).exceptionallyCompose(failure -> {
            Throwable cause = unwrap(failure);
            if (cause instanceof WorkflowException e && isTransport(e)) {
                return CompletableFuture.completedFuture(Exchange.failed(this, built, prepare(built), e));
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    private StepRequest build(String stepId, Supplier<StepRequest> request) {
        try {
            return request.get();
        } catch (AbsentValueException e) {
            throw events.failed(error(stepId, e.getMessage() + "; nothing was sent", e));
        }
    }
}
