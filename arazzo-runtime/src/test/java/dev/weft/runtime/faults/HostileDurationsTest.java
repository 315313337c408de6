package dev.weft.runtime.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.CapturingLogger;
import dev.weft.runtime.LoggingListener;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.RecordingListener;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.http.LocalServer;
import dev.weft.runtime.http.LocalServer.Reply;
import dev.weft.runtime.internal.Exchange;
import dev.weft.runtime.internal.Runs;
import dev.weft.runtime.internal.StepRequest;
import dev.weft.runtime.internal.WorkflowRun;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Durations from a server ({@code Retry-After}), a document ({@code retryAfter}) or a user (the poll policy, the
 * request timeout) as large as their types allow end a run with a {@link WorkflowException} and a
 * {@code workflowFailed} event, or are waited as asked: never an {@link ArithmeticException}, in a run or in the
 * logging listener.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileDurationsTest {

    private static final Duration LONGEST = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);

    private static LocalServer server;

    @BeforeAll
    static void start() {
        server = LocalServer.start()
                .on("/busy", r -> new Reply(429, Map.of("Retry-After", "9223372036854775807"), new byte[0], false))
                .on(
                        "/later",
                        r -> new Reply(503, Map.of("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT"), new byte[0], false))
                .on("/ok", r -> Reply.json(200, "{}"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Watched(ArazzoClient client, RecordingListener events, CapturingLogger log) {}

    private static Watched client(PollPolicy policy, Duration requestTimeout) {
        RecordingListener events = new RecordingListener();
        CapturingLogger log = new CapturingLogger();
        ArazzoClient client = ArazzoClient.builder()
                .server("api", server.baseUrl())
                .pollPolicy(policy)
                .requestTimeout(requestTimeout)
                .listener(events)
                .listener(new LoggingListener(log))
                .build();
        return new Watched(client, events, log);
    }

    private static void assertFailedCleanly(Watched watched, WorkflowException e, String detail) {
        assertTrue(e.detail().matches(detail), e.detail());
        assertEquals(
                1,
                watched.events().summary().stream()
                        .filter(s -> s.equals("workflowFailed"))
                        .count());
        assertTrue(
                watched.log().lines().stream().anyMatch(l -> l.startsWith("WARNING") && l.contains(e.detail())),
                "the logging listener logged the failure: " + watched.log().lines());
    }

    @Test
    void retryAfterOfLongMaxSecondsEndsInTheDeadline() {
        for (String path : new String[] {"/busy", "/later"}) {
            Watched watched = client(PollPolicy.defaults(), Duration.ofSeconds(5));
            WorkflowRun run = WorkflowRun.start(watched.client(), "wf");
            run.enterStep("s");
            Exchange exchange = Runs.send(run, StepRequest.create("s", "api", null, "GET", path));
            assertTrue(Runs.retry(run, "s", "again", 3, 0, exchange));
            WorkflowException e = assertThrows(WorkflowException.class, () -> run.enterStep("s"));
            assertFailedCleanly(watched, e, "deadline PT15M would pass during the retry delay PT876000H at step 's'");
            assertTrue(
                    watched.log().lines().stream().anyMatch(l -> l.contains("retry 1 of 3 by action 'again' in ")),
                    "the logging listener logged the retry: " + watched.log().lines());
        }
    }

    @Test
    void asyncRunsFailTheSameWay() {
        Watched watched = client(PollPolicy.defaults(), Duration.ofSeconds(5));
        WorkflowRun run = WorkflowRun.start(watched.client(), "wf");
        StepRequest busy = StepRequest.create("s", "api", null, "GET", "/busy");
        CompletionException e = assertThrows(
                CompletionException.class,
                () -> run.enterStepAsync("s")
                        .thenCompose(entered -> Runs.sendAsync(run, busy))
                        .thenCompose(exchange -> {
                            assertTrue(Runs.retry(run, "s", "again", 1, 0, exchange));
                            return run.enterStepAsync("s");
                        })
                        .join());
        assertFailedCleanly(
                watched,
                assertInstanceOf(WorkflowException.class, e.getCause()),
                "deadline PT15M would pass during the retry delay PT876000H at step 's'");
    }

    @Test
    void documentRetryAfterIsCutToo() {
        Watched watched = client(PollPolicy.defaults(), Duration.ofSeconds(5));
        WorkflowRun run = WorkflowRun.start(watched.client(), "wf");
        StepRequest ok = StepRequest.create("s", "api", null, "GET", "/ok");
        run.enterStep("s");
        // NaN and negative seconds mean no wait
        assertTrue(Runs.retry(run, "s", "nan", 1, Double.NaN, Runs.send(run, ok)));
        run.enterStep("s");
        assertTrue(Runs.retry(run, "s", "negative", 1, -5, Runs.send(run, ok)));
        run.enterStep("s");
        assertTrue(Runs.retry(run, "s", "huge", 1, Double.MAX_VALUE, Runs.send(run, ok)));
        WorkflowException e = assertThrows(WorkflowException.class, () -> run.enterStep("s"));
        assertFailedCleanly(watched, e, "deadline PT15M would pass during the retry delay PT876000H at step 's'");
    }

    @Test
    void pollDelaysAsLongAsDurationAllows() {
        Watched watched =
                client(new PollPolicy(LONGEST, 1e300, LONGEST, 10, Duration.ofSeconds(2)), Duration.ofSeconds(5));
        WorkflowRun run = WorkflowRun.start(watched.client(), "wf");
        run.enterStep("s");
        WorkflowException e = assertThrows(WorkflowException.class, () -> run.enterStep("s"));
        assertFailedCleanly(
                watched,
                e,
                "deadline PT2S would pass during the poll delay PT2562047788015215H30M7.999999999S at step 's' "
                        + "\\(loop iteration 1\\)");
    }

    @Test
    void timeoutsAndDeadlinesAsLongAsDurationAllowsStillSend() {
        Watched watched = client(PollPolicy.noDelay().withDeadline(LONGEST), LONGEST);
        WorkflowRun run = WorkflowRun.start(watched.client(), "wf");
        run.enterStep("s");
        assertEquals(
                200,
                Runs.send(run, StepRequest.create("s", "api", null, "GET", "/ok"))
                        .statusCode());
        assertEquals(
                200,
                Runs.sendAsync(run, StepRequest.create("s", "api", null, "GET", "/ok"))
                        .join()
                        .statusCode());
    }
}
