package dev.weft.runtime.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.http.LocalServer;
import dev.weft.runtime.http.LocalServer.Reply;
import dev.weft.runtime.internal.Exchange;
import dev.weft.runtime.internal.Runs;
import dev.weft.runtime.internal.StepRequest;
import dev.weft.runtime.internal.WorkflowRun;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Error statuses and {@code Retry-After}: what a step sees, and how long a retry waits. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard, generous for a loaded machine
class StatusFaultsTest {

    private static final AtomicInteger LIMITED = new AtomicInteger();
    private static final AtomicInteger UNAVAILABLE = new AtomicInteger();
    private static LocalServer server;
    private static ArazzoClient client;

    @BeforeAll
    static void start() {
        server = LocalServer.start()
                .on("/broken", r -> Reply.json(500, "{\"error\":\"database on fire\"}"))
                .on(
                        "/limited",
                        r -> LIMITED.getAndIncrement() == 0
                                ? new Reply(429, Map.of("Retry-After", "1"), LocalServer.bytes("slow down"), false)
                                : Reply.json(200, "{\"ok\":true}"))
                .on(
                        "/unavailable",
                        r -> UNAVAILABLE.getAndIncrement() == 0
                                ? new Reply(503, Map.of("Retry-After", httpDate(2)), new byte[0], false)
                                : Reply.json(200, "{\"ok\":true}"));
        client = ArazzoClient.builder()
                .server("api", server.baseUrl())
                .pollPolicy(PollPolicy.noDelay())
                .build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static StepRequest get(String stepId, String path) {
        return StepRequest.create(stepId, "api", null, "GET", path);
    }

    private static String httpDate(int secondsAhead) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(secondsAhead));
    }

    @Test
    void serverErrorBecomesAFailureWithStatusAndExcerpt() {
        WorkflowRun run = WorkflowRun.start(client, "wf");
        run.enterStep("load");
        Exchange exchange = Runs.send(run, get("load", "/broken"));
        assertEquals(500, exchange.statusCode());
        WorkflowException e = run.failure("load", exchange, "status is not 2xx");
        assertEquals("load", e.stepId());
        assertEquals(500, e.httpStatus());
        assertEquals(1, e.attempt());
        assertEquals("{\"error\":\"database on fire\"}", e.responseExcerpt());
        assertTrue(e.getMessage().contains("[HTTP 500]"), e.getMessage());
    }

    @Test
    void tooManyRequestsWaitsRetryAfterSecondsThenSucceeds() {
        WorkflowRun run = WorkflowRun.start(client, "wf");
        run.enterStep("limited");
        Exchange first = Runs.send(run, get("limited", "/limited"));
        assertEquals(429, first.statusCode());
        assertTrue(Runs.retry(run, "limited", "backOff", 2, 0, first));

        long start = System.nanoTime();
        run.enterStep("limited");
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waitedMillis >= 900 && waitedMillis < 3000, "waited " + waitedMillis + " ms");
        assertEquals(200, Runs.send(run, get("limited", "/limited")).statusCode());
        assertEquals(2, Runs.attempt(run, "limited"));
        assertEquals(0, Runs.loopIterations(run), "a retry is not a poll iteration");
    }

    @Test
    void unavailableWaitsUntilTheRetryAfterDate() {
        WorkflowRun run = WorkflowRun.start(client, "wf");
        run.enterStep("busy");
        Exchange first = Runs.send(run, get("busy", "/unavailable"));
        assertEquals(503, first.statusCode());
        assertTrue(Runs.retry(run, "busy", "later", 1, 30, first));

        long start = System.nanoTime();
        run.enterStep("busy");
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        // the date has whole seconds: 2 s ahead, truncated, leaves between 1 and 2 s
        assertTrue(waitedMillis >= 900 && waitedMillis < 3000, "waited " + waitedMillis + " ms");
        assertEquals(200, Runs.send(run, get("busy", "/unavailable")).statusCode());
        assertFalse(Runs.retry(run, "busy", "later", 1, 30, first), "the budget of one retry is spent");
    }
}
