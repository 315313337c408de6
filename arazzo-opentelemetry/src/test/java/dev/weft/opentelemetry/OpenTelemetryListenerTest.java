package dev.weft.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.WorkflowListener;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Workflows run over real HTTP against a server on 127.0.0.1, traced into an in-memory exporter: the spans' tree, the
 * trace context the server receives, the counters, and no secret anywhere in a span.
 */
// generous: the JDK HttpClient's first use in a JVM is slow on a loaded machine
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpenTelemetryListenerTest {

    private static final String KEY = "sk-otel-5f3c9a1b7d";
    private static final AttributeKey<String> STEP = AttributeKey.stringKey("arazzo.step.id");

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private OpenTelemetrySdk sdk;
    private JobsServer server;
    private ArazzoClient client;

    @BeforeEach
    void start() {
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .setMeterProvider(
                        SdkMeterProvider.builder().registerMetricReader(metrics).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        server = new JobsServer();
        client = ArazzoClient.builder()
                .server(TracedWorkflow.SOURCE, server.baseUrl())
                .pollPolicy(PollPolicy.noDelay())
                .listener(OpenTelemetryListener.create(sdk))
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
        sdk.close();
    }

    private SpanData span(String name, int index) {
        List<SpanData> named = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name))
                .toList();
        assertTrue(named.size() > index, name + " spans: " + names());
        return named.get(index);
    }

    private List<String> names() {
        return spans.getFinishedSpanItems().stream().map(SpanData::getName).toList();
    }

    private long counter(String name) {
        return metrics.collectAllMetrics().stream()
                .filter(m -> m.getName().equals(name))
                .map(MetricData::getLongSumData)
                .flatMap(sum -> sum.getPoints().stream())
                .mapToLong(LongPointData::getValue)
                .sum();
    }

    @Test
    void aRunIsATreeOfRunStepAndHttpSpans() {
        TracedWorkflow.run(client, KEY);

        SpanData run = span("workflow jobs", 0);
        assertFalse(run.getParentSpanContext().isValid(), "a run started outside any span is a root");
        assertEquals(SpanKind.INTERNAL, run.getKind());
        List<SpanData> steps = spans.getFinishedSpanItems().stream()
                .filter(s ->
                        s.getName().startsWith("step ") && s.getParentSpanId().equals(run.getSpanId()))
                .toList();
        assertEquals(
                List.of("step create", "step create", "step poll", "step poll", "step poll", "step notify"),
                steps.stream().map(SpanData::getName).toList(),
                "one span per step visit, the retry and the polls included");

        SpanData firstCreate = steps.get(0);
        SpanData busy = span("POST /jobs", 0);
        assertEquals(SpanKind.CLIENT, busy.getKind());
        assertEquals(firstCreate.getSpanId(), busy.getParentSpanId());
        assertEquals(503L, busy.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
        assertEquals(StatusCode.ERROR, busy.getStatus().getStatusCode());
        assertEquals("retry", firstCreate.getAttributes().get(AttributeKey.stringKey("arazzo.step.outcome")));
        SpanData poll = span("GET /jobs/{id}", 2);
        assertEquals(steps.get(4).getSpanId(), poll.getParentSpanId());
        assertEquals("/jobs/{id}", poll.getAttributes().get(AttributeKey.stringKey("url.template")));
        assertEquals("getJob", poll.getAttributes().get(AttributeKey.stringKey("arazzo.operation.id")));
        assertEquals("127.0.0.1", poll.getAttributes().get(AttributeKey.stringKey("server.address")));

        // the called workflow's run is a child of the step that calls it
        SpanData child = span("workflow notify", 0);
        assertEquals(steps.get(5).getSpanId(), child.getParentSpanId());
        SpanData childStep = span("step send", 0);
        assertEquals(child.getSpanId(), childStep.getParentSpanId());
        assertEquals(childStep.getSpanId(), span("GET /notify", 0).getParentSpanId());

        Set<String> traces =
                spans.getFinishedSpanItems().stream().map(SpanData::getTraceId).collect(Collectors.toSet());
        assertEquals(Set.of(run.getTraceId()), traces, "one trace");
        assertEquals(6L, run.getAttributes().get(AttributeKey.longKey("arazzo.workflow.step_executions")));
    }

    @Test
    void theServerReceivesEachHttpSpansTraceContext() {
        TracedWorkflow.run(client, KEY);

        List<SpanData> http = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.CLIENT)
                .sorted((a, b) -> Long.compare(a.getStartEpochNanos(), b.getStartEpochNanos()))
                .toList();
        List<JobsServer.Received> received = server.received();
        assertEquals(
                List.of("POST /jobs", "POST /jobs", "GET /jobs/j1", "GET /jobs/j1", "GET /jobs/j1", "GET /notify"),
                received.stream().map(JobsServer.Received::request).toList());
        assertEquals(received.size(), http.size());
        assertTrue(http.stream().allMatch(s -> s.getSpanContext().isSampled()), "sampled, so the server may trace too");
        for (int i = 0; i < http.size(); i++) {
            SpanData span = http.get(i);
            assertEquals(
                    "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                            + span.getSpanContext().getTraceFlags().asHex(),
                    received.get(i).traceparent(),
                    "request " + (i + 1) + ", " + span.getName());
        }
    }

    @Test
    void aRunStartedInsideASpanIsItsChild() {
        Span outer = sdk.getTracer("test").spanBuilder("handle order").startSpan();
        Scope scope = outer.makeCurrent();
        try {
            TracedWorkflow.run(client, KEY);
        } finally {
            scope.close();
            outer.end();
        }
        SpanData run = span("workflow jobs", 0);
        assertEquals(outer.getSpanContext().getSpanId(), run.getParentSpanId());
        assertEquals(outer.getSpanContext().getTraceId(), run.getTraceId());
    }

    @Test
    void retriesPollsAndFailuresAreCounted() {
        TracedWorkflow.run(client, KEY);
        assertEquals(1, counter(OpenTelemetryListener.RETRIES));
        assertEquals(2, counter(OpenTelemetryListener.POLLS));
        assertEquals(0, counter(OpenTelemetryListener.FAILURES));
        SpanData run = span("workflow jobs", 0);
        assertEquals(
                List.of("retry scheduled", "poll wait", "poll wait"),
                run.getEvents().stream().map(EventData::getName).toList());

        server.failNotify();
        assertThrows(WorkflowException.class, () -> TracedWorkflow.run(client, KEY));
        assertEquals(2, counter(OpenTelemetryListener.FAILURES), "the called workflow and its caller failed");
        SpanData failed = span("workflow jobs", 1);
        assertEquals(StatusCode.ERROR, failed.getStatus().getStatusCode());
        assertTrue(
                failed.getStatus().getDescription().contains("step 'notify'"),
                failed.getStatus().toString());
    }

    @Test
    void noSpanHoldsASecret() {
        TracedWorkflow.run(client, KEY);
        server.failNotify();
        assertThrows(WorkflowException.class, () -> TracedWorkflow.run(client, KEY));

        List<SpanData> all = spans.getFinishedSpanItems();
        assertTrue(all.size() > 20, "spans: " + names());
        for (SpanData span : all) {
            String text = span.getName() + " " + span.getStatus() + " " + texts(span.getAttributes())
                    + span.getEvents().stream()
                            .map(e -> e.getName() + texts(e.getAttributes()))
                            .toList();
            assertFalse(text.contains(KEY), text);
            assertFalse(text.contains("5f3c9a1b7d"), text);
        }
        SpanData create = span("POST /jobs", 0);
        assertEquals(
                server.baseUrl() + "/jobs?token=***", create.getAttributes().get(AttributeKey.stringKey("url.full")));
    }

    @Test
    void anAsyncRunIsTracedTheSameWay() throws Exception {
        TracedWorkflow.runAsync(client, KEY).get(20, TimeUnit.SECONDS);
        SpanData run = span("workflow jobs", 0);
        assertEquals(run.getSpanId(), span("step poll", 2).getParentSpanId());
        assertEquals(
                span("step notify", 0).getSpanId(), span("workflow notify", 0).getParentSpanId());
        assertEquals(6, server.received().size());
        assertTrue(
                server.received().stream().allMatch(r -> r.traceparent() != null),
                server.received().toString());
    }

    @Test
    void withoutTheListenerNoTraceContextIsSent() {
        ArazzoClient plain = ArazzoClient.builder()
                .server(TracedWorkflow.SOURCE, server.baseUrl())
                .pollPolicy(PollPolicy.noDelay())
                .listener(WorkflowListener.NONE)
                .build();
        TracedWorkflow.run(plain, KEY);
        assertTrue(
                server.received().stream().allMatch(r -> r.traceparent() == null),
                server.received().toString());
        assertEquals(List.of(), names());
    }

    private static String texts(Attributes attributes) {
        Map<AttributeKey<?>, Object> map = attributes.asMap();
        return map.toString();
    }
}
