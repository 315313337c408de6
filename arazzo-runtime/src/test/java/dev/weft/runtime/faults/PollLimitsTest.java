package dev.weft.runtime.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.http.LocalServer;
import dev.weft.runtime.internal.Runs;
import dev.weft.runtime.internal.StepRequest;
import dev.weft.runtime.internal.WorkflowRun;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A server that always says "still running" cannot keep a run looping past its limits. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard, generous for a loaded machine
class PollLimitsTest {

    private static LocalServer server;
    private static ArazzoClient client;

    @BeforeAll
    static void start() {
        server = LocalServer.start().on("/job", r -> LocalServer.Reply.json(200, "{\"status\":\"running\"}"));
        client = ArazzoClient.builder().server("api", server.baseUrl()).build();
        // the JDK HttpClient takes up to a second to build on a cold JVM: not part of what the deadline measures
        Runs.send(WorkflowRun.start(client, "warm-up"), StepRequest.create("warmUp", "api", null, "GET", "/job"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Polls until a limit ends the run, as a generated {@code goto} loop would; returns the failure. */
    private static WorkflowException pollForever(WorkflowRun run) {
        StepRequest poll = StepRequest.create("poll", "api", null, "GET", "/job");
        return assertThrows(WorkflowException.class, () -> {
            while (true) {
                run.enterStep("poll");
                Runs.send(run, poll).responseBody();
            }
        });
    }

    @Test
    void iterationCapEndsAnEndlessLoop() {
        WorkflowRun run =
                WorkflowRun.start(client.withPollPolicy(PollPolicy.noDelay().withMaxIterations(5)), "wf");
        WorkflowException e = pollForever(run);
        assertEquals("poll", e.stepId());
        assertEquals("poll iteration limit 5 reached at step 'poll'", e.detail());
        assertEquals(7, e.attempt(), "the first visit and five loop iterations ran; the sixth iteration failed");
        assertEquals(6, Runs.loopIterations(run));
    }

    @Test
    void deadlineEndsALoopOnTime() {
        PollPolicy policy =
                new PollPolicy(Duration.ofMillis(200), 1.0, Duration.ofMillis(200), 1000, Duration.ofMillis(500));
        WorkflowRun run = WorkflowRun.start(client.withPollPolicy(policy), "wf");
        long start = System.nanoTime();
        WorkflowException e = pollForever(run);
        long millis = (System.nanoTime() - start) / 1_000_000;
        // generous for a loaded 2-core machine; an unbounded loop would run until the test timeout
        assertTrue(millis < 10_000, "took " + millis + " ms");
        assertEquals("poll", e.stepId());
        assertTrue(
                e.detail()
                        .matches("deadline PT0.5S (exceeded|would pass during the poll delay PT0.2S) at step "
                                + "'poll' \\(loop iteration \\d\\)"),
                e.detail());
        // how many iterations fit before the deadline depends on the machine's load; at least one ran
        assertTrue(Runs.loopIterations(run) >= 1, "the loop ran until the deadline: " + Runs.loopIterations(run));
    }

    @Test
    void asyncLoopsHitTheSameCap() {
        WorkflowRun run =
                WorkflowRun.start(client.withPollPolicy(PollPolicy.noDelay().withMaxIterations(2)), "wf");
        run.enterStepAsync("poll").join();
        run.enterStepAsync("poll").join();
        run.enterStepAsync("poll").join();
        ExecutionException e = assertThrows(
                ExecutionException.class, () -> run.enterStepAsync("poll").get());
        assertEquals(
                "poll iteration limit 2 reached at step 'poll'",
                assertInstanceOf(WorkflowException.class, e.getCause()).detail());
    }

    @Test
    void withPollPolicyIsACheapCopy() {
        PollPolicy strict = PollPolicy.noDelay().withMaxIterations(1);
        ArazzoClient copy = client.withPollPolicy(strict);
        assertNotSame(client, copy);
        assertSame(client.transport(), copy.transport());
        assertSame(client.listener(), copy.listener());
        assertEquals(client.defaultHeaders(), copy.defaultHeaders());
        assertEquals(client.requestTimeout(), copy.requestTimeout());
        assertEquals(strict, copy.pollPolicy());
        assertEquals(PollPolicy.defaults(), client.pollPolicy(), "the original keeps its policy");
        assertSame(copy, copy.withPollPolicy(strict));
        assertEquals(strict, Runs.client(WorkflowRun.start(copy, "wf")).pollPolicy());
    }
}
