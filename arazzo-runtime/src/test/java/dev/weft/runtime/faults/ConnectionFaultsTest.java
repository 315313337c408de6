package dev.weft.runtime.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.http.LocalServer;
import dev.weft.runtime.internal.Exchange;
import dev.weft.runtime.internal.Runs;
import dev.weft.runtime.internal.StepRequest;
import dev.weft.runtime.internal.WorkflowRun;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Broken connections and broken bodies end as a {@link WorkflowException} naming the step, quickly. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard, generous for a loaded machine
class ConnectionFaultsTest {

    private static ArazzoClient client(String baseUrl) {
        return ArazzoClient.builder()
                .server("api", baseUrl)
                .pollPolicy(PollPolicy.noDelay())
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofMillis(300))
                .maxResponseBytes(1000)
                .build();
    }

    private static StepRequest get(String stepId) {
        return StepRequest.create(stepId, "api", null, "GET", "/things");
    }

    private static WorkflowException sendFails(ArazzoClient client, String stepId) {
        WorkflowRun run = WorkflowRun.start(client, "wf");
        run.enterStep(stepId);
        WorkflowException e = assertThrows(WorkflowException.class, () -> Runs.send(run, get(stepId)));
        assertEquals("wf", e.workflowId());
        assertEquals(stepId, e.stepId());
        assertEquals(1, e.attempt());
        assertEquals(-1, e.httpStatus());
        return e;
    }

    @Test
    void connectionResetBeforeTheResponse() {
        try (RawServer server = RawServer.start(RawServer.reset(""))) {
            WorkflowException e = sendFails(client(server.baseUrl()), "reset");
            assertTrue(
                    e.getMessage()
                            .startsWith("workflow 'wf' step 'reset' (attempt 1): GET " + server.baseUrl()
                                    + "/things failed: IOException: "),
                    e.getMessage());
            assertTrue(
                    e.getMessage().endsWith("the server closed the connection before a complete response"),
                    e.getMessage());
        }
    }

    @Test
    void connectionResetMidResponse() {
        String partial = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"a\":";
        try (RawServer server = RawServer.start(RawServer.reset(partial))) {
            WorkflowException e = sendFails(client(server.baseUrl()), "midway");
            assertTrue(
                    e.detail()
                            .endsWith("failed: IOException: fixed content-length: 1000, bytes received: 5 "
                                    + "(the connection closed before the whole body arrived)"),
                    e.getMessage());
        }
    }

    @Test
    void connectionRefused() {
        WorkflowException e = sendFails(client(LocalServer.refusedUrl()), "refused");
        assertTrue(e.detail().contains("ConnectException"), e.getMessage());
    }

    @Test
    void stalledServerTimesOutWithinTheRequestTimeout() {
        try (RawServer server = RawServer.stalling()) {
            long start = System.nanoTime();
            WorkflowException e = sendFails(client(server.baseUrl()), "stalled");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 1500, "took " + millis + " ms");
            assertInstanceOf(HttpTimeoutException.class, e.getCause());
            assertTrue(
                    e.detail()
                            .endsWith("HttpTimeoutException: no complete response within PT0.3S (the request timeout)"),
                    e.getMessage());
        }
    }

    @Test
    void noRequestOutlivesTheRunDeadline() {
        try (RawServer server = RawServer.stalling()) {
            ArazzoClient patient = ArazzoClient.builder()
                    .server("api", server.baseUrl())
                    .pollPolicy(PollPolicy.noDelay().withDeadline(Duration.ofMillis(400)))
                    .build();
            long start = System.nanoTime();
            WorkflowException e = sendFails(patient, "stalled");
            assertTrue((System.nanoTime() - start) / 1_000_000 < 1500);
            assertTrue(e.detail().contains("(the time left before the run's deadline)"), e.getMessage());
        }
    }

    @Test
    void stalledServerTimesOutAsync() throws Exception {
        try (RawServer server = RawServer.stalling()) {
            WorkflowRun run = WorkflowRun.start(client(server.baseUrl()), "wf");
            ExecutionException e = assertThrows(
                    ExecutionException.class,
                    () -> run.enterStepAsync("stalled")
                            .thenCompose(v -> Runs.sendAsync(run, get("stalled")))
                            .get());
            WorkflowException failure = assertInstanceOf(WorkflowException.class, e.getCause());
            assertEquals("stalled", failure.stepId());
            assertTrue(failure.detail().contains("HttpTimeoutException"), failure.getMessage());
        }
    }

    @Test
    void oversizedBodyFails() {
        String body = "[" + "1,".repeat(1000) + "1]";
        try (RawServer server = RawServer.start(RawServer.reply(200, "application/json", body))) {
            WorkflowException e = sendFails(client(server.baseUrl()), "huge");
            assertTrue(e.detail().endsWith("failed: IOException: response body exceeds 1000 bytes"), e.getMessage());
        }
    }

    @Test
    void malformedJsonFailsWhenTheBodyIsRead() {
        try (RawServer server = RawServer.start(RawServer.reply(200, "application/json", "{\"status\": done}"))) {
            WorkflowRun run = WorkflowRun.start(client(server.baseUrl()), "wf");
            run.enterStep("parse");
            Exchange exchange = Runs.send(run, get("parse"));
            WorkflowException e = assertThrows(WorkflowException.class, exchange::responseBody);
            assertEquals("parse", e.stepId());
            assertEquals(1, e.attempt());
            assertEquals(200, e.httpStatus());
            assertEquals("{\"status\": done}", e.responseExcerpt());
            assertEquals(
                    "response body of step 'parse' is not valid JSON (application/json) at line 1, column 12",
                    e.detail());
        }
    }
}
