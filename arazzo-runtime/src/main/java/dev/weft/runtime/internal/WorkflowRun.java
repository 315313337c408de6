package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.http.HttpCall;
import dev.weft.runtime.http.HttpResult;
import dev.weft.runtime.http.Redactor;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One run of a workflow: counts step visits, enforces the poll policy on loops, sends the steps' requests and
 * builds their failures with secrets redacted; created by {@link ArazzoClient#startRun}, not thread-safe.
 *
 * <p>The first visit of a step never waits. A revisit (a {@code goto} back, i.e. a loop) is a poll iteration:
 * the run fails once its loop iterations exceed {@link PollPolicy#maxIterations()} or its time since
 * {@code startRun} exceeds {@link PollPolicy#deadline()}; otherwise it waits
 * {@link PollPolicy#delayBeforeIteration(int)} with n = visits of that step − 1.
 */
public final class WorkflowRun {

    private final ArazzoClient client;
    private final String workflowId;
    private final PollPolicy policy;
    private final long startNanos = System.nanoTime();
    private final Map<String, Integer> visits = new HashMap<>();
    private final Set<String> secrets = Collections.synchronizedSet(new LinkedHashSet<>());
    private final Map<String, Integer> retriesUsed = new HashMap<>();
    private int stepExecutions;
    private int loopIterations;
    private String retryingStep;
    private Duration retryDelay = Duration.ZERO;

    /**
     * Starts a run; generated code calls {@link ArazzoClient#startRun} instead.
     *
     * @param client the client
     * @param workflowId the workflow
     */
    public WorkflowRun(ArazzoClient client, String workflowId) {
        this.client = Objects.requireNonNull(client, "client");
        this.workflowId = Objects.requireNonNull(workflowId, "workflowId");
        this.policy = client.pollPolicy();
        client.defaultHeaders().forEach((name, value) -> {
            if (Redactor.isSecretHeader(name)) {
                Exchange.addSecretParts(secrets, value);
            }
        });
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
     * Registers a secret (an input marked secret) to be redacted from excerpts and messages.
     *
     * @param value the secret; {@code null} is ignored
     */
    public void secret(String value) {
        if (value != null) {
            secrets.add(value);
        }
    }

    /** @return a snapshot of the registered secrets */
    public Collection<String> secrets() {
        synchronized (secrets) {
            return Set.copyOf(secrets);
        }
    }

    /**
     * Records a visit of a step and, for a revisit, enforces the poll policy and waits.
     *
     * @param stepId the step
     * @throws WorkflowException if a limit is reached or the thread is interrupted while waiting
     */
    public void enterStep(String stepId) {
        Duration delay = visit(stepId);
        if (delay.isZero()) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(delay.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw error(stepId, "interrupted while waiting " + delay + " before step '" + stepId + "'", e);
        }
    }

    /**
     * Like {@link #enterStep}, but waits without blocking a thread.
     *
     * @param stepId the step
     * @return a future completed after the wait, or failed with a {@link WorkflowException}
     */
    public CompletableFuture<Void> enterStepAsync(String stepId) {
        Duration delay;
        try {
            delay = visit(stepId);
        } catch (WorkflowException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (delay.isZero()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS));
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
    public boolean retry(String stepId, String actionName, long retryLimit, double retryAfterSeconds,
            Exchange exchange) {
        String key = stepId + "\u0000" + actionName;
        int used = retriesUsed.getOrDefault(key, 0);
        if (used >= retryLimit) {
            return false;
        }
        retriesUsed.put(key, used + 1);
        retryingStep = stepId;
        String header = exchange == null ? null : exchange.result().header("Retry-After").orElse(null);
        retryDelay = RetryAfter.parse(header)
                .orElse(Duration.ofNanos((long) (retryAfterSeconds * 1_000_000_000L)));
        return true;
    }

    /**
     * Returns how often a step has been entered so far in this run.
     *
     * @param stepId the step
     * @return the visits, 0 if never
     */
    public int attempt(String stepId) {
        return visits.getOrDefault(stepId, 0);
    }

    /** @return the steps entered so far in this run, revisits included */
    public int stepExecutions() {
        return stepExecutions;
    }

    /** @return the loop iterations (revisits) so far in this run */
    public int loopIterations() {
        return loopIterations;
    }

    /** @return the time since the run started */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /**
     * Sends a step's request and waits for the response.
     *
     * @param request the request
     * @return the exchange
     * @throws WorkflowException if the request cannot be built or the exchange fails
     */
    public Exchange send(StepRequest request) {
        HttpCall call = prepare(request);
        HttpResult result;
        try {
            result = client.transport().send(call);
        } catch (IOException e) {
            throw transportFailure(request.stepId(), call, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw error(request.stepId(), "interrupted while waiting for the response", e);
        }
        return new Exchange(this, request, call, result);
    }

    /**
     * Sends a step's request without blocking the calling thread.
     *
     * @param request the request
     * @return the exchange, or a future failed with a {@link WorkflowException}
     */
    public CompletableFuture<Exchange> sendAsync(StepRequest request) {
        HttpCall call;
        CompletableFuture<HttpResult> pending;
        try {
            call = prepare(request);
            pending = client.transport().sendAsync(call);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return pending.handle((result, failure) -> {
            if (failure == null) {
                return new Exchange(this, request, call, result);
            }
            Throwable cause = unwrap(failure);
            throw new CompletionException(cause instanceof WorkflowException w
                    ? w.withContext(workflowId, request.stepId(), attempt(request.stepId()))
                    : transportFailure(request.stepId(), call, cause));
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
     * Builds the failure of a step after a response, with a cause.
     *
     * @param stepId the step
     * @param exchange the exchange, or {@code null}
     * @param message what went wrong
     * @param cause the cause, or {@code null}
     * @return the exception, to be thrown by the caller
     */
    public WorkflowException failure(String stepId, Exchange exchange, String message, Throwable cause) {
        return new WorkflowException(workflowId, stepId, attempt(stepId),
                exchange == null ? -1 : exchange.statusCode(), exchange == null ? null : exchange.responseExcerpt(),
                redact(message), cause);
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
        return new WorkflowException(workflowId, stepId, stepId == null ? 0 : attempt(stepId), -1, null,
                redact(message), cause);
    }

    /**
     * Masks the run's secrets in a text.
     *
     * @param text the text, or {@code null}
     * @return the masked text
     */
    public String redact(String text) {
        return Redactor.redact(text, secrets());
    }

    private Duration visit(String stepId) {
        int n = visits.merge(stepId, 1, Integer::sum);
        stepExecutions++;
        if (stepId.equals(retryingStep)) {
            retryingStep = null;
            if (elapsed().plus(retryDelay).compareTo(policy.deadline()) > 0) {
                throw error(stepId, "deadline " + policy.deadline() + " would pass during the retry delay "
                        + retryDelay + " at step '" + stepId + "'", null);
            }
            return retryDelay;
        }
        // a new visit of the step: its retry budgets start afresh
        retriesUsed.keySet().removeIf(key -> key.startsWith(stepId + "\u0000"));
        if (n == 1) {
            return Duration.ZERO;
        }
        loopIterations++;
        if (loopIterations > policy.maxIterations()) {
            throw error(stepId, "poll iteration limit " + policy.maxIterations() + " reached at step '" + stepId
                    + "'", null);
        }
        if (elapsed().compareTo(policy.deadline()) > 0) {
            throw error(stepId, "deadline " + policy.deadline() + " exceeded at step '" + stepId + "'", null);
        }
        return policy.delayBeforeIteration(n - 1);
    }

    private HttpCall prepare(StepRequest request) {
        String stepId = request.stepId();
        HttpCall call;
        try {
            String base = client.baseUrl(request.sourceName(), request.defaultServerUrl());
            call = request.toHttpCall(base, client.defaultHeaders(), client.requestTimeout());
        } catch (WorkflowException e) {
            throw e.withContext(workflowId, stepId, attempt(stepId));
        }
        secrets.addAll(Exchange.headerSecrets(call));
        request.queryParams().forEach((name, value) -> {
            if (Redactor.isSecretHeader(name)) {
                secrets.addAll(ParamEncoding.texts(value));
            }
        });
        return call;
    }

    private WorkflowException transportFailure(String stepId, HttpCall call, Throwable cause) {
        String target = call.uri().getScheme() + "://" + call.uri().getRawAuthority() + call.uri().getRawPath();
        return error(stepId, call.method() + " " + target + " failed: " + describe(cause), cause);
    }

    /** Names the class and message of a failure, taking the message from a cause when the JDK gives none. */
    private static String describe(Throwable failure) {
        String text = failure.getClass().getSimpleName();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 10; t = t.getCause(), depth++) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return text + ": " + t.getMessage();
            }
        }
        // the JDK's HttpClient reports a refused connection without any message
        return failure instanceof ConnectException ? text + ": could not connect to the server" : text;
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
        WorkflowRun child = new WorkflowRun(client, childWorkflowId);
        child.family = family;
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
    public WorkflowCall call(String stepId, java.util.function.Supplier<com.fasterxml.jackson.databind.node.ObjectNode> callee) {
        try {
            return new WorkflowCall(callee.get(), null);
        } catch (WorkflowException e) {
            return new WorkflowCall(Values.object(), e);
        } catch (RuntimeException e) {
            return new WorkflowCall(Values.object(), error(stepId, "the called workflow failed: " + e.getMessage(), e));
        }
    }

    /**
     * Like {@link #call}, without blocking.
     *
     * @param stepId the calling step
     * @param callee starts the called workflow
     * @return the outcome, never failed exceptionally by the callee's failure
     */
    public CompletableFuture<WorkflowCall> callAsync(String stepId,
            java.util.function.Supplier<CompletableFuture<com.fasterxml.jackson.databind.node.ObjectNode>> callee) {
        CompletableFuture<com.fasterxml.jackson.databind.node.ObjectNode> started;
        try {
            started = callee.get();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(call(stepId, () -> {
                throw e;
            }));
        }
        return started.handle((outputs, failure) -> {
            if (failure == null) {
                return new WorkflowCall(outputs, null);
            }
            Throwable cause = unwrap(failure);
            return cause instanceof WorkflowException e ? new WorkflowCall(Values.object(), e)
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
        return error(stepId, message, workflowCall.failure());
    }
}
