package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.RunClock;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.WorkflowListener;
import dev.weft.runtime.http.Redactor;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One run of a workflow, the facade generated code calls: created by {@link #start}, it hands the work to its
 * parts (pacing of step visits by the poll policy, sending, retries, failures with secrets redacted, calls of
 * other workflows) and reports events to the client's {@link WorkflowListener}; not thread-safe, except
 * {@link #cancel()}.
 *
 * <p>The first visit of a step never waits. A revisit (a {@code goto} back, i.e. a loop) is a poll iteration:
 * the run fails once its loop iterations exceed {@link PollPolicy#maxIterations()} or its time since
 * {@code start} exceeds {@link PollPolicy#deadline()} (or would during the wait); otherwise it waits
 * {@link PollPolicy#delayBeforeIteration(int)} with n = visits of that step − 1. No request outlives the
 * deadline either: its timeout is the client's request timeout or the time left, whichever is shorter.
 *
 * <p>Cancellation ({@link #cancel()}, or cancelling a future {@link #enterStepAsync} or {@link #exchangeAsync}
 * returns or any future derived from them, such as the one a generated {@code runAsync} returns, or completing
 * one exceptionally from outside, as {@code orTimeout} does): the request in flight is aborted, a poll wait
 * ends, a thread blocked in either returns at once with a {@link CancellationException}, and from then on every
 * step fails at once with one. A run shares this with the runs of the workflows it calls.
 *
 * <p>Longer than the ~300 lines of other classes because it is the one door generated code uses: each public
 * method is a line of delegation under the Javadoc its callers read; the work is in the parts.
 */
public final class WorkflowRun {

    private final ArazzoClient client;
    private final String workflowId;
    private final PollPolicy policy;
    /** What the run's times are measured by and its waits sleep on: the client's clock. */
    private final RunClock clock;

    private final long startNanos;
    private final PollGuard guard;
    private final RunEvents events;
    private final RunFailures failures;
    private final RunPacing pacing;
    private final StepSender sender;
    private final MessageSender messages;
    private final Retries retries;
    private final WorkflowCalls calls;
    /** Shared by this run and the runs of the workflows it calls. */
    private final Cancellation cancellation;
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
        return new WorkflowRun(
                client,
                workflowId,
                null,
                new Cancellation(),
                new RunFamily(),
                1,
                RunCounters.NONE,
                Duration.ZERO,
                null);
    }

    /**
     * How a resumed run sends its step's request, for a durable engine that retries a step's whole attempt
     * itself when the transport fails, and never sends again a request that may have reached the server.
     */
    public enum Resume {
        /** Send; a transport failure is a failed exchange the step's failure actions see, as in any run. */
        SEND,
        /** Send; a transport failure is thrown by {@link #exchange(String, Supplier)}, for the engine to retry. */
        SEND_OR_THROW,
        /**
         * Do not send: an earlier attempt may have reached the server; the step sees a transport failure saying
         * so, and its failure actions decide.
         */
        NOT_AGAIN
    }

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
        return new WorkflowRun(
                client,
                workflowId,
                null,
                new Cancellation(),
                new RunFamily(),
                1,
                counters,
                elapsed,
                Objects.requireNonNull(resume, "resume"));
    }

    private WorkflowRun(
            ArazzoClient client,
            String workflowId,
            RunEvents caller,
            Cancellation cancellation,
            RunFamily family,
            int depth,
            RunCounters counters,
            Duration elapsed,
            Resume resume) {
        this.client = Objects.requireNonNull(client, "client");
        this.workflowId = Objects.requireNonNull(workflowId, "workflowId");
        this.policy = client.pollPolicy();
        this.clock = client.clock();
        this.startNanos = clock.nanoTime() - Durations.toNanos(elapsed);
        this.cancellation = cancellation;
        this.guard = new PollGuard(policy, counters);
        this.events = new RunEvents(this, client.listener(), caller);
        this.failures = new RunFailures(workflowId, guard);
        this.pacing = new RunPacing(this, client, guard);
        this.sender = new StepSender(this, client, resume == null ? Resume.SEND : resume);
        this.messages = new MessageSender(this, client, elapsed, resume == null ? Resume.SEND : resume);
        this.retries = new Retries(this, guard, clock);
        this.calls = new WorkflowCalls(this, family, depth);
        List<String> fromHeaders = new ArrayList<>();
        client.defaultHeaders().forEach((name, value) -> {
            if (Redactor.isSecretHeader(name)) {
                HeaderSecrets.addSecretParts(fromHeaders, name, value);
            }
        });
        client.credentials().values().forEach(credential -> {
            fromHeaders.add(credential.encodedFor("apiKey"));
            HeaderSecrets.addSecretParts(fromHeaders, "Authorization", credential.encodedFor("bearer"));
            HeaderSecrets.addSecretParts(fromHeaders, "Authorization", credential.encodedFor("basic"));
        });
        failures.addSecrets(fromHeaders);
    }

    /**
     * Registers a secret (an input marked secret) to be redacted from excerpts, messages and events.
     *
     * @param value the secret; {@code null} is ignored
     */
    public void secret(String value) {
        failures.addSecret(value);
    }

    /**
     * Cancels the run and the runs it called: aborts the request in flight, blocking or async, ends a poll wait,
     * makes every later step fail with a {@link CancellationException}, and reports the run failed. A thread
     * blocked in the run's request or wait returns at once with a {@link CancellationException} (for a custom
     * {@code HttpTransport}, once its {@code send} answers the thread's interrupt). Safe from any thread;
     * idempotent.
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
     * Records a visit of a step and, for a revisit, enforces the poll policy and waits.
     *
     * @param stepId the step
     * @throws WorkflowException if a limit is reached or the thread is interrupted while waiting
     * @throws CancellationException if the run was cancelled
     */
    public void enterStep(String stepId) {
        pacing.enterStep(stepId);
    }

    /**
     * Like {@link #enterStep}, but waits without blocking a thread.
     *
     * @param stepId the step
     * @return a future completed after the wait, or failed with a {@link WorkflowException}, or with a
     *     {@link CancellationException} once the run is cancelled
     */
    public CompletableFuture<Void> enterStepAsync(String stepId) {
        return pacing.enterStepAsync(stepId);
    }

    /**
     * Builds a step's request and sends it, blocking. A value the request needs but that is absent (D-13) fails
     * the step with a {@link WorkflowException} naming it, before anything is sent. A transport failure (refused,
     * reset, timed out, body too large) is not thrown: it comes back as an exchange without a response, whose
     * {@link Exchange#transportFailure()} says why, so the step's failure actions see it (a {@code retry} can
     * retry it).
     *
     * @param stepId the step
     * @param request builds the request
     * @return the exchange, perhaps without a response
     * @throws CancellationException if the run was cancelled, before or while the request was in flight
     */
    public Exchange exchange(String stepId, Supplier<StepRequest> request) {
        return sender.exchange(stepId, request);
    }

    /**
     * Like {@link #exchange}, without blocking.
     *
     * @param stepId the step
     * @param request builds the request
     * @return the exchange, perhaps without a response, or a future failed with a {@link WorkflowException} or a
     *     {@link CancellationException}; cancelling it aborts the request
     */
    public CompletableFuture<Exchange> exchangeAsync(String stepId, Supplier<StepRequest> request) {
        return sender.exchangeAsync(stepId, request);
    }

    /**
     * Runs an AsyncAPI step, blocking: sends its message, or waits for the first message that matches its
     * correlation id within its timeout. What does not happen (no transport configured, a failed send, no
     * matching message in time) is not thrown: it comes back as an exchange without a message
     * ({@link Exchange#messageDone()} false, {@link Exchange#transportFailure()} saying why), for the step's
     * failure actions.
     *
     * @param stepId the step
     * @param step builds what the step sends or waits for
     * @return the exchange, perhaps without a message
     * @throws CancellationException if the run was cancelled, before or while the step waited
     */
    public Exchange message(String stepId, Supplier<MessageStep> step) {
        return messages.message(stepId, step);
    }

    /**
     * Like {@link #message}, without blocking; cancelling the future ends the wait and cancels the run.
     *
     * @param stepId the step
     * @param step builds what the step sends or waits for
     * @return the exchange, perhaps without a message
     */
    public CompletableFuture<Exchange> messageAsync(String stepId, Supplier<MessageStep> step) {
        return messages.messageAsync(stepId, step);
    }

    /**
     * Sends a built request and waits for the response; unlike {@link #exchange}, every failure is thrown.
     *
     * @throws WorkflowException if the request cannot be built or the exchange fails, naming the step
     * @throws CancellationException if the run was cancelled, before or while the request was in flight
     */
    Exchange send(StepRequest request) {
        return sender.send(request);
    }

    /** Like {@link #send}, without blocking: the future fails with every failure. */
    CompletableFuture<Exchange> sendAsync(StepRequest request) {
        return sender.sendAsync(request);
    }

    /**
     * Decides whether a failed operation step is retried by a {@code retry} failure action: true while the
     * action's budget for this visit of the step lasts; the next {@link #enterStep} of the step then waits the
     * response's {@code Retry-After}, else the action's {@code retryAfter}. A retry is not a poll iteration, but
     * the deadline still applies.
     *
     * @param action the retry action
     * @param exchange the failed exchange, for its {@code Retry-After} header
     * @return whether to run the step again
     */
    public boolean retry(RetryAction action, Exchange exchange) {
        return retry(action.stepId(), action.name(), action.retryLimit(), action.retryAfterSeconds(), exchange);
    }

    /**
     * {@link #retry(RetryAction, Exchange)} for a step that calls a workflow, which has no {@code Retry-After}.
     *
     * @param action the retry action
     * @param call the failed call
     * @return whether to run the step again
     */
    public boolean retry(RetryAction action, WorkflowCall call) {
        return retry(action.stepId(), action.name(), action.retryLimit(), action.retryAfterSeconds(), null);
    }

    boolean retry(String stepId, String actionName, long retryLimit, double retryAfterSeconds, Exchange exchange) {
        return retries.retry(stepId, actionName, retryLimit, retryAfterSeconds, exchange);
    }

    /**
     * Spends the rest of a retry action's budget and drops the pending retry: the step or workflow the action
     * runs first failed, so the step's failure actions are chosen again from the top (CHECKLIST §4).
     *
     * @param action the retry action
     */
    public void exhaust(RetryAction action) {
        retries.exhaust(action.stepId(), action.name());
    }

    /**
     * Builds the failure of a step after an exchange (status and a redacted excerpt of the body, or why no
     * response came) and reports the run failed.
     *
     * @param stepId the step
     * @param exchange the exchange, or {@code null}
     * @param message what went wrong
     * @return the exception, to be thrown by the caller
     */
    public WorkflowException failure(String stepId, Exchange exchange, String message) {
        return failure(stepId, exchange, message, null);
    }

    /** Like {@link #failure(String, Exchange, String)}, with a cause, redacted if its message holds a secret. */
    WorkflowException failure(String stepId, Exchange exchange, String message, Throwable cause) {
        return events.failed(failures.failure(stepId, exchange, message, cause));
    }

    /**
     * The failure of a step that called a workflow, reported as the run's.
     *
     * @param stepId the step
     * @param workflowCall its outcome
     * @param message what went wrong
     * @return the exception to throw, with the callee's failure as cause
     */
    public WorkflowException failure(String stepId, WorkflowCall workflowCall, String message) {
        return events.failed(failures.error(stepId, message, workflowCall.failure()));
    }

    /**
     * Converts the outputs of a finished run to the workflow's {@code Outputs} record. A value of the wrong type
     * for an output's declared type (a string where the description promised an integer) fails as a
     * {@link WorkflowException} naming the workflow and the output.
     *
     * @param outputs the outputs as JSON
     * @param record converts them, throwing an {@link OutputTypeException} for a value that does not fit
     * @param <O> the record
     * @return the record
     */
    public <O> O outputs(ObjectNode outputs, Function<ObjectNode, O> record) {
        try {
            return record.apply(outputs);
        } catch (OutputTypeException e) {
            throw failures.error(null, e.getMessage(), e);
        }
    }

    /**
     * Starts the run of a workflow this one calls: it shares this run's client, secrets, cancellation and
     * record of completed workflows ({@code $workflows} expressions), and has its own steps and poll counts.
     *
     * @param childWorkflowId the called workflow
     * @return the child run
     * @throws WorkflowException if the child would nest runs deeper than {@value WorkflowCalls#MAX_DEPTH}
     */
    public WorkflowRun child(String childWorkflowId) {
        calls.checkDepth(childWorkflowId);
        WorkflowRun child = new WorkflowRun(
                client,
                childWorkflowId,
                events,
                calls.childCancellation(),
                calls.family(),
                calls.depth() + 1,
                RunCounters.NONE,
                Duration.ZERO,
                null);
        failures.secrets().forEach(child::secret);
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
        calls.completed(completedWorkflowId, inputs, outputs);
    }

    /**
     * @param otherWorkflowId a workflow
     * @return whether it completed in this top-level run
     */
    public boolean hasCompleted(String otherWorkflowId) {
        return calls.family().hasCompleted(otherWorkflowId);
    }

    /**
     * {@code $workflows.<id>.inputs.<name>}.
     *
     * @param otherWorkflowId the workflow
     * @param name the input
     * @return the value from its latest completed run, or {@code null}
     */
    public JsonNode workflowInput(String otherWorkflowId, String name) {
        return calls.family().value(otherWorkflowId, false, name);
    }

    /**
     * {@code $workflows.<id>.outputs.<name>}.
     *
     * @param otherWorkflowId the workflow
     * @param name the output
     * @return the value from its latest completed run, or {@code null}
     */
    public JsonNode workflowOutput(String otherWorkflowId, String name) {
        return calls.family().value(otherWorkflowId, true, name);
    }

    /**
     * Calls another workflow for a step; its failure becomes the step's failure, not an exception.
     *
     * @param stepId the calling step
     * @param callee runs the called workflow and returns its outputs
     * @return the outcome
     */
    public WorkflowCall call(String stepId, Supplier<ObjectNode> callee) {
        return calls.call(stepId, callee);
    }

    /**
     * Calls another workflow for a step with an Arazzo 1.1 {@code timeout}: the called run (its requests, poll
     * waits and the runs it calls) gets at most that long; past it, it is cancelled and the step's call fails
     * with a timeout its failure actions see, as an operation step's timeout. Cancelling this run still cancels
     * the called one.
     *
     * @param stepId the calling step
     * @param timeoutMillis the step's timeout in milliseconds
     * @param callee runs the called workflow and returns its outputs
     * @return the outcome
     */
    public WorkflowCall call(String stepId, long timeoutMillis, Supplier<ObjectNode> callee) {
        return calls.call(stepId, timeoutMillis, callee);
    }

    /**
     * Like {@link #call(String, long, Supplier)}, without blocking.
     *
     * @param stepId the calling step
     * @param timeoutMillis the step's timeout in milliseconds
     * @param callee starts the called workflow
     * @return the outcome, never failed exceptionally by the callee's failure or its timeout
     */
    public CompletableFuture<WorkflowCall> callAsync(
            String stepId, long timeoutMillis, Supplier<CompletableFuture<ObjectNode>> callee) {
        return calls.callAsync(stepId, timeoutMillis, callee);
    }

    /**
     * Like {@link #call}, without blocking.
     *
     * @param stepId the calling step
     * @param callee starts the called workflow
     * @return the outcome, never failed exceptionally by the callee's failure
     */
    public CompletableFuture<WorkflowCall> callAsync(String stepId, Supplier<CompletableFuture<ObjectNode>> callee) {
        return calls.callAsync(stepId, callee);
    }

    /** @return the run's counters so far, for a durable engine to keep */
    public RunCounters counters() {
        return guard.counters();
    }

    /** @return the HTTP status of the last response this run received (blocking), or -1 when none came */
    public int lastStatus() {
        return sender.lastStatus();
    }

    /** @return the workflow, for a durable engine's reports */
    public String workflowId() {
        return workflowId;
    }

    /** @return a snapshot of the registered secrets, for a durable engine that must keep them out of its history */
    public Collection<String> secrets() {
        return failures.secrets();
    }

    /**
     * Builds a failure of a step without a response, not yet reported, for a durable engine.
     *
     * @param stepId the step, or {@code null}
     * @param message what went wrong
     * @param cause the cause, or {@code null}
     * @return the exception
     */
    public WorkflowException error(String stepId, String message, Throwable cause) {
        return failures.error(stepId, message, cause);
    }

    // ---- for the run's parts and the runtime's own tests ----

    ArazzoClient client() {
        return client;
    }

    PollPolicy policy() {
        return policy;
    }

    RunClock clock() {
        return clock;
    }

    RunEvents events() {
        return events;
    }

    RunFailures failures() {
        return failures;
    }

    Cancellation cancellation() {
        return cancellation;
    }

    String redact(String text) {
        return failures.redact(text);
    }

    void stepInProgress(String stepId) {
        stepInProgress = stepId;
    }

    /** A completed future of this run to start an async chain from; cancelling one derived from it cancels. */
    CompletableFuture<Void> startAsync() {
        return cancellation.isCancelled()
                ? cancellation.failed(cancellation.exception(), this)
                : cancellation.completed(null, this);
    }

    int attempt(String stepId) {
        return guard.attempt(stepId);
    }

    int stepExecutions() {
        return guard.stepExecutions();
    }

    int loopIterations() {
        return guard.loopIterations();
    }

    Duration elapsed() {
        return Duration.ofNanos(clock.nanoTime() - startNanos);
    }

    /** Fails at once if the run was cancelled or its deadline passed, for long work inside a step. */
    void checkLimits(Function<String, WorkflowException> failure) {
        pacing.checkLimits(failure);
    }

    /** The failure of the step in progress (whose request was sent last), reported as the run's. */
    WorkflowException stepFailure(String message) {
        return failure(stepInProgress, (Exchange) null, message);
    }

    /** A URL fit for messages and events: secret query values and the run's secrets masked. */
    String redactUrl(URI uri) {
        return failures.redactUrl(uri);
    }

    /** Reports the run failed by cancellation (once) and returns the exception to throw. */
    CancellationException cancelled() {
        events.failed(failures.error(
                null,
                cancellation.hasTimedOut()
                        ? "the workflow run was cancelled: the timeout of the step that called it passed"
                        : "the workflow run was cancelled",
                null));
        return cancellation.exception();
    }
}
