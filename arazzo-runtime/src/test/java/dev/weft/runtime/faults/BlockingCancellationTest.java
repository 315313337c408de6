package dev.weft.runtime.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.RecordingListener;
import dev.weft.runtime.internal.Runs;
import dev.weft.runtime.internal.StepRequest;
import dev.weft.runtime.internal.WorkflowRun;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link WorkflowRun#cancel()} from another thread stops a blocking run: a request in flight to a server that
 * never answers is aborted and a poll wait ends; the blocked call returns at once with a
 * {@link CancellationException}, as the async run's future fails, and leaves no interrupt behind on its thread.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BlockingCancellationTest {

    private static StepRequest slow() {
        return StepRequest.create("slow", "api", null, "GET", "/slow");
    }

    /** What a blocked call ended with, and whether its thread was left interrupted. */
    private record Outcome(Throwable failure, boolean interrupted, long nanos) {}

    /** Runs {@code work} on a thread of its own, cancels the run from this one once {@code blocked} holds. */
    private static Outcome cancelDuring(WorkflowRun run, Consumer<WorkflowRun> work, BooleanSupplier blocked)
            throws Exception {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            long start = System.nanoTime();
            Throwable failure = null;
            try {
                work.accept(run);
            } catch (Throwable t) {
                failure = t;
            }
            outcome.complete(new Outcome(failure, Thread.currentThread().isInterrupted(), System.nanoTime() - start));
        });
        thread.start();
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!blocked.getAsBoolean() && System.nanoTime() < giveUp) {
            Thread.sleep(10);
        }
        // the call is past any set-up (the JDK builds its client slowly on a loaded machine): now it waits
        Thread.sleep(100);
        long cancelled = System.nanoTime();
        run.cancel();
        Outcome done = outcome.get(5, TimeUnit.SECONDS);
        assertTrue(
                System.nanoTime() - cancelled < TimeUnit.SECONDS.toNanos(2),
                "the blocked call returned promptly after the cancel");
        return done;
    }

    @Test
    void cancelStopsABlockingRequestInFlight() throws Exception {
        List<Consumer<WorkflowRun>> sends =
                List.of(run -> run.exchange("slow", BlockingCancellationTest::slow), run -> Runs.send(run, slow()));
        for (Consumer<WorkflowRun> send : sends) {
            RecordingListener events = new RecordingListener();
            try (RawServer server = RawServer.stalling()) {
                ArazzoClient client = ArazzoClient.builder()
                        .server("api", server.baseUrl())
                        .requestTimeout(Duration.ofSeconds(60))
                        .listener(events)
                        .build();
                WorkflowRun run = WorkflowRun.start(client, "wf");
                run.enterStep("slow");

                Outcome outcome =
                        cancelDuring(run, send, () -> !server.requestLines().isEmpty());

                assertInstanceOf(CancellationException.class, outcome.failure());
                assertFalse(outcome.interrupted(), "the cancel's interrupt does not outlive the call");
                assertTrue(server.awaitClientClosed(2000), "the server sees the connection closed");
                assertTrue(run.isCancelled());
                assertTrue(
                        events.summary().contains("workflowFailed"),
                        events.summary().toString());
            }
        }
    }

    @Test
    void cancelEndsABlockingPollWait() throws Exception {
        ArazzoClient client = ArazzoClient.builder()
                .pollPolicy(PollPolicy.defaults()
                        .withInitialDelay(Duration.ofSeconds(30))
                        .withMaxDelay(Duration.ofSeconds(30))
                        .withDeadline(Duration.ofMinutes(5)))
                .build();
        WorkflowRun run = WorkflowRun.start(client, "wf");
        run.enterStep("poll");

        Outcome outcome = cancelDuring(run, r -> r.enterStep("poll"), () -> true);

        assertInstanceOf(CancellationException.class, outcome.failure());
        assertFalse(outcome.interrupted());
        assertTrue(outcome.nanos() < TimeUnit.SECONDS.toNanos(5), "far less than the 30 s wait");
        assertEquals(1, Runs.loopIterations(run), "the revisit was counted, then cut short");
    }

    @Test
    void aRunCancelledBeforeItsRequestSendsNothing() throws Exception {
        try (RawServer server = RawServer.stalling()) {
            WorkflowRun run = WorkflowRun.start(
                    ArazzoClient.builder().server("api", server.baseUrl()).build(), "wf");
            run.cancel();
            Outcome outcome = cancelDuring(run, r -> r.exchange("slow", BlockingCancellationTest::slow), () -> true);
            assertInstanceOf(CancellationException.class, outcome.failure());
            assertFalse(outcome.interrupted());
        }
    }
}
