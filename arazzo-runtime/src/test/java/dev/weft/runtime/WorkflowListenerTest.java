package dev.weft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.http.LocalServer;
import dev.weft.runtime.http.LocalServer.Reply;
import dev.weft.runtime.internal.Exchange;
import dev.weft.runtime.internal.Runs;
import dev.weft.runtime.internal.StepRequest;
import dev.weft.runtime.internal.Values;
import dev.weft.runtime.internal.WorkflowRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard, generous for a loaded machine
class WorkflowListenerTest {

    private static final AtomicInteger FLAKY = new AtomicInteger();
    private static LocalServer server;

    @BeforeAll
    static void start() {
        server = LocalServer.start()
                .on("/ok", r -> Reply.json(200, "{}"))
                .on(
                        "/flaky",
                        r -> FLAKY.getAndIncrement() % 2 == 0
                                ? new Reply(503, Map.of("Retry-After", "0"), new byte[0], false)
                                : Reply.json(200, "{}"))
                .on("/down", r -> Reply.of(500, "text/plain", "down"))
                .on("/busy", r -> new Reply(503, Map.of("Retry-After", "0"), new byte[0], false));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ArazzoClient client(WorkflowListener... listeners) {
        ArazzoClient.Builder builder =
                ArazzoClient.builder().server("api", server.baseUrl()).pollPolicy(PollPolicy.noDelay());
        for (WorkflowListener listener : listeners) {
            builder.listener(listener);
        }
        return builder.build();
    }

    private static StepRequest get(String stepId, String path) {
        return StepRequest.create(stepId, "api", null, "GET", path);
    }

    @Test
    void aRunReportsItsStepsInOrder() {
        RecordingListener events = new RecordingListener();
        WorkflowRun run = WorkflowRun.start(client(events), "wf");
        run.enterStep("first");
        Runs.send(run, get("first", "/ok"));
        run.enterStep("flaky");
        Exchange failed = Runs.send(run, get("flaky", "/flaky"));
        assertTrue(Runs.retry(run, "flaky", "again", 1, 0, failed));
        run.enterStep("flaky");
        Runs.send(run, get("flaky", "/flaky"));
        run.enterStep("first");
        run.completed("wf", Values.object(), Values.object());
        run.completed("wf", Values.object(), Values.object());

        assertEquals(
                List.of(
                        "stepStarted",
                        "requestSent",
                        "responseReceived",
                        "stepFinished next flaky",
                        "stepStarted",
                        "requestSent",
                        "responseReceived",
                        "stepFinished retry",
                        "retryScheduled",
                        "stepStarted",
                        "requestSent",
                        "responseReceived",
                        "stepFinished next first",
                        "pollWaiting",
                        "stepStarted",
                        "stepFinished end",
                        "workflowFinished"),
                events.summary());
        assertTrue(
                events.events()
                        .get(8)
                        .startsWith("retryScheduled RetryEvent[workflowId=wf, stepId=flaky, "
                                + "attempt=1, actionName=again, retry=1, retryLimit=1, delay=PT0S, "),
                events.events().get(8));
        assertTrue(
                events.events()
                        .get(1)
                        .startsWith("requestSent RequestEvent[workflowId=wf, stepId=first, "
                                + "attempt=1, method=GET, url=" + server.baseUrl() + "/ok, elapsed="),
                events.events().get(1));
        assertTrue(
                events.events().get(6).contains("status=503, duration="),
                events.events().get(6));
        assertTrue(
                events.events().get(11).contains("status=200, duration="),
                events.events().get(11));
        assertTrue(
                events.events()
                        .get(16)
                        .startsWith("workflowFinished WorkflowEvent[workflowId=wf, "
                                + "stepExecutions=4, loopIterations=1, "),
                events.events().get(16));
    }

    @Test
    void aFailedRunIsReportedOnce() {
        RecordingListener events = new RecordingListener();
        WorkflowRun run = WorkflowRun.start(client(events), "wf");
        run.enterStep("down");
        Exchange down = Runs.send(run, get("down", "/down"));
        WorkflowException failure = run.failure("down", down, "status is not 2xx");
        run.failure("down", down, "status is not 2xx");
        assertEquals(
                List.of("stepStarted", "requestSent", "responseReceived", "stepFinished failed", "workflowFailed"),
                events.summary());
        assertTrue(
                events.events().get(4).endsWith("failure=" + failure.getMessage()),
                events.events().get(4));
    }

    @Test
    void transportFailuresAreReportedAsResponsesWithoutStatus() {
        RecordingListener events = new RecordingListener();
        WorkflowRun run = WorkflowRun.start(
                ArazzoClient.builder()
                        .server("api", LocalServer.refusedUrl())
                        .listener(events)
                        .build(),
                "wf");
        run.enterStep("refused");
        assertThrows(WorkflowException.class, () -> Runs.send(run, get("refused", "/x")));
        String response = events.events().get(2);
        assertTrue(response.contains("status=-1"), response);
        assertTrue(response.contains("error=ConnectException: "), response);
    }

    @Test
    void asyncStepsStartAfterTheirWait() {
        RecordingListener events = new RecordingListener();
        PollPolicy policy =
                PollPolicy.noDelay().withInitialDelay(Duration.ofMillis(50)).withMaxDelay(Duration.ofMillis(50));
        WorkflowRun run = WorkflowRun.start(client(events).withPollPolicy(policy), "wf");
        run.enterStepAsync("poll")
                .thenCompose(v -> Runs.sendAsync(run, get("poll", "/ok")))
                .thenCompose(e -> run.enterStepAsync("poll"))
                .join();
        assertEquals(
                List.of(
                        "stepStarted",
                        "requestSent",
                        "responseReceived",
                        "stepFinished next poll",
                        "pollWaiting",
                        "stepStarted"),
                events.summary());
        assertTrue(
                events.events().get(4).contains("iteration=1, delay=PT0.05S"),
                events.events().get(4));
    }

    @Test
    void aThrowingListenerBreaksNothingAndOthersStillHear() {
        List<String> order = new CopyOnWriteArrayList<>();
        WorkflowListener broken = new WorkflowListener() {
            @Override
            public void stepStarted(StepEvent event) {
                order.add("broken");
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void requestSent(RequestEvent event) {
                throw new IllegalStateException("listener bug");
            }
        };
        WorkflowListener second = new WorkflowListener() {
            @Override
            public void stepStarted(StepEvent event) {
                order.add("second");
            }
        };
        WorkflowRun run = WorkflowRun.start(client(broken, second), "wf");
        run.enterStep("first");
        assertEquals(200, Runs.send(run, get("first", "/ok")).statusCode());
        run.enterStep("again");
        assertEquals(List.of("broken", "second", "broken", "second"), order);
    }

    @Test
    void loggingListenerKeepsInfoQuiet() {
        CapturingLogger logger = new CapturingLogger();
        WorkflowRun run = WorkflowRun.start(client(new LoggingListener(logger)), "wf");
        run.enterStep("flaky");
        Exchange failed = Runs.send(run, get("flaky", "/busy"));
        assertTrue(Runs.retry(run, "flaky", "again", 1, 0, failed));
        run.enterStep("flaky");
        run.enterStep("flaky");
        run.failure("flaky", failed, "status is not 2xx");
        List<String> infoOrAbove =
                logger.lines().stream().filter(l -> !l.startsWith("DEBUG")).toList();
        for (String line : infoOrAbove) {
            assertTrue(
                    line.startsWith("INFO workflow 'wf' step 'flaky' (attempt 1): retry 1 of 1 by action 'again'")
                            || line.startsWith("WARNING workflow 'wf' failed after 3 steps in "),
                    line);
        }
        assertTrue(
                logger.lines().stream()
                        .anyMatch(l -> l.startsWith("DEBUG workflow 'wf' step 'flaky' " + "(attempt 1): GET "
                                + server.baseUrl() + "/busy -> HTTP 503 in ")),
                logger.lines().toString());
        assertTrue(
                logger.lines().stream().anyMatch(l -> l.startsWith("DEBUG") && l.contains("poll iteration 1 waits")),
                logger.lines().toString());
        assertTrue(
                infoOrAbove.stream().anyMatch(l -> l.startsWith("WARNING")),
                logger.lines().toString());
    }

    @Test
    void theDefaultListenerLogs() {
        String listeners = ArazzoClient.create().listener().toString();
        assertTrue(listeners.startsWith("Listeners[dev.weft.runtime.LoggingListener@"), listeners);
        assertFalse(client(new RecordingListener()).listener().toString().contains("LoggingListener"));
    }

    @Test
    void aCopyWithAListenerReportsToBothAndLeavesTheOriginalAlone() {
        RecordingListener shared = new RecordingListener();
        RecordingListener mine = new RecordingListener();
        ArazzoClient client = client(shared);
        ArazzoClient copy = client.withListener(mine);
        assertEquals(client.transport(), copy.transport());
        assertEquals(client.pollPolicy(), copy.pollPolicy());

        WorkflowRun run = WorkflowRun.start(copy, "wf");
        run.enterStep("first");
        Runs.send(run, get("first", "/ok"));
        WorkflowRun other = WorkflowRun.start(client, "other");
        other.enterStep("first");

        assertEquals(List.of("stepStarted", "requestSent", "responseReceived"), mine.summary());
        assertEquals(
                List.of("stepStarted", "requestSent", "responseReceived", "stepStarted"),
                shared.summary(),
                "the original's listener hears both runs, the extra one only the copy's");
        assertTrue(
                mine.events().stream().noneMatch(e -> e.contains("other")),
                mine.events().toString());
    }

    @Test
    void aCopyOfASilentClientReportsToTheExtraListenerOnly() {
        RecordingListener mine = new RecordingListener();
        ArazzoClient copy = client(WorkflowListener.NONE).withListener(mine);
        WorkflowRun run = WorkflowRun.start(copy, "wf");
        run.enterStep("first");
        assertEquals(List.of("stepStarted"), mine.summary());
        assertFalse(copy.listener().toString().contains("NONE"), copy.listener().toString());
    }
}
