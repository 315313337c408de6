package dev.weft.runtime.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.CapturingLogger;
import dev.weft.runtime.LoggingListener;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.RecordingListener;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.http.LocalServer;
import dev.weft.runtime.http.LocalServer.Reply;
import dev.weft.runtime.internal.Conditions;
import dev.weft.runtime.internal.Exchange;
import dev.weft.runtime.internal.Runs;
import dev.weft.runtime.internal.StepRequest;
import dev.weft.runtime.internal.Values;
import dev.weft.runtime.internal.WorkflowRun;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every way a hostile server (or a document's value) can end a run ends it with a {@link WorkflowException},
 * exactly one {@code workflowFailed} event and a log line, in blocking and async runs alike: never a bare
 * runtime exception, never a listener that throws. Each case drives the run as generated code does (send a step,
 * then handle the exchange: failure actions see transport failures, criteria read the body).
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FailurePathsTest {

    private static LocalServer server;
    private static RawServer trickle;

    @BeforeAll
    static void start() {
        server = LocalServer.start()
                .on("/big", r -> Reply.of(200, "text/plain", "x".repeat(5000)))
                .on("/broken", r -> Reply.json(200, "{\"a\":"))
                .on("/huge-number", r -> Reply.json(200, "{\"n\":-1e999}"))
                .on("/busy", r -> new Reply(429, Map.of("Retry-After", "99999999999999999999"), new byte[0], false))
                .on("/running", r -> Reply.json(200, "{\"status\":\"running\",\"s\":\"" + "a".repeat(40) + "\"}"))
                .on("/away", r -> new Reply(302, Map.of("Location", "http://127.0.0.1:1/x"), new byte[0], false));
        trickle = RawServer.start((socket, head) -> {
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            try {
                for (int i = 0; i < 200; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (IOException gone) {
                // the client gave up, as it should
            }
        });
    }

    @AfterAll
    static void stop() {
        server.close();
        trickle.close();
    }

    /** One way to fail: what the run does, given the run, as generated code would. */
    private record Case(String server, PollPolicy policy, Function<WorkflowRun, Object> body) {}

    private static Map<String, Case> cases() {
        Map<String, Case> cases = new LinkedHashMap<>();
        PollPolicy quick = PollPolicy.noDelay().withMaxIterations(3);
        cases.put("connection refused", new Case(LocalServer.refusedUrl(), quick, run -> handle(run, "/x", e -> e)));
        cases.put("body too large", new Case(server.baseUrl(), quick, run -> handle(run, "/big", e -> e)));
        cases.put("body too slow", new Case(trickle.baseUrl(), quick, run -> handle(run, "/slow", e -> e)));
        cases.put(
                "malformed JSON",
                new Case(server.baseUrl(), quick, run -> handle(run, "/broken", Exchange::responseBody)));
        cases.put(
                "number beyond a double",
                new Case(server.baseUrl(), quick, run -> handle(run, "/huge-number", Exchange::responseBody)));
        cases.put("Retry-After of 10^20 s", new Case(server.baseUrl(), quick, run -> {
            Exchange exchange = send(run, "/busy");
            if (!Runs.retry(run, "s", "again", 1, 0, exchange)) {
                throw new AssertionError("the retry was refused");
            }
            return enter(run);
        }));
        cases.put("poll iteration limit", new Case(server.baseUrl(), quick, run -> {
            for (int i = 0; i < 10; i++) {
                send(run, "/running");
                enter(run);
            }
            return null;
        }));
        cases.put(
                "deadline before a request",
                new Case(server.baseUrl(), quick.withDeadline(Duration.ofNanos(1)), run -> send(run, "/running")));
        cases.put(
                "regex budget",
                new Case(
                        server.baseUrl(),
                        quick,
                        run -> handle(
                                run,
                                "/running",
                                e -> Conditions.regex(e.responseBody("/s"), Pattern.compile("(a+)+(b|c)\\1")))));
        cases.put(
                "absent value in a header",
                new Case(
                        server.baseUrl(),
                        quick,
                        run -> run.exchange(
                                "s",
                                () -> StepRequest.create("s", "api", null, "GET", "/running")
                                        .header(
                                                "Authorization",
                                                Values.interpolate("header 'Authorization'", "Bearer ", null)))));
        cases.put(
                "non-ASCII header",
                new Case(
                        server.baseUrl(),
                        quick,
                        run -> run.exchange(
                                "s",
                                () -> StepRequest.create("s", "api", null, "GET", "/running")
                                        .header("X-Name", Values.of("naïve")))));
        cases.put("redirect to another origin, not followed", new Case(server.baseUrl(), quick, run -> {
            Exchange exchange = send(run, "/away");
            throw run.failure("s", exchange, "success criteria not met: $statusCode == 200");
        }));
        cases.put(
                "invalid server URL",
                new Case(
                        "http://exa mple.com",
                        quick,
                        run -> run.exchange("s", () -> StepRequest.create("s", "api", null, "GET", "/x"))));
        return cases;
    }

    private static Object enter(WorkflowRun run) {
        run.enterStep("s");
        return null;
    }

    private static Exchange send(WorkflowRun run, String path) {
        run.enterStep("s");
        return run.exchange("s", () -> StepRequest.create("s", "api", null, "GET", path));
    }

    /** Sends, reads the exchange, and ends the run with a failure action when it failed, as generated code does. */
    private static Object handle(WorkflowRun run, String path, Function<Exchange, Object> read) {
        Exchange exchange = send(run, path);
        read.apply(exchange);
        if (exchange.transportFailure() != null) {
            throw run.failure("s", exchange, "failure action 'giveUp' ended the workflow");
        }
        return exchange;
    }

    @Test
    void everyFailureIsAWorkflowExceptionAndOneWorkflowFailedEvent() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Case> entry : cases().entrySet()) {
            for (boolean async : new boolean[] {false, true}) {
                String name = entry.getKey() + (async ? " (async)" : "");
                Case c = entry.getValue();
                RecordingListener events = new RecordingListener();
                CapturingLogger log = new CapturingLogger();
                WorkflowRun run = WorkflowRun.start(
                        ArazzoClient.builder()
                                .server("api", c.server())
                                .pollPolicy(c.policy())
                                .requestTimeout(Duration.ofMillis(700))
                                .maxResponseBytes(1000)
                                .listener(events)
                                .listener(new LoggingListener(log))
                                .build(),
                        "wf");
                Throwable thrown = null;
                try {
                    if (async) {
                        // the same work, on another thread, through a run future as runAsync chains it
                        Runs.startAsync(run).thenApply(v -> c.body().apply(run)).join();
                    } else {
                        c.body().apply(run);
                    }
                } catch (CompletionException e) {
                    thrown = e.getCause();
                } catch (RuntimeException e) {
                    thrown = e;
                }
                long failed = events.summary().stream()
                        .filter("workflowFailed"::equals)
                        .count();
                if (!(thrown instanceof WorkflowException)) {
                    problems.add(name + ": threw " + thrown);
                } else if (failed != 1) {
                    problems.add(name + ": " + failed + " workflowFailed events: " + events.summary());
                } else if (log.lines().stream().noneMatch(l -> l.startsWith("WARNING") && l.contains("failed after"))) {
                    problems.add(name + ": no log line of the failure: " + log.lines());
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
        assertEquals(13, cases().size());
    }

    @Test
    void aCancelledRunReportsItsFailureToo() {
        RecordingListener events = new RecordingListener();
        WorkflowRun run = WorkflowRun.start(
                ArazzoClient.builder()
                        .server("api", trickle.baseUrl())
                        .listener(events)
                        .build(),
                "wf");
        CompletableFuture<Exchange> pending = Runs.sendAsync(run, StepRequest.create("s", "api", null, "GET", "/slow"));
        pending.cancel(true);
        assertTrue(run.isCancelled());
        assertEquals(
                1,
                events.summary().stream().filter("workflowFailed"::equals).count(),
                events.summary().toString());
    }
}
