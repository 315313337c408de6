package dev.weft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.http.HttpCall;
import dev.weft.runtime.http.HttpResult;
import dev.weft.runtime.http.HttpTransport;
import dev.weft.runtime.http.LocalServer;
import dev.weft.runtime.http.LocalServer.Reply;
import dev.weft.runtime.internal.Exchange;
import dev.weft.runtime.internal.Runs;
import dev.weft.runtime.internal.StepRequest;
import dev.weft.runtime.internal.Values;
import dev.weft.runtime.internal.WorkflowRun;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The listener hooks beyond plain events: {@code wants} (no event built for a listener that is off), a listener per
 * run ({@code workflowStarted}), headers for outgoing requests ({@code requestHeaders}), and the step on each call.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard, generous for a loaded machine
class ListenerHooksTest {

    private static LocalServer server;

    @BeforeAll
    static void start() {
        server = LocalServer.start()
                .on("/ok", r -> Reply.json(200, "{}"))
                .on("/busy", r -> new Reply(503, Map.of("Retry-After", "0"), new byte[0], false));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ArazzoClient client(WorkflowListener listener) {
        return ArazzoClient.builder()
                .server("api", server.baseUrl())
                .pollPolicy(PollPolicy.noDelay())
                .listener(listener)
                .build();
    }

    /** Every kind of event once: steps, a request and response, a retry, a poll wait, the run's end. */
    private static void runEveryKindOfEvent(ArazzoClient client) {
        WorkflowRun run = WorkflowRun.start(client, "wf");
        run.enterStep("submit");
        Exchange busy = Runs.send(run, StepRequest.create("submit", "api", null, "GET", "/busy"));
        Runs.retry(run, "submit", "again", 1, 0, busy);
        run.enterStep("submit");
        run.enterStep("poll");
        Runs.send(run, StepRequest.create("poll", "api", null, "GET", "/ok"));
        run.enterStep("poll");
        run.completed("wf", Values.object(), Values.object());
    }

    @Test
    void aLoggingListenerWhoseLoggerIsOffIsSentNoEvent() {
        LevelLogger off = new LevelLogger(Level.OFF);
        CountingListener counted = new CountingListener(new LoggingListener(off));
        runEveryKindOfEvent(client(counted));
        assertEquals(0, counted.events.get(), "no event was built, so none reached the listener");
        assertEquals(0, off.logged.get());
        assertTrue(off.asked.get() > 0, "the listener asked its logger");
    }

    @Test
    void aLoggingListenerIsSentOnlyWhatItsLoggerLogs() {
        LevelLogger warnings = new LevelLogger(Level.WARNING);
        CountingListener counted = new CountingListener(new LoggingListener(warnings));
        runEveryKindOfEvent(client(counted));
        assertEquals(List.of("workflowFinished"), counted.names, "only the run's end, which may be a WARNING");

        LevelLogger debug = new LevelLogger(Level.DEBUG);
        CountingListener all = new CountingListener(new LoggingListener(debug));
        runEveryKindOfEvent(client(all));
        assertEquals(
                List.of(
                        "stepStarted",
                        "requestSent",
                        "responseReceived",
                        "stepFinished",
                        "retryScheduled",
                        "stepStarted",
                        "stepFinished",
                        "stepStarted",
                        "requestSent",
                        "responseReceived",
                        "stepFinished",
                        "pollWaiting",
                        "stepStarted",
                        "stepFinished",
                        "workflowFinished"),
                all.names);
        assertEquals(all.events.get(), debug.logged.get(), "each event logged one line");
    }

    @Test
    void eachRunGetsItsOwnListenerAndACalledRunKnowsItsCaller() {
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        WorkflowListener perRun = new WorkflowListener() {
            @Override
            public WorkflowListener workflowStarted(WorkflowEvent event, WorkflowListener caller) {
                String name = event.workflowId() + "#" + runs.incrementAndGet();
                seen.add("started " + name + (caller == null ? "" : " by " + caller));
                return new WorkflowListener() {
                    @Override
                    public void stepStarted(StepEvent e) {
                        seen.add(name + " " + e.stepId());
                    }

                    @Override
                    public String toString() {
                        return name;
                    }
                };
            }
        };
        ArazzoClient client = client(perRun);
        WorkflowRun first = WorkflowRun.start(client, "outer");
        WorkflowRun second = WorkflowRun.start(client, "outer");
        first.enterStep("a");
        second.enterStep("b");
        WorkflowRun child = first.child("inner");
        child.enterStep("c");
        assertEquals(
                List.of(
                        "started outer#1",
                        "started outer#2",
                        "outer#1 a",
                        "outer#2 b",
                        "started inner#3 by outer#1",
                        "inner#3 c"),
                seen);
    }

    @Test
    void aListenerThatKeepsNoStatePerRunIsTheRunsListener() {
        RecordingListener events = new RecordingListener();
        WorkflowListener listeners = client(events).listener();
        assertSame(listeners, listeners.workflowStarted(new WorkflowEvent("wf", 0, 0, java.time.Duration.ZERO), null));
    }

    @Test
    void requestHeadersAreAddedButNeverReplaceTheStepsOwn() {
        List<RequestEvent> asked = new CopyOnWriteArrayList<>();
        WorkflowListener tracing = new WorkflowListener() {
            @Override
            public Map<String, String> requestHeaders(RequestEvent event) {
                asked.add(event);
                return Map.of(
                        "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                        "X-Step", "replaced?",
                        "X-Bad", "caf\u00e9");
            }
        };
        WorkflowRun run = WorkflowRun.start(client(tracing), "wf");
        run.enterStep("s");
        Runs.send(
                run,
                StepRequest.create("s", "api", null, "GET", "/ok")
                        .operationId("ping")
                        .header("X-Step", Values.of("own")));
        assertEquals("ping", asked.get(0).operationId());
        assertEquals("/ok", asked.get(0).pathTemplate());
        LocalServer.Received received = server.last();
        assertEquals(
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                received.headers().getFirst("traceparent"));
        assertEquals(List.of("own"), received.headers().get("X-Step"));
        assertNull(received.headers().getFirst("X-Bad"), "a value that is not ASCII is left out");
    }

    @Test
    void aCallCarriesItsStepAndOperation() throws Exception {
        List<HttpCall> calls = new CopyOnWriteArrayList<>();
        HttpTransport capture = new HttpTransport() {
            @Override
            public HttpResult send(HttpCall call) {
                calls.add(call);
                return new HttpResult(200, Map.of(), new byte[0]);
            }

            @Override
            public CompletableFuture<HttpResult> sendAsync(HttpCall call) {
                return CompletableFuture.completedFuture(send(call));
            }
        };
        ArazzoClient client = ArazzoClient.builder()
                .server("api", "http://api.test")
                .transport(capture)
                .listener(WorkflowListener.NONE)
                .build();
        WorkflowRun run = WorkflowRun.start(client, "wf");
        run.enterStep("read");
        Runs.send(
                run,
                StepRequest.create("read", "api", null, "GET", "/jobs/{id}")
                        .operationId("getJob")
                        .pathParam("id", Values.of("7")));
        Runs.sendAsync(run, StepRequest.create("other", "api", null, "POST", "/jobs"))
                .get();
        assertEquals(
                new HttpCall.Step("read", "getJob", "/jobs/{id}"), calls.get(0).step());
        assertEquals("http://api.test/jobs/7", calls.get(0).uri().toString());
        assertEquals(new HttpCall.Step("other", null, "/jobs"), calls.get(1).step());
        assertEquals(
                calls.get(0).step(), calls.get(0).withSecrets(List.of("secret")).step());
    }

    /** A logger that logs at and above one level, counting what it is asked and what it logs. */
    private static final class LevelLogger implements Logger {
        final AtomicInteger asked = new AtomicInteger();
        final AtomicInteger logged = new AtomicInteger();
        private final Level threshold;

        LevelLogger(Level threshold) {
            this.threshold = threshold;
        }

        @Override
        public String getName() {
            return "level";
        }

        @Override
        public boolean isLoggable(Level level) {
            asked.incrementAndGet();
            return threshold != Level.OFF && level.getSeverity() >= threshold.getSeverity();
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (isLoggable(level)) {
                logged.incrementAndGet();
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                logged.incrementAndGet();
            }
        }
    }

    /** Passes events to a listener and counts them: an event that reaches no listener was never built. */
    private static final class CountingListener implements WorkflowListener {
        final AtomicInteger events = new AtomicInteger();
        final List<String> names = new CopyOnWriteArrayList<>();
        private final WorkflowListener delegate;

        CountingListener(WorkflowListener delegate) {
            this.delegate = delegate;
        }

        private void count(String name) {
            events.incrementAndGet();
            names.add(name);
        }

        @Override
        public boolean wants(Class<?> eventType) {
            return delegate.wants(eventType);
        }

        @Override
        public void stepStarted(StepEvent event) {
            count("stepStarted");
            delegate.stepStarted(event);
        }

        @Override
        public void stepFinished(StepEvent event, String outcome) {
            count("stepFinished");
            delegate.stepFinished(event, outcome);
        }

        @Override
        public void requestSent(RequestEvent event) {
            count("requestSent");
            delegate.requestSent(event);
        }

        @Override
        public void responseReceived(ResponseEvent event) {
            count("responseReceived");
            delegate.responseReceived(event);
        }

        @Override
        public void retryScheduled(RetryEvent event) {
            count("retryScheduled");
            delegate.retryScheduled(event);
        }

        @Override
        public void pollWaiting(PollEvent event) {
            count("pollWaiting");
            delegate.pollWaiting(event);
        }

        @Override
        public void workflowFinished(WorkflowEvent event) {
            count("workflowFinished");
            delegate.workflowFinished(event);
        }

        @Override
        public void workflowFailed(WorkflowEvent event, WorkflowException failure) {
            count("workflowFailed");
            delegate.workflowFailed(event, failure);
        }
    }
}
