package dev.weft.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.http.HttpCall;
import dev.weft.runtime.http.HttpResult;
import dev.weft.runtime.http.HttpTransport;
import dev.weft.runtime.http.LocalServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A poll loop's unchanged request is sent as the very call built for the one before (sparing its build, and the
 * JDK transport's request with it), and any change to what would be sent builds a new one.
 */
class RepeatedCallTest {

    /** A transport that answers 200 {} and keeps every call it was handed. */
    private static final class Recording implements HttpTransport {
        final List<HttpCall> calls = new ArrayList<>();

        @Override
        public HttpResult send(HttpCall call) {
            calls.add(call);
            return new HttpResult(200, Map.of("Content-Type", List.of("application/json")), "{}".getBytes());
        }

        @Override
        public CompletableFuture<HttpResult> sendAsync(HttpCall call) {
            return CompletableFuture.completedFuture(send(call));
        }
    }

    private static StepRequest poll(String id) {
        return StepRequest.create("poll", "api", null, "GET", "/jobs/{id}")
                .operationId("getJob")
                .header("Authorization", Values.of("Bearer sk-0123456789"))
                .query("verbose", Values.of(true))
                .pathParam("id", Values.of(id));
    }

    /** Sends {@code first}, then {@code second}, as visits of one step in one run; returns both calls. */
    private static List<HttpCall> twice(StepRequest first, StepRequest second) {
        return twice(first, second, null);
    }

    /** As {@link #twice(StepRequest, StepRequest)}, the run learning {@code secret} in between, unless null. */
    private static List<HttpCall> twice(StepRequest first, StepRequest second, String secret) {
        Recording transport = new Recording();
        ArazzoClient client = ArazzoClient.builder()
                .server("api", "http://127.0.0.1:9")
                .transport(transport)
                .pollPolicy(PollPolicy.noDelay())
                .build();
        WorkflowRun run = WorkflowRun.start(client, "wf");
        run.enterStep(first.stepId());
        run.send(first);
        if (secret != null) {
            run.secret(secret);
        }
        run.enterStep(second.stepId());
        run.send(second);
        return transport.calls;
    }

    private static boolean same(UnaryOperator<StepRequest> change) {
        List<HttpCall> calls = twice(poll("j1"), change.apply(poll("j1")));
        return calls.get(0) == calls.get(1);
    }

    @Test
    void anUnchangedRequestIsSentAsTheSameCall() {
        List<HttpCall> calls = twice(poll("j1"), poll("j1"));
        assertSame(calls.get(0), calls.get(1));
        assertEquals(
                "http://127.0.0.1:9/jobs/j1?verbose=true", calls.get(1).uri().toString());
    }

    @Test
    void anyChangeToWhatIsSentBuildsANewCall() {
        assertFalse(same(r -> poll("j2")), "path parameter");
        assertFalse(same(r -> r.query("verbose", Values.of(false))), "query value");
        assertFalse(same(r -> r.query("page", Values.of(2L))), "another query parameter");
        assertFalse(same(r -> r.header("Authorization", Values.of("Bearer sk-other-value"))), "header value");
        assertFalse(same(r -> r.header("X-Trace", Values.of("1"))), "another header");
        assertFalse(same(r -> r.cookie("session", Values.of("s"))), "cookie");
        assertFalse(same(r -> r.timeout(5_000)), "step timeout");
        assertFalse(same(r -> r.jsonBody(null, Values.of("x"))), "body");
        assertFalse(same(r -> r.header("authorization", Values.of("Bearer sk-0123456789"))), "name case");
    }

    @Test
    void headerNameCaseAndParameterOrderCount() {
        StepRequest lower =
                StepRequest.create("poll", "api", null, "GET", "/jobs").header("x-trace", Values.of("1"));
        StepRequest upper =
                StepRequest.create("poll", "api", null, "GET", "/jobs").header("X-Trace", Values.of("1"));
        List<HttpCall> calls = twice(lower, upper);
        assertNotSame(calls.get(0), calls.get(1));
        assertEquals("X-Trace", calls.get(1).headers().get(0).getKey());

        StepRequest ab = StepRequest.create("poll", "api", null, "GET", "/jobs")
                .query("a", Values.of("1"))
                .query("b", Values.of("2"));
        StepRequest ba = StepRequest.create("poll", "api", null, "GET", "/jobs")
                .query("b", Values.of("2"))
                .query("a", Values.of("1"));
        calls = twice(ab, ba);
        assertEquals("b=2&a=1", calls.get(1).uri().getRawQuery());
    }

