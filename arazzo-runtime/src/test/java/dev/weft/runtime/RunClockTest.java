package dev.weft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.http.LocalServer;
import dev.weft.runtime.http.LocalServer.Reply;
import dev.weft.runtime.internal.Exchange;
import dev.weft.runtime.internal.Runs;
import dev.weft.runtime.internal.StepRequest;
import dev.weft.runtime.internal.WorkflowRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A run measures its deadline by the client's clock and waits on it: poll delays and retry waits, sync and async. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard, generous for a loaded machine
class RunClockTest {

    /** Longer than the test's timeout: a wait taken on the wall clock would fail the test. */
    private static final Duration LONG = Duration.ofMinutes(10);

    private static LocalServer server;

    @BeforeAll
    static void start() {
        server = LocalServer.start()
                .on("/busy", r -> new Reply(503, Map.of("Retry-After", "3600"), new byte[0], false))
                .on(
                        "/dated",
                        r -> new Reply(503, Map.of("Retry-After", "Thu, 01 Jan 2026 00:02:00 GMT"), new byte[0], false))
                .on("/ok", r -> Reply.json(200, "{}"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ArazzoClient client(ManualClock clock, PollPolicy policy) {
        return ArazzoClient.builder()
                .server("api", server.baseUrl())
                .clock(clock)
                .pollPolicy(policy)
                .listener(WorkflowListener.NONE)
                .build();
    }

    private static PollPolicy longDelays() {
        return PollPolicy.defaults()
                .withInitialDelay(LONG)
                .withBackoffMultiplier(1.0)
                .withMaxDelay(LONG)
                .withDeadline(Duration.ofHours(1));
    }

    @Test
    void theDefaultIsTheSystemClock() {
        assertSame(RunClock.SYSTEM, ArazzoClient.create().clock());
        ManualClock clock = new ManualClock();
        ArazzoClient client = client(clock, PollPolicy.defaults());
        assertSame(clock, client.withPollPolicy(PollPolicy.noDelay()).clock(), "a copy keeps the clock");
    }

    @Test
    void pollDelaysWaitOnTheClock() {
        ManualClock clock = new ManualClock();
        WorkflowRun run = WorkflowRun.start(client(clock, longDelays()), "wf");
        run.enterStep("poll");
        run.enterStep("poll");
        run.enterStep("poll");
        assertEquals(List.of(LONG, LONG), clock.waits());
        assertEquals(LONG.multipliedBy(2), Runs.elapsed(run), "the run's time is the clock's");
    }

    @Test
    void theDeadlineIsMeasuredByTheClock() {
        ManualClock clock = new ManualClock();
        WorkflowRun run = WorkflowRun.start(client(clock, longDelays()), "wf");
        run.enterStep("poll");
        clock.advance(Duration.ofHours(2));
        WorkflowException e = assertThrows(WorkflowException.class, () -> run.enterStep("poll"));
        assertTrue(e.detail().startsWith("deadline PT1H exceeded at step 'poll'"), e.detail());
    }

    @Test
    void asyncPollDelaysWaitOnTheClock() throws Exception {
        ManualClock clock = new ManualClock();
        WorkflowRun run = WorkflowRun.start(client(clock, longDelays()), "wf");
        CompletableFuture<Void> done = run.enterStepAsync("poll")
                .thenCompose(v -> run.enterStepAsync("poll"))
                .thenCompose(v -> run.enterStepAsync("poll"));
        done.get(2, TimeUnit.SECONDS);
        assertEquals(List.of(LONG, LONG), clock.waits());
    }

    @Test
    void retryAfterSecondsWaitOnTheClock() {
        ManualClock clock = new ManualClock();
        WorkflowRun run = WorkflowRun.start(client(clock, longDelays()), "wf");
        run.enterStep("submit");
        Exchange busy = Runs.send(run, StepRequest.create("submit", "api", null, "GET", "/busy"));
        assertTrue(Runs.retry(run, "submit", "again", 1, 0, busy));
        run.enterStep("submit");
        assertEquals(List.of(Duration.ofHours(1)), clock.waits());
    }

    @Test
    void anHttpDateIsMeasuredAgainstTheClock() {
        ManualClock clock = new ManualClock();
        WorkflowRun run = WorkflowRun.start(client(clock, longDelays()), "wf");
        run.enterStep("submit");
        // the clock stands at 2026-01-01T00:00:00Z; the server asks for 00:02:00
        Exchange busy = Runs.send(run, StepRequest.create("submit", "api", null, "GET", "/dated"));
        assertTrue(Runs.retry(run, "submit", "again", 1, 0, busy));
        run.enterStep("submit");
        assertEquals(List.of(Duration.ofMinutes(2)), clock.waits());
    }

    @Test
    void theSystemClockWaitsForReal() throws Exception {
        long start = System.nanoTime();
        RunClock.SYSTEM.sleep(Duration.ofMillis(30));
        RunClock.SYSTEM
                .delay(Duration.ofMillis(30), new CompletableFuture<Void>().defaultExecutor())
                .get(2, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - start >= 60_000_000L, "waited");
        Duration skew =
                Duration.between(RunClock.SYSTEM.instant(), Instant.now()).abs();
        assertTrue(skew.compareTo(Duration.ofSeconds(1)) < 0, "the wall clock: " + skew);
    }
}
