package dev.weft.runtime.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.RecordingListener;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.http.LocalServer;
import dev.weft.runtime.http.LocalServer.Reply;
import dev.weft.runtime.internal.Conditions;
import dev.weft.runtime.internal.Exchange;
import dev.weft.runtime.internal.JsonPathQuery;
import dev.weft.runtime.internal.Runs;
import dev.weft.runtime.internal.StepRequest;
import dev.weft.runtime.internal.WorkflowRun;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server's text (and, for JSONPath {@code match(@.s, @.p)}, its pattern) cannot make a criterion run for
 * minutes: patterns that backtrack catastrophically run in linear time, and those that need backtracking
 * (backreferences) stop at a step budget, the run's deadline or its cancellation, as a {@link WorkflowException}
 * of the step and a {@code workflowFailed} event, in blocking and async runs.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileRegexTest {

    private static final String FORTY_AS = "a".repeat(40);
    private static final int BIG = 2_000_000;

    private static LocalServer server;

    @BeforeAll
    static void start() {
        server = LocalServer.start()
                .on("/as", r -> Reply.json(200, "{\"s\":\"" + FORTY_AS + "\"}"))
                .on("/big", r -> Reply.json(200, "{\"s\":\"" + "a".repeat(BIG) + "\"}"))
                .on(
                        "/evil",
                        r -> Reply.json(
                                200,
                                "[{\"s\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\",\"p\":\"(a|a)*b\"},"
                                        + "{\"s\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\",\"p\":\"(a+)+b\"},"
                                        + "{\"s\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\",\"p\":\"((a*)*)*b\"},"
                                        + "{\"s\":\"" + "a".repeat(20_000) + "\",\"p\":\"(.*a){25}b\"},"
                                        + "{\"s\":\"ab\",\"p\":\"(a|b)+\"}]"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ArazzoClient client(RecordingListener events, Duration deadline) {
        return ArazzoClient.builder()
                .server("api", server.baseUrl())
                .pollPolicy(PollPolicy.noDelay().withDeadline(deadline))
                .maxResponseBytes(8 * 1024 * 1024)
                .listener(events)
                .build();
    }

    private static StepRequest get(String path) {
        return StepRequest.create("s", "api", null, "GET", path);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void theIssuesRegexStopsAtItsBudget() {
        RecordingListener events = new RecordingListener();
        WorkflowRun run = WorkflowRun.start(client(events, Duration.ofMinutes(1)), "wf");
        run.enterStep("s");
        Exchange exchange = Runs.send(run, get("/as"));
        Pattern backreference = Pattern.compile("(a+)+(b|c)\\1");
        long start = System.nanoTime();
        WorkflowException e = assertThrows(
                WorkflowException.class, () -> Conditions.regex(exchange.responseBody("/s"), backreference));
        assertTrue(millisSince(start) < 5000, "stopped after " + millisSince(start) + " ms");
        assertEquals("s", e.stepId());
        assertEquals("wf", e.workflowId());
        assertTrue(
                e.detail()
                        .startsWith("regex criterion '(a+)+(b|c)\\1' stopped after 10004000 steps on a text of 40"
                                + " characters"),
                e.detail());
        assertTrue(events.summary().contains("workflowFailed"), events.summary().toString());
    }

    /** Nested quantifiers, overlapping alternatives: in the linear subset, so no text makes them slow. */
    @Test
    void catastrophicPatternsWithoutBackreferencesAreFast() {
        WorkflowRun run = WorkflowRun.start(client(new RecordingListener(), Duration.ofMinutes(1)), "wf");
        run.enterStep("s");
        Exchange exchange = Runs.send(run, get("/big"));
        for (String pattern : List.of("(a+)+b", "(a|aa)+$x", "^(a|a?)+b$", "(\\w+\\s?)*!")) {
            long start = System.nanoTime();
            assertFalse(Conditions.regex(exchange.responseBody("/s"), Pattern.compile(pattern)), pattern);
            assertTrue(millisSince(start) < 5000, pattern + " took " + millisSince(start) + " ms");
        }
    }

    @Test
    void jsonPathMatchWithTextAndPatternFromTheServer() {
        for (String query : List.of("$[?match(@.s, @.p)]", "$[?search(@.s, @.p)]")) {
            WorkflowRun run = WorkflowRun.start(client(new RecordingListener(), Duration.ofMinutes(1)), "wf");
            run.enterStep("s");
            Exchange exchange = Runs.send(run, get("/evil"));
            long start = System.nanoTime();
            List<?> selected = JsonPathQuery.compile(query).select(exchange.responseBody());
            assertTrue(millisSince(start) < 3000, query + " took " + millisSince(start) + " ms");
            assertEquals(1, selected.size(), query + " selects {s: ab, p: (a|b)+} only: " + selected);
        }
    }

    @Test
    void theDeadlineStopsABacktrackingRegex() throws InterruptedException {
        RecordingListener events = new RecordingListener();
        WorkflowRun run = WorkflowRun.start(client(events, Duration.ofMillis(1500)), "wf");
        run.enterStep("s");
        Exchange exchange = Runs.send(run, get("/big"));
        Thread.sleep(Math.max(0, 1600 - Runs.elapsed(run).toMillis()));
        long start = System.nanoTime();
        WorkflowException e = assertThrows(
                WorkflowException.class,
                () -> Conditions.regex(exchange.responseBody("/s"), Pattern.compile("^(\\w+)\\w*\\1x$")));
        assertTrue(millisSince(start) < 1000, "stopped after " + millisSince(start) + " ms");
        assertTrue(e.detail().endsWith("stopped: the run's deadline PT1.5S passed"), e.detail());
        assertEquals("s", e.stepId());
        assertTrue(events.summary().contains("workflowFailed"));
    }

    @Test
    void cancellingAnAsyncRunStopsABacktrackingRegex() throws Exception {
        WorkflowRun run = WorkflowRun.start(client(new RecordingListener(), Duration.ofMinutes(1)), "wf");
        CountDownLatch evaluating = new CountDownLatch(1);
        AtomicLong ended = new AtomicLong();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Pattern backtracking = Pattern.compile("^(\\w+)\\w*\\1x$");
        // as generated code chains a step's handler
        CompletableFuture<Boolean> handled = Runs.sendAsync(run, get("/big")).thenApply(exchange -> {
            evaluating.countDown();
            try {
                return Conditions.regex(exchange.responseBody("/s"), backtracking);
            } catch (RuntimeException e) {
                thrown.set(e);
                throw e;
            } finally {
                ended.set(System.nanoTime());
            }
        });
        assertTrue(evaluating.await(10, TimeUnit.SECONDS));
        Thread.sleep(100);
        long cancelled = System.nanoTime();
        handled.cancel(true);
        for (long deadline = System.nanoTime() + 5_000_000_000L; ended.get() == 0 && System.nanoTime() < deadline; ) {
            Thread.sleep(10);
        }
        assertTrue(ended.get() != 0, "the evaluation ended");
        long millis = (ended.get() - cancelled) / 1_000_000;
        assertTrue(millis < 1000, "the evaluation ended " + millis + " ms after the cancel");
        assertInstanceOf(CancellationException.class, thrown.get());
    }

    @Test
    void aBacktrackingRegexOutOfStackIsAStepFailure() {
        WorkflowRun run = WorkflowRun.start(client(new RecordingListener(), Duration.ofMinutes(1)), "wf");
        run.enterStep("s");
        Exchange exchange = Runs.send(run, get("/big"));
        WorkflowException e = assertThrows(
                WorkflowException.class,
                () -> Conditions.regex(exchange.responseBody("/s"), Pattern.compile("(a|b)*\\1c")));
        assertTrue(e.detail().contains("ran out of stack") || e.detail().contains("steps"), e.detail());
        assertEquals("s", e.stepId());
    }
}
