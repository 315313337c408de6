package dev.weft.opentelemetry;

import dev.weft.runtime.WorkflowEvent;
import dev.weft.runtime.WorkflowListener;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.Objects;

/**
 * A {@link WorkflowListener} that traces workflow runs with OpenTelemetry and counts their retries, polls and
 * failures; add it with {@code ArazzoClient.builder().listener(OpenTelemetryListener.create(openTelemetry))}.
 *
 * <p>Spans: one per run ({@code workflow <workflowId>}, a child of the context current when the run starts, or of
 * the calling step for a workflow another one calls), one per step visit ({@code step <stepId>}, a child of the run)
 * and one per HTTP request ({@code GET /jobs/{id}}, kind {@code CLIENT}, a child of the step), whose context is sent
 * on the request by the configured propagator ({@code traceparent} for W3C trace context). Attributes hold ids,
 * counts, statuses and the URL as the run masks it, never header values or bodies, so no secret reaches a span.
 *
 * <p>Counters: {@value #RETRIES}, {@value #POLLS} and {@value #FAILURES}, by workflow and step. Without this module
 * on the class path, or without the listener on the client, nothing of it runs. Thread-safe.
 */
public final class OpenTelemetryListener implements WorkflowListener {

    /** The instrumentation scope's name: the tracer's and the meter's. */
    public static final String SCOPE = "dev.weft.arazzo";

    /** Retries scheduled by {@code retry} actions. */
    public static final String RETRIES = "arazzo.workflow.retries";

    /** Poll iterations: revisits of a step by a loop. */
    public static final String POLLS = "arazzo.workflow.polls";

    /** Runs that failed (or were cancelled). */
    public static final String FAILURES = "arazzo.workflow.failures";

    static final AttributeKey<String> WORKFLOW_ID = AttributeKey.stringKey("arazzo.workflow.id");
    static final AttributeKey<String> STEP_ID = AttributeKey.stringKey("arazzo.step.id");

    final Tracer tracer;
    final TextMapPropagator propagator;
    final LongCounter retries;
    final LongCounter polls;
    final LongCounter failures;

    private OpenTelemetryListener(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(SCOPE);
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        Meter meter = openTelemetry.getMeter(SCOPE);
        this.retries = meter.counterBuilder(RETRIES)
                .setDescription("Retries scheduled by retry actions")
                .setUnit("{retry}")
                .build();
        this.polls = meter.counterBuilder(POLLS)
                .setDescription("Poll iterations: revisits of a step by a loop")
                .setUnit("{iteration}")
                .build();
        this.failures = meter.counterBuilder(FAILURES)
                .setDescription("Workflow runs that failed or were cancelled")
                .setUnit("{run}")
                .build();
    }

    /**
     * Creates a listener reporting to an OpenTelemetry instance.
     *
     * @param openTelemetry the SDK, or {@code GlobalOpenTelemetry.get()}; its propagators inject the trace context
     * @return the listener
     */
    public static OpenTelemetryListener create(OpenTelemetry openTelemetry) {
        return new OpenTelemetryListener(Objects.requireNonNull(openTelemetry, "openTelemetry"));
    }

    /** Starts the run's span and returns the listener that traces the run. */
    @Override
    public WorkflowListener workflowStarted(WorkflowEvent event, WorkflowListener caller) {
        Context parent = caller instanceof RunTracing calling && calling.listener() == this
                ? calling.context()
                : Context.current();
        return new RunTracing(this, event.workflowId(), parent);
    }

    @Override
    public String toString() {
        return "OpenTelemetryListener[" + SCOPE + "]";
    }
}
