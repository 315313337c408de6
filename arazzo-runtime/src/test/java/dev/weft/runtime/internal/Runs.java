package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.http.HttpCall;
import dev.weft.runtime.http.HttpResult;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * The members of a {@link WorkflowRun} that generated code does not use, opened to the runtime's tests in other
 * packages (the fault tests drive a run by hand); main code has no such door, so the run's public surface stays
 * what generated code needs.
 */
public final class Runs {

    private Runs() {}

    /** {@link WorkflowRun#send}: sends a built request, every failure thrown. */
    public static Exchange send(WorkflowRun run, StepRequest request) {
        return run.send(request);
    }

    public static CompletableFuture<Exchange> sendAsync(WorkflowRun run, StepRequest request) {
        return run.sendAsync(request);
    }

    public static CompletableFuture<Void> startAsync(WorkflowRun run) {
        return run.startAsync();
    }

    public static boolean retry(
            WorkflowRun run,
            String stepId,
            String actionName,
            long retryLimit,
            double retryAfterSeconds,
            Exchange exchange) {
        return run.retry(stepId, actionName, retryLimit, retryAfterSeconds, exchange);
    }

    public static WorkflowException failure(
            WorkflowRun run, String stepId, Exchange exchange, String message, Throwable cause) {
        return run.failure(stepId, exchange, message, cause);
    }

    public static WorkflowException error(WorkflowRun run, String stepId, String message, Throwable cause) {
        return run.error(stepId, message, cause);
    }

    public static int attempt(WorkflowRun run, String stepId) {
        return run.attempt(stepId);
    }

    public static int loopIterations(WorkflowRun run) {
        return run.loopIterations();
    }

    public static int stepExecutions(WorkflowRun run) {
        return run.stepExecutions();
    }

    public static Duration elapsed(WorkflowRun run) {
        return run.elapsed();
    }

    public static ArazzoClient client(WorkflowRun run) {
        return run.client();
    }

    public static String workflowId(WorkflowRun run) {
        return run.workflowId();
    }

    public static Collection<String> secrets(WorkflowRun run) {
        return run.secrets();
    }

    public static String redact(WorkflowRun run, String text) {
        return run.redact(text);
    }

    public static String url(Exchange exchange) {
        return exchange.url();
    }

    public static HttpResult result(Exchange exchange) {
        return exchange.result();
    }

    public static HttpCall call(Exchange exchange) {
        return exchange.call();
    }

    public static StepRequest request(Exchange exchange) {
        return exchange.request();
    }

    /** Parses JSON as the runtime does. */
    public static JsonNode parse(String json) {
        return Json.parse(json);
    }
}
