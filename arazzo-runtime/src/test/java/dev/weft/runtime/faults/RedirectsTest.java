package dev.weft.runtime.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.RecordingListener;
import dev.weft.runtime.http.JdkHttpTransport;
import dev.weft.runtime.http.LocalServer;
import dev.weft.runtime.http.LocalServer.Received;
import dev.weft.runtime.http.LocalServer.Reply;
import dev.weft.runtime.http.RedirectPolicy;
import dev.weft.runtime.internal.Exchange;
import dev.weft.runtime.internal.Runs;
import dev.weft.runtime.internal.StepRequest;
import dev.weft.runtime.internal.Values;
import dev.weft.runtime.internal.WorkflowRun;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that redirects to another origin (another port, another host name for the same port) never makes a
 * run send it a credential, whatever the redirect policy; redirects within the origin are followed with them; and
 * {@code $url} and the events say where the response came from. Two real servers on 127.0.0.1, blocking and
 * async runs alike.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RedirectsTest {

    private static final String TOKEN = "tok-9f8e7d6c5b4a";
    private static final String API_KEY = "key-0a1b2c3d4e5f";
    private static final String SESSION = "sess-77aa88bb99cc";
    private static final String SECRET_INPUT = "in-secret-31415926";

    /** The two ways a run sends: blocking and async. */
    private static final List<BiFunction<WorkflowRun, StepRequest, Exchange>> SENDS =
            List.of(Runs::send, (run, request) -> Runs.sendAsync(run, request).join());

    private LocalServer origin;
    private LocalServer attacker;

    @BeforeEach
    void start() {
        attacker = LocalServer.start().on("/", r -> Reply.json(200, "{\"stolen\":true}"));
        origin = LocalServer.start();
        String elsewhere = attacker.baseUrl() + "/steal";
        String sameHostOtherName = origin.baseUrl().replace("127.0.0.1", "localhost") + "/renamed";
        origin.on("/away", r -> redirect(302, elsewhere))
                .on("/renamed", r -> Reply.json(200, "{\"where\":\"renamed\"}"))
                .on("/by-name", r -> redirect(307, sameHostOtherName))
                .on("/old", r -> redirect(301, "/new?page=2"))
                .on("/new", r -> Reply.json(200, "{\"where\":\"new\"}"))
                .on("/see-other", r -> redirect(303, "/new"))
                .on("/temporary", r -> redirect(307, "/new"))
                .on("/loop", r -> redirect(302, "/loop"));
    }

    @AfterEach
    void stop() {
        origin.close();
        attacker.close();
    }

    private static Reply redirect(int status, String location) {
        return new Reply(status, Map.of("Location", location), new byte[0], false);
    }

    private ArazzoClient client(RedirectPolicy policy, RecordingListener events) {
        ArazzoClient.Builder builder = ArazzoClient.builder()
                .server("api", origin.baseUrl())
                .defaultHeader("X-API-Key", API_KEY)
                .pollPolicy(PollPolicy.noDelay())
                .listener(events);
        return policy == null ? builder.build() : builder.redirects(policy).build();
    }

    private static StepRequest withCredentials(String method, String path) {
        StepRequest request = StepRequest.create("s", "api", null, method, path)
                .header("Authorization", Values.of("Bearer " + TOKEN))
                .header("X-Custom", Values.of("v=" + SECRET_INPUT))
                .header("X-Trace", Values.of("trace-1"))
                .cookie("session", Values.of(SESSION));
        return method.equals("POST") ? request.jsonBody("application/json", Values.of("payload")) : request;
    }

    private static void assertNoCredentials(Received r) {
        String all = r.headers().toString();
        for (String secret : List.of(TOKEN, API_KEY, SESSION, SECRET_INPUT)) {
            assertTrue(!all.contains(secret), "the other origin received " + secret + ": " + all);
        }
        assertNull(r.headers().getFirst("Authorization"));
        assertNull(r.headers().getFirst("Cookie"));
    }

    @Test
    void byDefaultAnotherOriginIsNotFollowed() {
        for (String path : List.of("/away", "/by-name")) {
            for (BiFunction<WorkflowRun, StepRequest, Exchange> send : SENDS) {
                RecordingListener events = new RecordingListener();
                WorkflowRun run = WorkflowRun.start(client(null, events), "wf");
                run.secret(SECRET_INPUT);
                Exchange exchange = send.apply(run, withCredentials("GET", path));
                assertTrue(exchange.statusCode() == 302 || exchange.statusCode() == 307, path);
                assertEquals(origin.baseUrl() + path, Runs.url(exchange));
                assertTrue(exchange.responseHeader("Location")
                        .asText()
                        .contains(path.equals("/away") ? "/steal" : "/renamed"));
            }
        }
        assertTrue(attacker.received().isEmpty(), "the other port received nothing");
        assertTrue(
                origin.received().stream().noneMatch(r -> r.uri().getPath().equals("/renamed")),
                "the other host name received nothing");
    }

    @Test
    void noneFollowsNothing() {
        WorkflowRun run = WorkflowRun.start(client(RedirectPolicy.NONE, new RecordingListener()), "wf");
        assertEquals(301, Runs.send(run, withCredentials("GET", "/old")).statusCode());
        assertEquals(1, origin.received().size());
    }

    @Test
    void anyOriginFollowsWithoutCredentials() {
        for (BiFunction<WorkflowRun, StepRequest, Exchange> send : SENDS) {
            RecordingListener events = new RecordingListener();
            WorkflowRun run = WorkflowRun.start(client(RedirectPolicy.ANY_ORIGIN, events), "wf");
            run.secret(SECRET_INPUT);
            Exchange exchange = send.apply(run, withCredentials("GET", "/away"));
            assertEquals(200, exchange.statusCode());
            assertEquals(attacker.baseUrl() + "/steal", Runs.url(exchange), "$url is where the response came from");
            assertTrue(
                    events.events().stream()
                            .anyMatch(e -> e.startsWith("responseReceived")
                                    && e.contains("url=" + attacker.baseUrl() + "/steal,")),
                    events.events().toString());
            Received stolen = attacker.last();
            assertNoCredentials(stolen);
            assertEquals("trace-1", stolen.headers().getFirst("X-Trace"), "other headers still go");
        }
        assertEquals(2, attacker.received().size());
        // another host name for the same port is another origin too
        WorkflowRun run = WorkflowRun.start(client(RedirectPolicy.ANY_ORIGIN, new RecordingListener()), "wf");
        run.secret(SECRET_INPUT);
        Exchange renamed = Runs.send(run, withCredentials("POST", "/by-name"));
        assertEquals(200, renamed.statusCode());
        Received r = origin.last();
        assertEquals("/renamed", r.uri().getPath());
        assertNoCredentials(r);
        assertEquals("POST", r.method(), "a 307 keeps the method");
        assertEquals("\"payload\"", r.bodyText(), "and the body");
    }

    @Test
    void sameOriginRedirectsAreFollowedWithTheirCredentials() {
        for (BiFunction<WorkflowRun, StepRequest, Exchange> send : SENDS) {
            RecordingListener events = new RecordingListener();
            WorkflowRun run = WorkflowRun.start(client(null, events), "wf");
            Exchange exchange = send.apply(run, withCredentials("GET", "/old"));
            assertEquals(200, exchange.statusCode());
            assertEquals("new", exchange.responseBody("/where").asText());
            assertEquals(origin.baseUrl() + "/new?page=2", Runs.url(exchange));
            assertTrue(
                    events.events().stream()
                            .anyMatch(e -> e.startsWith("responseReceived") && e.contains("/new?page=2")),
                    events.events().toString());
            Received followed = origin.last();
            assertEquals("Bearer " + TOKEN, followed.headers().getFirst("Authorization"));
            assertEquals(API_KEY, followed.headers().getFirst("X-API-Key"));
        }
    }

    @Test
    void methodsChangeAsRfc9110Says() {
        WorkflowRun run = WorkflowRun.start(client(null, new RecordingListener()), "wf");
        assertEquals(200, Runs.send(run, withCredentials("POST", "/see-other")).statusCode());
        assertEquals("GET", origin.last().method());
        assertEquals(0, origin.last().body().length);
        assertNull(origin.last().headers().getFirst("Content-Type"));
        assertEquals(200, Runs.send(run, withCredentials("POST", "/temporary")).statusCode());
        assertEquals("POST", origin.last().method());
        assertEquals("\"payload\"", origin.last().bodyText());
    }

    @Test
    void aRedirectLoopEndsAfterFiveRedirects() {
        for (BiFunction<WorkflowRun, StepRequest, Exchange> send : SENDS) {
            int before = origin.received().size();
            WorkflowRun run = WorkflowRun.start(client(null, new RecordingListener()), "wf");
            assertEquals(302, send.apply(run, withCredentials("GET", "/loop")).statusCode());
            assertEquals(6, origin.received().size() - before, "the request and five redirects");
        }
    }

    @Test
    void aClientThatFollowsRedirectsItselfIsRefused() {
        HttpClient follows = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new JdkHttpTransport(follows, 1000));
        assertTrue(e.getMessage().contains("Redirect.NEVER"), e.getMessage());
    }
}
