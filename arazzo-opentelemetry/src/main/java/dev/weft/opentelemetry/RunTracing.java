package dev.weft.opentelemetry;

import static dev.weft.opentelemetry.OpenTelemetryListener.STEP_ID;
import static dev.weft.opentelemetry.OpenTelemetryListener.WORKFLOW_ID;

import dev.weft.runtime.PollEvent;
import dev.weft.runtime.RequestEvent;
import dev.weft.runtime.ResponseEvent;
import dev.weft.runtime.RetryEvent;
import dev.weft.runtime.StepEvent;
import dev.weft.runtime.WorkflowEvent;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.WorkflowListener;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tracing of one workflow run: its span, the span of the step in progress and of the request in flight. A run's
 * events come one at a time, yet possibly from different threads (an asynchronous run), hence the locking.
 */
final class RunTracing implements WorkflowListener {

    private static final AttributeKey<Long> STEP_ATTEMPT = AttributeKey.longKey("arazzo.step.attempt");
    private static final AttributeKey<String> STEP_OUTCOME = AttributeKey.stringKey("arazzo.step.outcome");
    private static final AttributeKey<String> OPERATION_ID = AttributeKey.stringKey("arazzo.operation.id");
    private static final AttributeKey<Long> STEP_EXECUTIONS = AttributeKey.longKey("arazzo.workflow.step_executions");
    private static final AttributeKey<Long> LOOP_ITERATIONS = AttributeKey.longKey("arazzo.workflow.loop_iterations");
    // the HTTP client semantic conventions' names
    private static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    private static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
    private static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    private static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private final OpenTelemetryListener listener;
    private final String workflowId;
    private final Span run;
    private final Context runContext;
    private Span step;
    private Context stepContext;
    private Span request;
    private Context requestContext;

    RunTracing(OpenTelemetryListener listener, String workflowId, Context parent) {
        this.listener = listener;
        this.workflowId = workflowId;
        this.run = listener.tracer
                .spanBuilder("workflow " + workflowId)
                .setParent(parent)
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute(WORKFLOW_ID, workflowId)
                .startSpan();
        this.runContext = parent.with(run);
    }

    OpenTelemetryListener listener() {
        return listener;
    }

    /** The context a called workflow's run is a child of: the calling step's, else the run's. */
    synchronized Context context() {
        return stepContext != null ? stepContext : runContext;
    }

    @Override
    public synchronized void stepStarted(StepEvent event) {
        endStep(null);
        step = listener.tracer
                .spanBuilder("step " + event.stepId())
                .setParent(runContext)
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute(WORKFLOW_ID, workflowId)
                .setAttribute(STEP_ID, event.stepId())
                .setAttribute(STEP_ATTEMPT, (long) event.attempt())
                .startSpan();
        stepContext = runContext.with(step);
    }

    @Override
    public synchronized void stepFinished(StepEvent event, String outcome) {
        endStep(outcome);
    }

    @Override
    public synchronized void requestSent(RequestEvent event) {
        endRequest();
        String template = event.pathTemplate();
        var span = listener.tracer
                .spanBuilder(template == null ? event.method() : event.method() + " " + template)
                .setParent(stepContext != null ? stepContext : runContext)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(HTTP_METHOD, event.method())
                .setAttribute(URL_FULL, event.url())
                .setAttribute(WORKFLOW_ID, workflowId)
                .setAttribute(STEP_ID, event.stepId());
        if (template != null) {
            span.setAttribute(URL_TEMPLATE, template);
        }
        if (event.operationId() != null) {
            span.setAttribute(OPERATION_ID, event.operationId());
        }
        URI uri = parse(event.url());
        if (uri != null && uri.getHost() != null) {
            span.setAttribute(SERVER_ADDRESS, uri.getHost());
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            span.setAttribute(SERVER_PORT, (long) port);
        }
        request = span.startSpan();
        requestContext = (stepContext != null ? stepContext : runContext).with(request);
    }

