package dev.weft.runtime.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.RecordingListener;
import dev.weft.runtime.internal.Exchange;
import dev.weft.runtime.internal.Runs;
import dev.weft.runtime.internal.StepRequest;
import dev.weft.runtime.internal.WorkflowRun;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Cancelling the future of an async run aborts its request or its poll wait, and the run stays cancelled. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard, generous for a loaded machine
class CancellationTest {

    private static StepRequest get(String stepId) {
        return StepRequest.create(stepId, "api", null, "GET", "/slow");
    }

    /** The chain a generated {@code runAsync} builds: enter the step, send, handle, on to the next. */
    private static CompletableFuture<String> runAsync(WorkflowRun run) {
        return run.enterStepAsync("slow")
                .thenCompose(entered -> Runs.sendAsync(run, get("slow")))
                .thenApply(Exchange::statusCode)
                .thenCompose(status -> run.enterStepAsync("next"))
                .thenApply(done -> "outputs");
    }

    @Test
    void cancellingTheRunAbortsTheRequestInFlight() throws Exception {
        RecordingListener events = new RecordingListener();
        try (RawServer server = RawServer.stalling()) {
            ArazzoClient client = ArazzoClient.builder()
                    .server("api", server.baseUrl())
                    .listener(events)
                    .build();
            WorkflowRun run = WorkflowRun.start(client, "wf");
            CompletableFuture<String> outputs = runAsync(run);
            Thread.sleep(100);
            assertTrue(outputs.cancel(true));
            assertTrue(outputs.isCancelled());
            assertTrue(run.isCancelled());
            assertTrue(server.awaitClientClosed(2000), "the server sees the connection closed");

            CompletableFuture<Void> later = run.enterStepAsync("again");
            assertTrue(later.isCompletedExceptionally(), "fails fast");
            assertThrows(
                    CancellationException.class,
                    () -> Runs.sendAsync(run, get("again")).get());
            assertThrows(CancellationException.class, () -> run.enterStep("again"));
            assertTrue(
                    events.summary().contains("workflowFailed"),
                    events.summary().toString());
        }
    }

    @Test
    void cancellingEndsAPollWait() throws Exception {
        PollPolicy slow =
                PollPolicy.noDelay().withInitialDelay(Duration.ofSeconds(30)).withMaxDelay(Duration.ofSeconds(30));
        WorkflowRun run =
                WorkflowRun.start(ArazzoClient.builder().pollPolicy(slow).build(), "wf");
        run.enterStepAsync("poll").join();
        CompletableFuture<Void> waiting = run.enterStepAsync("poll");
        CompletableFuture<String> outputs = waiting.thenApply(v -> "outputs");
        assertThrows(TimeoutException.class, () -> waiting.get(100, TimeUnit.MILLISECONDS));
        outputs.cancel(true);
        long start = System.nanoTime();
        CompletionException e = assertThrows(CompletionException.class, waiting::join);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 500, "the wait ends at once");
        assertInstanceOf(CancellationException.class, e.getCause());
    }

    @Test
    void orTimeoutCancelsTheRunToo() throws Exception {
        try (RawServer server = RawServer.stalling()) {
            WorkflowRun run = WorkflowRun.start(
                    ArazzoClient.builder().server("api", server.baseUrl()).build(), "wf");
            CompletableFuture<String> outputs = runAsync(run).orTimeout(200, TimeUnit.MILLISECONDS);
            ExecutionException e = assertThrows(ExecutionException.class, outputs::get);
            assertInstanceOf(TimeoutException.class, e.getCause());
            assertTrue(server.awaitClientClosed(2000), "the server sees the connection closed");
            assertTrue(run.isCancelled());
        }
    }

    @Test
    void chainsStartedFromTheRunAreLinkedToo() throws Exception {
        try (RawServer server = RawServer.stalling()) {
            WorkflowRun run = WorkflowRun.start(
                    ArazzoClient.builder().server("api", server.baseUrl()).build(), "wf");
            CompletableFuture<String> outputs =
                    Runs.startAsync(run).thenApply(v -> "dependencies ran").thenCompose(v -> runAsync(run));
            Thread.sleep(100);
            outputs.cancel(true);
            assertTrue(server.awaitClientClosed(2000), "the server sees the connection closed");
            assertTrue(Runs.startAsync(run).isCompletedExceptionally());
        }
    }

    @Test
    void aFinishedRunIsNotDisturbed() {
        try (RawServer server = RawServer.start(RawServer.reply(200, "application/json", "{}"))) {
            WorkflowRun run = WorkflowRun.start(
                    ArazzoClient.builder().server("api", server.baseUrl()).build(), "wf");
            CompletableFuture<String> outputs = runAsync(run);
            assertEquals("outputs", outputs.join());
            assertTrue(!outputs.cancel(true));
            assertTrue(!run.isCancelled(), "a run that ended is not cancelled after the fact");
        }
    }
}
