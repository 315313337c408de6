package dev.weft.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowListener;
import dev.weft.runtime.http.LocalServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs under a bound of one request in flight to their server: a run that calls a workflow, or waits between
 * polls, holds no place meanwhile, so runs that call workflows and poll never wait on each other, blocking or
 * not; a cancelled run gives up its wait for a place.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RequestsInFlightRunsTest {

    private static LocalServer server;
    private static ArazzoClient client;

    @BeforeAll
    static void start() {
        server = LocalServer.start().on("/ok", r -> LocalServer.Reply.json(200, "{\"ok\":true}"));
        client = ArazzoClient.builder()
                .server("api", server.baseUrl())
                .maxRequestsPerOrigin(1)
                .pollPolicy(PollPolicy.defaults()
                        .withInitialDelay(Duration.ofMillis(20))
                        .withMaxDelay(Duration.ofMillis(20)))
                .listener(WorkflowListener.NONE)
                .build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static StepRequest ok(String stepId) {
        return StepRequest.create(stepId, "api", null, "GET", "/ok");
    }

    /** A request, a poll, a called workflow of two requests, and a last request. */
    private static CompletableFuture<Integer> runAsync() {
        WorkflowRun run = WorkflowRun.start(client, "outer");
        return run.enterStepAsync("first")
                .thenCompose(v -> run.exchangeAsync("first", () -> ok("first")))
                .thenCompose(e -> run.enterStepAsync("first"))
                .thenCompose(v -> run.exchangeAsync("first", () -> ok("first")))
                .thenCompose(e -> run.callAsync("call", () -> {
                    WorkflowRun child = run.child("inner");
                    return child.exchangeAsync("a", () -> ok("a"))
                            .thenCompose(x -> child.exchangeAsync("b", () -> ok("b")))
                            .thenApply(x -> Values.object());
                }))
                .thenCompose(call -> run.exchangeAsync("last", () -> ok("last")))
                .thenApply(Exchange::statusCode);
    }

    private static int runBlocking() {
        WorkflowRun run = WorkflowRun.start(client, "outer");
        run.enterStep("first");
        run.exchange("first", () -> ok("first"));
        run.enterStep("first");
        run.exchange("first", () -> ok("first"));
        WorkflowCall call = run.call("call", () -> {
            WorkflowRun child = run.child("inner");
            child.exchange("a", () -> ok("a"));
            child.exchange("b", () -> ok("b"));
            ObjectNode outputs = Values.object();
            return outputs;
        });
        assertTrue(call.succeeded());
        return run.exchange("last", () -> ok("last")).statusCode();
    }

    @Test
    void runsThatCallWorkflowsAndPollShareOnePlace() throws Exception {
        List<CompletableFuture<Integer>> async = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            async.add(runAsync());
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> blocking = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                blocking.add(threads.submit(RequestsInFlightRunsTest::runBlocking));
            }
            for (CompletableFuture<Integer> run : async) {
                assertEquals(200, run.get(30, TimeUnit.SECONDS));
            }
            for (Future<Integer> run : blocking) {
                assertEquals(200, run.get(30, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aCancelledRunGivesUpItsWaitForAPlace() throws Exception {
        LocalServer slow = LocalServer.start().on("/slow", r -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return LocalServer.Reply.json(200, "{}");
        });
        try {
            ArazzoClient one = ArazzoClient.builder()
                    .server("api", slow.baseUrl())
                    .maxRequestsPerOrigin(1)
                    .listener(WorkflowListener.NONE)
                    .build();
            WorkflowRun first = WorkflowRun.start(one, "w");
            CompletableFuture<Exchange> holder =
                    first.exchangeAsync("s", () -> StepRequest.create("s", "api", null, "GET", "/slow"));
            Thread.sleep(200);
            WorkflowRun second = WorkflowRun.start(one, "w");
            CompletableFuture<Exchange> waiting =
                    second.exchangeAsync("s", () -> StepRequest.create("s", "api", null, "GET", "/slow"));
            long start = System.nanoTime();
            second.cancel();
            assertThrows(Exception.class, () -> waiting.get(1, TimeUnit.SECONDS));
            assertTrue((System.nanoTime() - start) / 1_000_000 < 1000, "ended at the cancel, not at its turn");
            assertTrue(waiting.isCompletedExceptionally());
            assertThrows(CancellationException.class, () -> {
                try {
                    waiting.join();
                } catch (java.util.concurrent.CompletionException e) {
                    throw e.getCause();
                }
            });
            assertEquals(200, holder.get(10, TimeUnit.SECONDS).statusCode());
            assertEquals(1, slow.received().size(), "the cancelled run's request was never sent");
        } finally {
            slow.close();
        }
    }
}
