package dev.weft.runtime.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.RecordingListener;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.http.LocalServer;
import dev.weft.runtime.http.LocalServer.Reply;
import dev.weft.runtime.internal.Exchange;
import dev.weft.runtime.internal.Runs;
import dev.weft.runtime.internal.StepRequest;
import dev.weft.runtime.internal.Values;
import dev.weft.runtime.internal.WorkflowRun;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Values HTTP or a double cannot carry as they are get a defined, named failure instead of a silent change: a
 * header value outside printable ASCII is refused before anything is sent (the JDK would send {@code ?}, or end
 * the header at a CR or LF), and a response number beyond a double's range is refused rather than read as
 * {@code Infinity}.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileValuesTest {

    private static LocalServer server;

    @BeforeAll
    static void start() {
        server = LocalServer.start()
                .on("/ok", r -> Reply.json(200, "{}"))
                .on("/huge", r -> Reply.json(200, "{\"n\":1e999999999}"))
                .on("/negative", r -> Reply.json(200, "[1, {\"a\": [-1e400]}]"))
                .on("/untyped", r -> new Reply(200, Map.of(), LocalServer.bytes("{\"n\":1e309}"), false))
                .on("/tiny", r -> Reply.json(200, "{\"n\":1e-999999999, \"big\":123456789012345678901234567890}"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static WorkflowRun run(RecordingListener events) {
        return WorkflowRun.start(
                ArazzoClient.builder()
                        .server("api", server.baseUrl())
                        .pollPolicy(PollPolicy.noDelay())
                        .listener(events)
                        .build(),
                "wf");
    }

    @Test
    void headerValuesOutsidePrintableAsciiAreRefusedBeforeSending() {
        int before = server.received().size();
        for (String value :
                List.of("café", "emoji \uD83D\uDE00", "line\nInjected: 1", "cr\r", "nul\u0000", "del\u007F")) {
            for (boolean async : new boolean[] {false, true}) {
                RecordingListener events = new RecordingListener();
                WorkflowRun run = run(events);
                StepRequest request =
                        StepRequest.create("s", "api", null, "GET", "/ok").header("X-Name", Values.of(value));
                WorkflowException e = async
                        ? assertInstanceOf(
                                WorkflowException.class,
                                assertThrows(
                                                CompletionException.class,
                                                () -> Runs.sendAsync(run, request)
                                                        .join())
                                        .getCause())
                        : assertThrows(WorkflowException.class, () -> Runs.send(run, request));
                assertTrue(
                        e.detail()
                                .matches("header 'X-Name' of step 's' has a (character outside US-ASCII|control"
                                        + " character) at index \\d+; HTTP header values are ASCII:"
                                        + " percent-encode the value"
                                        + " or send it in the body; nothing was sent"),
                        e.detail());
                assertEquals("s", e.stepId());
                assertTrue(
                        events.summary().contains("workflowFailed"),
                        events.summary().toString());
            }
        }
        assertEquals(before, server.received().size(), "nothing was sent");
        // a tab is a field value's character too
        assertEquals(
                200,
                Runs.send(
                                run(new RecordingListener()),
                                StepRequest.create("s", "api", null, "GET", "/ok")
                                        .header("X-Name", Values.of("a\tb")))
                        .statusCode());
        // (the JDK's HttpServer reads the tab as a space)
        assertTrue(server.last().headers().getFirst("X-Name").matches("a\\sb"));
    }

    @Test
    void defaultHeadersAreCheckedWhenConfigured() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ArazzoClient.builder().defaultHeader("User-Agent", "wéft"));
        assertEquals(
                "default header 'User-Agent' has a character outside printable US-ASCII at index 1; HTTP header"
                        + " values are ASCII",
                e.getMessage());
    }

    @Test
    void numbersBeyondADoubleAreRefused() {
        for (String path : List.of("/huge", "/negative", "/untyped")) {
            RecordingListener events = new RecordingListener();
            WorkflowRun run = run(events);
            run.enterStep("s");
            Exchange exchange = Runs.send(run, StepRequest.create("s", "api", null, "GET", path));
            WorkflowException e = assertThrows(WorkflowException.class, exchange::responseBody);
            assertEquals(
                    "response body of step 's' holds a number beyond the range of a double (about 1.8e308); Weft"
                            + " refuses it rather than read it as Infinity",
                    e.detail());
            assertEquals(200, e.httpStatus());
            assertTrue(events.summary().contains("workflowFailed"));
        }
    }

    @Test
    void numbersADoubleHoldsOrThatAreIntegersStayAsTheyAre() {
        WorkflowRun run = run(new RecordingListener());
        Exchange exchange = Runs.send(run, StepRequest.create("s", "api", null, "GET", "/tiny"));
        // below a double's precision: zero, as IEEE 754 rounds it
        assertEquals(0.0, exchange.responseBody("/n").doubleValue());
        assertEquals(
                "123456789012345678901234567890", exchange.responseBody("/big").asText(), "integers are exact");
    }
}
