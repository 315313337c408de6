package dev.weft.runtime.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.internal.Exchange;
import dev.weft.runtime.internal.Runs;
import dev.weft.runtime.internal.StepRequest;
import dev.weft.runtime.internal.WorkflowRun;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The send generated code uses hands a transport failure back as an exchange without a response, so
 * the step's failure actions (a retry, a goto, an end) decide; only when none does, the run fails.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard, generous for a loaded machine
class FailureActionsSeeTransportErrorsTest {

    private static ArazzoClient client(String baseUrl) {
        return ArazzoClient.builder()
                .server("api", baseUrl)
                .pollPolicy(PollPolicy.noDelay())
                .requestTimeout(Duration.ofMillis(300))
                .build();
    }

    private static StepRequest get() {
        return StepRequest.create("fetch", "api", null, "GET", "/things");
    }

    @Test
    void aResetConnectionIsAFailedExchangeNotAnException() {
        try (RawServer server = RawServer.start(RawServer.reset(""))) {
            WorkflowRun run = WorkflowRun.start(client(server.baseUrl()), "wf");
            run.enterStep("fetch");

            Exchange exchange = run.exchange("fetch", FailureActionsSeeTransportErrorsTest::get);

            assertNotNull(exchange.transportFailure());
            assertEquals(-1, exchange.statusCode());
            assertNull(exchange.statusCodeNode(), "$statusCode is absent");
            assertNull(exchange.responseBody());
            WorkflowException failure = run.failure("fetch", exchange, "success criteria not met");
            assertEquals("fetch", failure.stepId());
            assertTrue(failure.getMessage().contains("success criteria not met: GET "), failure.getMessage());
            assertTrue(failure.getMessage().contains("failed: IOException"), failure.getMessage());
        }
    }

    @Test
    void aRetryActionCanRetryATimeoutAsync() throws Exception {
        try (RawServer server = RawServer.stalling()) {
            WorkflowRun run = WorkflowRun.start(client(server.baseUrl()), "wf");

            Exchange exchange = run.enterStepAsync("fetch")
                    .thenCompose(entered -> run.exchangeAsync("fetch", FailureActionsSeeTransportErrorsTest::get))
                    .get(3, TimeUnit.SECONDS);

            assertTrue(
                    exchange.transportFailure().getMessage().contains("HttpTimeoutException"),
                    exchange.transportFailure().getMessage());
            assertTrue(Runs.retry(run, "fetch", "again", 1, 0, exchange), "the retry budget allows one retry");
            assertTrue(!Runs.retry(run, "fetch", "again", 1, 0, exchange), "and only one");
        }
    }
}