    @Test
    void onlyScalarsOfOneKindCountAsTheSame() {
        JsonNode one = IntNode.valueOf(1);
        JsonNode longOne = LongNode.valueOf(1);
        StepRequest a = StepRequest.create("poll", "api", null, "GET", "/jobs").query("n", one);
        StepRequest b = StepRequest.create("poll", "api", null, "GET", "/jobs").query("n", longOne);
        assertFalse(b.sendsSameAs(a));
        // equal objects may be written in another member order: never the same
        JsonNode ab = Json.parse("{\"a\":1,\"b\":2}");
        JsonNode ba = Json.parse("{\"b\":2,\"a\":1}");
        assertEquals(ab, ba);
        StepRequest first =
                StepRequest.create("poll", "api", null, "GET", "/jobs").query("f", ab, "deepObject", true);
        StepRequest second =
                StepRequest.create("poll", "api", null, "GET", "/jobs").query("f", ba, "deepObject", true);
        assertFalse(second.sendsSameAs(first));
        List<HttpCall> calls = twice(first, second);
        assertEquals("f%5Bb%5D=2&f%5Ba%5D=1", calls.get(1).uri().getRawQuery());
        assertFalse(poll("j1").sendsSameAs(null));
        assertFalse(poll("j1")
                .sendsSameAs(StepRequest.create("other", "api", null, "GET", "/jobs/{id}")
                        .operationId("getJob")
                        .header("Authorization", Values.of("Bearer sk-0123456789"))
                        .query("verbose", Values.of(true))
                        .pathParam("id", Values.of("j1"))));
    }

    @Test
    void theVeryRequestAgainIsTheSameCallEvenWithAnObjectInIt() {
        // what generated code hands over for a repeating step whose values are unchanged
        StepRequest kept = StepRequest.create("poll", "api", null, "GET", "/jobs")
                .query("f", Json.parse("{\"a\":1,\"b\":2}"), "deepObject", true)
                .jsonBody(null, Json.parse("{\"x\":[1,2]}"));
        List<HttpCall> calls = twice(kept, kept);
        assertSame(calls.get(0), calls.get(1));
        // but not once the run has learned a secret since
        calls = twice(kept, kept, "learned-in-between");
        assertNotSame(calls.get(0), calls.get(1));
        assertTrue(calls.get(1).secrets().contains("learned-in-between"));
    }

    @Test
    void aSecretLearnedBetweenVisitsReachesTheNextCall() {
        List<HttpCall> calls = twice(poll("j1"), poll("j1"), "a-secret-output-value");
        assertNotSame(calls.get(0), calls.get(1));
        assertTrue(calls.get(1).secrets().contains("a-secret-output-value"));
        assertFalse(calls.get(0).secrets().contains("a-secret-output-value"));
    }

    @Test
    void theJdkTransportSendsARepeatedCallWhole() {
        try (LocalServer server =
                LocalServer.start().on("/jobs", r -> LocalServer.Reply.json(200, "{\"n\":" + r.body().length + "}"))) {
            ArazzoClient client = ArazzoClient.builder()
                    .server("api", server.baseUrl())
                    .pollPolicy(PollPolicy.noDelay())
                    .build();
            WorkflowRun run = WorkflowRun.start(client, "wf");
            for (int visit = 0; visit < 3; visit++) {
                run.enterStep("post");
                Exchange e = run.send(StepRequest.create("post", "api", null, "POST", "/jobs")
                        .header("X-Visit", Values.of("same"))
                        .jsonBody(null, Json.parse("{\"q\":\"fox\"}")));
                assertEquals(200, e.statusCode());
                assertEquals(11, e.responseBody("/n").intValue());
            }
            // a body above what a thread keeps for reuse is sent whole each time too
            String big = "x".repeat(40_000);
            for (int visit = 0; visit < 2; visit++) {
                run.enterStep("big");
                Exchange e = run.send(
                        StepRequest.create("big", "api", null, "POST", "/jobs").textBody("text/plain", big));
                assertEquals(40_000, e.responseBody("/n").intValue());
            }
            List<LocalServer.Received> received = server.received();
            assertEquals(5, received.size());
            for (int i = 0; i < 3; i++) {
                assertEquals("same", received.get(i).headers().getFirst("X-Visit"));
                assertEquals("application/json", received.get(i).headers().getFirst("Content-Type"));
                assertArrayEquals(
                        "{\"q\":\"fox\"}".getBytes(StandardCharsets.UTF_8),
                        received.get(i).body());
            }
        }
    }
}
