package dev.weft.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;

/** The stub answers by operation, keeps the requests for assertions and runs polls and retries on virtual time. */
@ExtendWith(ArazzoExtension.class)
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StubTransportTest {

    private static final String KEY = "sk-test-0123456789";
    /** The class's timeout: shorter than the waits the tests take on virtual time, which wall time would exceed. */
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final Duration LONG = Duration.ofMinutes(10);

    private static ArazzoClient client(ArazzoClient.Builder builder) {
        return builder.server(JobsWorkflow.SOURCE, "https://jobs.example").build();
    }

    private static void scriptThreePolls(StubTransport stub) {
        stub.on("createJob").reply(StubResponse.json(201, "{\"id\":\"job-7\"}"));
        stub.on("getJob")
                .reply(
                        StubResponse.json(200, "{\"status\":\"running\"}"),
                        StubResponse.json(200, "{\"status\":\"running\"}"),
                        StubResponse.json(200, "{\"status\":\"done\",\"result\":\"r.png\"}"));
    }

    @Test
    void aPollLoopRunsOnVirtualTime(ArazzoClient.Builder builder, StubTransport stub, VirtualClock clock) {
        scriptThreePolls(stub);
        PollPolicy slow =
                PollPolicy.defaults().withInitialDelay(Duration.ofSeconds(20)).withMaxDelay(LONG);
        long start = System.nanoTime();
        JobsWorkflow.Outputs outputs = new JobsWorkflow(client(builder.pollPolicy(slow))).run(KEY, "a fox");
        Duration wall = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(new JobsWorkflow.Outputs("job-7", "done", "r.png"), outputs);
        stub.assertRequestCount("getJob", 3);
        // 20 s before the second visit, 30 s (x1.5) before the third: longer than the test's timeout
        assertEquals(List.of(Duration.ofSeconds(20), Duration.ofSeconds(30)), clock.waits());
        assertTrue(wall.compareTo(TIMEOUT) < 0, "the 50 s of poll delays cost no wall time: " + wall);
    }

    @Test
    void theRequestsSentCanBeAsserted(ArazzoClient.Builder builder, StubTransport stub) {
        scriptThreePolls(stub);
        new JobsWorkflow(client(builder)).run(KEY, "a fox");

        stub.onlyRequest("createJob")
                .assertMethod("POST")
                .assertPath("/jobs")
                .assertQuery("priority", "high")
                .assertHeader("Authorization", "Bearer " + KEY)
                .assertHeader("Content-Type", "application/json")
                .assertJsonBody("{\"prompt\": \"a fox\"}")
                .assertJsonAt("/prompt", "\"a fox\"");
        SentRequest poll = stub.requests("getJob").get(2);
        poll.assertMethod("GET").assertPath("/jobs/job-7").assertNoHeader("Content-Type");
        assertEquals("getJob", poll.stepId());
        assertEquals(
                List.of("createJob", "getJob", "getJob", "getJob"),
                stub.requests().stream().map(SentRequest::operationId).toList());
    }

    @Test
    void assertionMessagesMaskSecrets(ArazzoClient.Builder builder, StubTransport stub) {
        scriptThreePolls(stub);
        new JobsWorkflow(client(builder)).run(KEY, "a fox " + KEY);
        SentRequest create = stub.onlyRequest("createJob");

        List<AssertionFailedError> failures = List.of(
                assertThrows(AssertionFailedError.class, () -> create.assertHeader("Authorization", "Bearer other")),
                assertThrows(AssertionFailedError.class, () -> create.assertJsonBody("{\"prompt\":\"a cat\"}")),
                assertThrows(AssertionFailedError.class, () -> create.assertBody(KEY)),
                assertThrows(AssertionFailedError.class, () -> create.assertPath("/" + KEY)),
                assertThrows(AssertionFailedError.class, () -> stub.assertRequestCount("getJob", 9)));
        for (AssertionFailedError failure : failures) {
            String shown = failure.getMessage() + " " + failure.getExpected() + " " + failure.getActual();
            assertFalse(shown.contains(KEY), shown);
            assertFalse(shown.contains("0123456789"), shown);
        }
        assertTrue(
                failures.get(0).getMessage().contains("header 'Authorization'"),
                failures.get(0).getMessage());
        assertTrue(
                failures.get(1).getMessage().contains("a fox ***"),
                failures.get(1).getMessage());
        assertEquals(
                "request 1 POST https://jobs.example/jobs?priority=high (operation 'createJob', step 'createJob')",
                create.toString());
    }

    @Test
    void retryAfterCostsNoWallTime(ArazzoClient.Builder builder, StubTransport stub, VirtualClock clock) {
        stub.on("createJob")
                .reply(
                        StubResponse.status(503).withHeader("Retry-After", "120"),
                        StubResponse.json(201, "{\"id\":\"job-8\"}"));
        stub.on("getJob").reply(StubResponse.json(200, "{\"status\":\"done\"}"));
        long start = System.nanoTime();
        JobsWorkflow.Outputs outputs = new JobsWorkflow(client(builder)).run(KEY, "a fox");
        Duration wall = Duration.ofNanos(System.nanoTime() - start);

        assertEquals("job-8", outputs.id());
        stub.assertRequestCount("createJob", 2);
        assertEquals(List.of(Duration.ofMinutes(2)), clock.waits());
        assertTrue(wall.compareTo(TIMEOUT) < 0, "the two minutes' Retry-After cost no wall time: " + wall);
    }

    @Test
    void anAsyncRunUsesTheSameScript(ArazzoClient.Builder builder, StubTransport stub, VirtualClock clock)
            throws Exception {
        scriptThreePolls(stub);
        JobsWorkflow.Outputs outputs =
                new JobsWorkflow(client(builder)).runAsync(KEY, "a fox").get(2, TimeUnit.SECONDS);
        assertEquals("done", outputs.status());
        assertEquals(Duration.ofMillis(2500), clock.totalWaited());
    }

    @Test
    void aStepScriptComesBeforeItsOperations(ArazzoClient.Builder builder, StubTransport stub) {
        stub.on("createJob").reply(StubResponse.status(500));
        stub.onStep("createJob").reply(StubResponse.json(201, "{\"id\":\"by-step\"}"));
        stub.on("getJob")
                .replyWith(request ->
                        StubResponse.json(200, "{\"status\":\"done\",\"result\":\"" + request.path() + "\"}"));
        JobsWorkflow.Outputs outputs = new JobsWorkflow(client(builder)).run(KEY, "a fox");
        assertEquals(new JobsWorkflow.Outputs("by-step", "done", "/jobs/by-step"), outputs);
    }

    @Test
    void anUnscriptedOperationFailsTheRunAndIsReported(ArazzoClient.Builder builder, StubTransport stub) {
        stub.on("createJob").reply(StubResponse.json(201, "{\"id\":\"job-9\"}"));
        WorkflowException e =
                assertThrows(WorkflowException.class, () -> new JobsWorkflow(client(builder)).run(KEY, "a fox"));
        assertTrue(
                e.getMessage()
                        .contains("no stub reply for request 2 GET https://jobs.example/jobs/job-9"
                                + " (operation 'getJob', step 'getJob'); script it with stub.on(\"getJob\")"),
                e.getMessage());

        AssertionFailedError reported = assertThrows(AssertionFailedError.class, stub::assertNoUnexpectedRequests);
        assertTrue(reported.getMessage().startsWith("1 request(s) had no stub reply:"), reported.getMessage());
        assertTrue(reported.getMessage().contains("Authorization: ***"), reported.getMessage());
        assertFalse(reported.getMessage().contains(KEY), reported.getMessage());
        // taken, so that the extension does not fail the test for it afterwards
        assertEquals("getJob", stub.takeUnexpectedRequests().get(0).operationId());
        stub.assertNoUnexpectedRequests();
    }
}
