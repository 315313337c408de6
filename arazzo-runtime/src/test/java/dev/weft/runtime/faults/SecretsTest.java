package dev.weft.runtime.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.CapturingLogger;
import dev.weft.runtime.LoggingListener;
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
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An API key, given as a secret input and sent in a header, a query parameter with an innocent name, and echoed
 * back by the server, never shows in messages, stack traces, {@code toString}s, events or log lines.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard, generous for a loaded machine
class SecretsTest {

    /** Has characters that are percent-encoded in a URL, so that both forms must be masked. */
    private static final String KEY = "sk-live-7Hq+9/Zx=Pw2";

    private static final String PASSWORD = "hunter22-pw";
    private static final String USER_PASSWORD = "aladdin:" + PASSWORD;

    private static LocalServer server;

    @BeforeAll
    static void start() {
        server = LocalServer.start()
                .on(
                        "/echo",
                        r -> Reply.of(
                                500,
                                "text/plain",
                                "denied " + r.headers().getFirst("Authorization") + " for "
                                        + r.uri().getRawQuery() + " and "
                                        + r.uri().getQuery()))
                .on("/limited", r -> new Reply(429, Map.of("Retry-After", "0"), new byte[0], false))
                .on("/broken-json", r -> Reply.of(200, "application/json", KEY + " {"))
                .on("/poll", r -> Reply.json(200, "{\"status\":\"running\"}"))
                // a PHP server writes '/' as '\/'; others escape more, or echo HTML, or decode a Basic credential
                .on("/php", r -> Reply.json(401, "{\"error\":\"invalid token " + KEY.replace("/", "\\/") + "\"}"))
                .on("/unicode", r -> Reply.json(401, "{\"error\":\"" + unicodeEscaped(KEY) + "\"}"))
                .on("/html", r -> Reply.of(401, "text/html", "<p>bad key " + htmlEscaped(KEY) + "</p>"))
                .on("/basic", r -> Reply.of(401, "text/plain", "wrong password " + PASSWORD + " for " + USER_PASSWORD));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static StepRequest withKey(String stepId, String path) {
        return StepRequest.create(stepId, "api", null, "GET", path)
                .header("Authorization", Values.of("Bearer " + KEY))
                .query("k", Values.of(KEY))
                .query("note", Values.of("key is " + KEY));
    }

    @Test
    void theKeyAppearsNowhere() {
        RecordingListener events = new RecordingListener();
        CapturingLogger logger = new CapturingLogger();
        List<String> texts = new ArrayList<>();
        ArazzoClient client = ArazzoClient.builder()
                .server("api", server.baseUrl())
                .pollPolicy(PollPolicy.noDelay().withMaxIterations(1))
                .listener(new LoggingListener(logger))
                .listener(events)
                .build();

        WorkflowRun run = WorkflowRun.start(client, "wf");
        run.secret(KEY);
        run.enterStep("echo");
        Exchange echoed = Runs.send(run, withKey("echo", "/echo"));
        assertTrue(new String(Runs.result(echoed).body(), StandardCharsets.UTF_8).contains(KEY), "the server saw it");
        texts.add(echoed.toString());
        texts.add(Runs.call(echoed).toString());
        texts.add(Runs.request(echoed).toString());
        texts.add(text(run.failure("echo", echoed, "status is not 2xx, key " + KEY)));

        run.enterStep("limited");
        Exchange limited = Runs.send(run, withKey("limited", "/limited"));
        assertTrue(Runs.retry(run, "limited", "again", 1, 0, limited));
        run.enterStep("limited");

        run.enterStep("json");
        Exchange broken = Runs.send(run, withKey("json", "/broken-json"));
        texts.add(text(assertThrows(WorkflowException.class, broken::responseBody)));

        run.enterStep("poll");
        Runs.send(run, withKey("poll", "/poll"));
        run.enterStep("poll");
        Runs.send(run, withKey("poll", "/poll"));
        texts.add(text(assertThrows(WorkflowException.class, () -> run.enterStep("poll"))));

        WorkflowRun refused = WorkflowRun.start(
                ArazzoClient.builder()
                        .server("api", LocalServer.refusedUrl())
                        .listener(new LoggingListener(logger))
                        .listener(events)
                        .build(),
                "wf2");
        refused.secret(KEY);
        refused.enterStep("refused");
        texts.add(text(assertThrows(WorkflowException.class, () -> Runs.send(refused, withKey("refused", "/x")))));

        texts.addAll(events.events());
        texts.addAll(logger.lines());
        List<String> kinds = events.summary();
        for (String kind : List.of(
                "stepStarted",
                "stepFinished",
                "requestSent",
                "responseReceived",
                "retryScheduled",
                "pollWaiting",
                "workflowFailed")) {
            assertTrue(kinds.stream().anyMatch(k -> k.startsWith(kind)), kind + " in " + kinds);
        }
        assertTrue(texts.stream().anyMatch(t -> t.contains("k=***")), "query values are masked: " + texts);
        for (String text : texts) {
            for (String form : forms(KEY)) {
                assertFalse(text.contains(form), "'" + form + "' in: " + text);
            }
        }
    }

    @Test
    void anAuthorizationHeaderStaysOutOfTheCall() {
        ArazzoClient client = ArazzoClient.builder()
                .server("api", server.baseUrl())
                .defaultHeader("Authorization", "Bearer " + KEY)
                .requestTimeout(Duration.ofSeconds(2))
                .build();
        WorkflowRun run = WorkflowRun.start(client, "wf");
        run.enterStep("echo");
        Exchange echoed = Runs.send(
                run, StepRequest.create("echo", "api", null, "GET", "/echo").query("key", Values.of(KEY)));
        String call = Runs.call(echoed).toString();
        assertTrue(call.contains("Authorization: ***"), call);
        assertTrue(call.contains("key=***"), call);
        WorkflowException e = run.failure("echo", echoed, "status is not 2xx");
        // the scheme of an Authorization value is no secret: the token is masked
        assertEquals("denied Bearer *** for key=*** and key=***", e.responseExcerpt());
        for (String text : List.of(call, echoed.toString(), text(e))) {
            for (String form : forms(KEY)) {
                assertFalse(text.contains(form), text);
            }
        }
    }

    /** An echo of the key in any of the encodings a server uses is masked in the failure, its log line and events. */
    @Test
    @Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void echoesInEveryEncodingAreMasked() {
        RecordingListener events = new RecordingListener();
        CapturingLogger logger = new CapturingLogger();
        ArazzoClient client = ArazzoClient.builder()
                .server("api", server.baseUrl())
                .listener(new LoggingListener(logger))
                .listener(events)
                .build();
        String basic =
                "Basic " + java.util.Base64.getEncoder().encodeToString(USER_PASSWORD.getBytes(StandardCharsets.UTF_8));
        for (String path : List.of("/php", "/unicode", "/html", "/basic")) {
            WorkflowRun run = WorkflowRun.start(client, "wf");
            run.secret(KEY);
            run.enterStep("s");
            Exchange echoed = Runs.send(
                    run,
                    StepRequest.create("s", "api", null, "GET", path)
                            .header("Authorization", Values.of(path.equals("/basic") ? basic : "Bearer " + KEY)));
            String body = new String(Runs.result(echoed).body(), StandardCharsets.UTF_8);
            WorkflowException e = run.failure("s", echoed, "status is not 2xx");
            assertTrue(e.responseExcerpt().contains("***"), e.responseExcerpt());
            List<String> texts = new ArrayList<>(List.of(text(e), echoed.toString()));
            texts.addAll(events.events());
            texts.addAll(logger.lines());
            String shown = String.join("\n", texts);
            for (String secret :
                    List.of(KEY, KEY.replace("/", "\\/"), unicodeEscaped(KEY), htmlEscaped(KEY), PASSWORD)) {
                assertFalse(shown.contains(secret), "'" + secret + "' from " + body + " in: " + shown);
            }
        }
    }

    private static String unicodeEscaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars()
                .forEach(c -> out.append(
                        Character.isLetterOrDigit(c) ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.toString();
    }

    private static String htmlEscaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(Character.isLetterOrDigit(c) ? String.valueOf((char) c) : "&#" + c + ";"));
        return out.toString();
    }

    /** The key as it is and the ways a URL encodes it. */
    private static List<String> forms(String secret) {
        return List.of(
                secret,
                URLEncoder.encode(secret, StandardCharsets.UTF_8),
                URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** The message, toString and stack trace of an exception, causes included. */
    private static String text(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return e.getMessage() + "\n" + e + "\n" + trace;
    }
}
