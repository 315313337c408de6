package dev.weft.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A step {@code timeout} on a call of a workflow ({@code WorkflowRun.call(step, ms, callee)}): the called run's poll
 * wait (10 s here) ends at the timeout and the call fails with a {@link StepTimeoutException}; a cancel of the
 * caller still reaches the called run; a call done in time leaves the caller as it was.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TimedWorkflowCallTest {

    private final ArazzoClient client = ArazzoClient.builder()
            .pollPolicy(new PollPolicy(Duration.ofSeconds(10), 1.0, Duration.ofSeconds(10), 10, Duration.ofMinutes(1)))
            .build();

    /** A called workflow that waits one poll delay (10 s) and then finishes. */
    private static ObjectNode pollOnce(WorkflowRun caller) {
        WorkflowRun child = caller.child("inner");
        child.enterStep("check");
        child.enterStep("check");
        ObjectNode outputs = Values.object();
        outputs.put("state", "done");
        return outputs;
    }

    @Test
    void theCalledRunsWaitEndsAtTheTimeoutAndTheCallFailsWithIt() {
        WorkflowRun run = WorkflowRun.start(client, "outer");
        long start = System.nanoTime();
        WorkflowCall call = run.call("wait", 200, () -> pollOnce(run));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertFalse(call.succeeded());
        assertTrue(millis >= 200 && millis < 5000, "cut at the timeout: " + millis + " ms");
        assertInstanceOf(StepTimeoutException.class, call.failure().getCause());
        assertTrue(
                call.failure().getMessage().contains("step 'wait' did not complete within its timeout of 200 ms"),
                call.failure().getMessage());
        assertFalse(run.isCancelled(), "the caller goes on: its failure actions decide");
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void anAsyncCallTimesOutTooAndItsChildsDelayIsCancelled() throws Exception {
        WorkflowRun run = WorkflowRun.start(client, "outer");
        CompletableFuture<WorkflowCall> pending = run.callAsync("wait", 200, () -> {
            WorkflowRun child = run.child("inner");
            return child.enterStepAsync("check")
                    .thenCompose(v -> child.enterStepAsync("check"))
                    .thenApply(v -> Values.object());
        });
        WorkflowCall call = pending.get(5, TimeUnit.SECONDS);
        assertFalse(call.succeeded());
        assertInstanceOf(StepTimeoutException.class, call.failure().getCause());
        assertFalse(run.isCancelled());
    }

    @Test
    void aCancelOfTheCallerReachesATimedCalledRun() throws Exception {
        WorkflowRun run = WorkflowRun.start(client, "outer");
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(run::cancel);
        long start = System.nanoTime();
        assertThrows(CancellationException.class, () -> run.call("wait", 20_000, () -> pollOnce(run)));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5000);
        Thread.interrupted();
    }

    @Test
    void aCallDoneInTimeIsUnaffected() {
        ArazzoClient quick =
                ArazzoClient.builder().pollPolicy(PollPolicy.noDelay()).build();
        WorkflowRun run = WorkflowRun.start(quick, "outer");
        WorkflowCall call = run.call("wait", 2000, () -> pollOnce(run));
        assertTrue(call.succeeded(), String.valueOf(call.failure()));
        assertEquals("done", call.output("state").asText());
        // the timer was disarmed: the next call of the same run is not cut short
        WorkflowCall again = run.call("wait", 2000, () -> pollOnce(run));
        assertTrue(again.succeeded());
        assertFalse(run.isCancelled());
    }
}