    /** The trace context of the request just started, as the propagator writes it ({@code traceparent}). */
    @Override
    public synchronized Map<String, String> requestHeaders(RequestEvent event) {
        if (requestContext == null) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>(2);
        listener.propagator.inject(requestContext, headers, (carrier, name, value) -> carrier.put(name, value));
        return headers;
    }

    @Override
    public synchronized void responseReceived(ResponseEvent event) {
        if (request == null) {
            return;
        }
        if (event.status() >= 0) {
            request.setAttribute(HTTP_STATUS, (long) event.status());
            if (event.status() >= 400) {
                // the HTTP conventions: a client span with a 4xx or 5xx status is an error
                request.setAttribute(ERROR_TYPE, Integer.toString(event.status()));
                request.setStatus(StatusCode.ERROR);
            }
        } else {
            request.setAttribute(ERROR_TYPE, "transport");
            // the runtime's description, secrets masked
            request.setStatus(StatusCode.ERROR, String.valueOf(event.error()));
        }
        endRequest();
    }

    @Override
    public synchronized void retryScheduled(RetryEvent event) {
        Attributes attributes = Attributes.of(WORKFLOW_ID, workflowId, STEP_ID, event.stepId());
        listener.retries.add(1, attributes);
        run.addEvent(
                "retry scheduled",
                Attributes.builder()
                        .putAll(attributes)
                        .put("arazzo.retry.action", event.actionName())
                        .put("arazzo.retry.number", (long) event.retry())
                        .put("arazzo.retry.delay_ms", millis(event.delay()))
                        .build());
    }

    @Override
    public synchronized void pollWaiting(PollEvent event) {
        listener.polls.add(1, Attributes.of(WORKFLOW_ID, workflowId, STEP_ID, event.stepId()));
        run.addEvent(
                "poll wait",
                Attributes.of(
                        STEP_ID,
                        event.stepId(),
                        AttributeKey.longKey("arazzo.poll.iteration"),
                        (long) event.iteration(),
                        AttributeKey.longKey("arazzo.poll.delay_ms"),
                        millis(event.delay())));
    }

    @Override
    public synchronized void workflowFinished(WorkflowEvent event) {
        endRun(event);
    }

    @Override
    public synchronized void workflowFailed(WorkflowEvent event, WorkflowException failure) {
        var attributes = Attributes.builder().put(WORKFLOW_ID, workflowId);
        if (failure.stepId() != null) {
            attributes.put(STEP_ID, failure.stepId());
        }
        listener.failures.add(1, attributes.build());
        run.setAttribute(ERROR_TYPE, failure.getClass().getName());
        // the message is the runtime's, redacted: no secret, whatever the server sent
        run.setStatus(StatusCode.ERROR, failure.getMessage());
        endRun(event);
    }

    private void endRun(WorkflowEvent event) {
        endRequest();
        endStep(null);
        run.setAttribute(STEP_EXECUTIONS, (long) event.stepExecutions());
        run.setAttribute(LOOP_ITERATIONS, (long) event.loopIterations());
        run.end();
    }

    private void endStep(String outcome) {
        endRequest();
        if (step != null) {
            if (outcome != null) {
                step.setAttribute(STEP_OUTCOME, outcome);
                if (outcome.equals("failed")) {
                    step.setStatus(StatusCode.ERROR);
                }
            }
            step.end();
            step = null;
            stepContext = null;
        }
    }

    private void endRequest() {
        if (request != null) {
            request.end();
            request = null;
            requestContext = null;
        }
    }

    private static long millis(Duration delay) {
        // a wait a server names may be too long for toMillis()
        return delay.getSeconds() < Long.MAX_VALUE / 1000 - 1 ? delay.toMillis() : Long.MAX_VALUE;
    }

    private static URI parse(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            // a masked URL ('***' in the user info) may not parse: the span keeps url.full alone
            return null;
        }
    }

    @Override
    public String toString() {
        return "RunTracing[" + workflowId + "]";
    }
}
