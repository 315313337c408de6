package dev.weft.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.http.LocalServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WorkflowRunTest {

    private static final String KEY = "sk-live-9f8e7d6c5b4a";
    private static LocalServer server;
    private static ArazzoClient client;

    @BeforeAll
    static void start() {
        server = LocalServer.start()
                .on(
                        "/jobs/",
                        r -> LocalServer.Reply.json(
                                200, "{\"jobId\":\"" + r.uri().getPath().substring(6) + "\",\"status\":\"done\"}"))
                .on(
                        "/echo-auth",
                        r -> LocalServer.Reply.of(
                                500, "text/plain", "denied for " + r.headers().getFirst("Authorization")))
                .on("/big", r -> LocalServer.Reply.of(200, "text/plain", "x".repeat(4096)));
        client = ArazzoClient.builder()
                .server("api", server.baseUrl())
                .defaultHeader("Accept", "application/json")
                .defaultHeader("X-Client", "weft")
                .maxResponseBytes(1024)
                .pollPolicy(PollPolicy.noDelay())
                .build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static StepRequest job(String id) {
        return StepRequest.create("getJob", "api", "http://unused.invalid", "GET", "/jobs/{id}")
                .pathParam("id", Values.of(id));
    }

    @Test
    void sendsAndParsesTheResponse() {
        WorkflowRun run = WorkflowRun.start(client, "wf");
        run.enterStep("getJob");
        Exchange e = run.send(job("j 1").header("x-client", Values.of("step")));
        assertEquals(200, e.statusCode());
        assertEquals("application/json", e.responseHeader("content-type").textValue());
        assertEquals("j 1", e.responseBody("/jobId").textValue());
        assertTrue(Conditions.eq(e.responseBody("/status"), Values.of("DONE")));
        LocalServer.Received received = server.last();
        assertEquals("/jobs/j%201", received.uri().getRawPath());
        assertEquals("application/json", received.headers().getFirst("Accept"));
        assertEquals(1, received.headers().get("X-Client").size());
        assertEquals("step", received.headers().getFirst("X-Client"));
        assertEquals(1, run.attempt("getJob"));
    }

    @Test
    void failureCarriesStatusAndRedactedExcerpt() {
        WorkflowRun run = WorkflowRun.start(client, "wf");
        run.enterStep("auth");
        StepRequest request = StepRequest.create("auth", "api", null, "GET", "/echo-auth")
                .header("Authorization", Values.of("Bearer " + KEY));
        Exchange e = run.send(request);
        WorkflowException failure = run.failure("auth", e, "unexpected status 500");
        assertEquals(500, failure.httpStatus());
        assertEquals(1, failure.attempt());
        assertEquals("denied for Bearer ***", failure.responseExcerpt());
        assertFalse(failure.getMessage().contains(KEY), failure.getMessage());
        assertEquals(
                "workflow 'wf' step 'auth' (attempt 1): unexpected status 500 [HTTP 500] "
                        + "[response: denied for Bearer ***]",
                failure.getMessage());
    }

    @Test
    void registeredSecretsAreRedactedFromMessages() {
        WorkflowRun run = WorkflowRun.start(client, "wf");
        run.secret("input-secret-value");
        run.secret(null);
        WorkflowException e = run.error("s", "value input-secret-value rejected", null);
        assertEquals("workflow 'wf' step 's': value *** rejected", e.getMessage());
    }

    @Test
    void oversizedBodyFailsTheStep() {
        WorkflowRun run = WorkflowRun.start(client, "wf");
        WorkflowException e = assertThrows(
                WorkflowException.class, () -> run.send(StepRequest.create("big", "api", null, "GET", "/big")));
        assertEquals("big", e.stepId());
        assertEquals(-1, e.httpStatus());
        assertTrue(e.getMessage().contains("response body exceeds 1024 bytes"), e.getMessage());
    }

    @Test
    void connectionRefusedNamesTheStepAndHidesTheCredentials() {
        ArazzoClient refused = ArazzoClient.builder()
                .server("api", LocalServer.refusedUrl())
                .defaultHeader("X-API-Key", KEY)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        WorkflowRun run = WorkflowRun.start(refused, "wf");
        run.enterStep("getJob");
        StepRequest request =
                job("1").header("Authorization", Values.of("Bearer " + KEY)).query("api_key", Values.of(KEY));
        WorkflowException e = assertThrows(WorkflowException.class, () -> run.send(request));
        assertEquals("wf", e.workflowId());
        assertEquals("getJob", e.stepId());
        assertEquals(1, e.attempt());
        assertTrue(
                e.getMessage().startsWith("workflow 'wf' step 'getJob' (attempt 1): GET http://127.0.0.1:"),
                e.getMessage());
        assertTrue(e.getMessage().contains("failed: ConnectException"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
    }

    @Test
    void missingServerAndPathParameterNameTheWorkflowAndStep() {
        WorkflowRun run = WorkflowRun.start(client, "wf");
        WorkflowException noServer = assertThrows(
                WorkflowException.class, () -> run.send(StepRequest.create("s", "elsewhere", null, "GET", "/x")));
        assertEquals(
                "workflow 'wf' step 's': no server URL for source description 'elsewhere': configure "
                        + "ArazzoClient.builder().server(\"elsewhere\", url)",
                noServer.getMessage());
        WorkflowException noPath = assertThrows(WorkflowException.class, () -> run.send(job(null)));
        assertEquals("wf", noPath.workflowId());
        assertEquals("path parameter 'id' of step 'getJob' has no value", noPath.detail());
    }

    @Test
    void loopLimitStopsTheFourthRevisit() {
        WorkflowRun run = WorkflowRun.start(
                ArazzoClient.builder()
                        .pollPolicy(PollPolicy.noDelay().withMaxIterations(3))
                        .build(),
                "wf");
        run.enterStep("create");
        run.enterStep("poll");
        for (int i = 0; i < 3; i++) {
            run.enterStep("poll");
        }
        WorkflowException e = assertThrows(WorkflowException.class, () -> run.enterStep("poll"));
        assertEquals(
                "workflow 'wf' step 'poll' (attempt 5): poll iteration limit 3 reached at step 'poll'", e.getMessage());
        assertEquals(4, run.loopIterations());
        assertEquals(6, run.stepExecutions());
    }

    @Test
    void deadlineStopsRevisits() throws Exception {
        WorkflowRun run = WorkflowRun.start(
                ArazzoClient.builder()
                        .pollPolicy(PollPolicy.noDelay().withDeadline(Duration.ofMillis(20)))
                        .build(),
                "wf");
        run.enterStep("poll");
        Thread.sleep(40);
        WorkflowException e = assertThrows(WorkflowException.class, () -> run.enterStep("poll"));
        assertEquals("deadline PT0.02S exceeded at step 'poll' (loop iteration 1)", e.detail());
    }

    @Test
    void revisitsWaitThePolicyDelay() {
        PollPolicy policy =
                PollPolicy.noDelay().withInitialDelay(Duration.ofMillis(50)).withMaxDelay(Duration.ofSeconds(1));
        WorkflowRun run =
                WorkflowRun.start(ArazzoClient.builder().pollPolicy(policy).build(), "wf");
        long start = System.nanoTime();
        run.enterStep("poll");
        assertTrue(System.nanoTime() - start < 40_000_000L, "the first visit must not wait");
        start = System.nanoTime();
        run.enterStep("poll");
        assertTrue(System.nanoTime() - start >= 50_000_000L, "a revisit waits the delay");
    }

    @Test
    void interruptedWaitFails() {
        PollPolicy policy =
                PollPolicy.noDelay().withInitialDelay(Duration.ofSeconds(5)).withMaxDelay(Duration.ofSeconds(5));
        WorkflowRun run =
                WorkflowRun.start(ArazzoClient.builder().pollPolicy(policy).build(), "wf");
        run.enterStep("poll");
        Thread.currentThread().interrupt();
        try {
            WorkflowException e = assertThrows(WorkflowException.class, () -> run.enterStep("poll"));
            assertInstanceOf(InterruptedException.class, e.getCause());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void asyncStepsAndSends() throws Exception {
        PollPolicy policy = PollPolicy.noDelay()
                .withInitialDelay(Duration.ofMillis(50))
                .withMaxDelay(Duration.ofSeconds(1))
                .withMaxIterations(1);
        WorkflowRun run = WorkflowRun.start(
                ArazzoClient.builder()
                        .server("api", server.baseUrl())
                        .pollPolicy(policy)
                        .build(),
                "wf");
        assertTrue(run.enterStepAsync("getJob").isDone());
        long start = System.nanoTime();
        CompletableFuture<Exchange> result = run.enterStepAsync("getJob").thenCompose(v -> run.sendAsync(job("a1")));
        assertEquals("a1", result.get().responseBody("/jobId").textValue());
        assertTrue(System.nanoTime() - start >= 50_000_000L);

        ExecutionException limit = assertThrows(
                ExecutionException.class, () -> run.enterStepAsync("getJob").get());
        assertInstanceOf(WorkflowException.class, limit.getCause());

        ExecutionException tooBig = assertThrows(
                ExecutionException.class,
                () -> WorkflowRun.start(client, "wf")
                        .sendAsync(StepRequest.create("big", "api", null, "GET", "/big"))
                        .get());
        WorkflowException e = assertInstanceOf(WorkflowException.class, tooBig.getCause());
        assertEquals("big", e.stepId());
        assertTrue(e.getMessage().contains("response body exceeds"), e.getMessage());

        ExecutionException noPath = assertThrows(
                ExecutionException.class, () -> run.sendAsync(job(null)).get());
        assertEquals(
                "wf",
                assertInstanceOf(WorkflowException.class, noPath.getCause()).workflowId());
    }

    @Test
    void defaultHeaderSecretsAreKnownToTheRun() {
        WorkflowRun run = WorkflowRun.start(
                ArazzoClient.builder()
                        .defaultHeader("Authorization", "Bearer " + KEY)
                        .build(),
                "wf");
        assertTrue(run.secrets().contains(KEY));
        assertNull(run.redact(null));
        assertEquals("key=***", run.redact("key=" + KEY));
        assertEquals(Map.of(), Map.copyOf(Map.of()));
    }
}
