package dev.weft.runtime.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.CapturingLogger;
import dev.weft.runtime.Credential;
import dev.weft.runtime.LoggingListener;
import dev.weft.runtime.RecordingListener;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.http.LocalServer;
import dev.weft.runtime.http.LocalServer.Reply;
import dev.weft.runtime.internal.Exchange;
import dev.weft.runtime.internal.Runs;
import dev.weft.runtime.internal.SecurityScheme;
import dev.weft.runtime.internal.StepRequest;
import dev.weft.runtime.internal.Values;
import dev.weft.runtime.internal.WorkflowRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Credentials bound on the client by security scheme name reach a server on 127.0.0.1 where the operation requires
 * the scheme (header, query, cookie; bearer and basic), not where the step sends it itself nor where the operation
 * requires nothing, and never show in messages, events or log lines.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CredentialsTest {

    private static final String KEY = "ak-9f+Qz/Lm=77";
    private static final String TOKEN = "tok-5d1e8c0b7a";
    private static final String PASSWORD = "s3cret-passw0rd";

    private static final SecurityScheme API_KEY_HEADER = SecurityScheme.of("ApiKey", "apiKey", "header", "X-API-Key");
    private static final SecurityScheme API_KEY_QUERY = SecurityScheme.of("QueryKey", "apiKey", "query", "api_key");
    private static final SecurityScheme API_KEY_COOKIE = SecurityScheme.of("CookieKey", "apiKey", "cookie", "sid");
    private static final SecurityScheme BEARER = SecurityScheme.of("bearerAuth", "bearer", "header", "Authorization");
    private static final SecurityScheme BASIC = SecurityScheme.of("basicAuth", "basic", "header", "Authorization");

    private static LocalServer server;

    @BeforeAll
    static void start() {
        server = LocalServer.start()
                .on("/ok", r -> Reply.json(200, "{}"))
                .on(
                        "/echo",
                        r -> Reply.of(
                                401,
                                "text/plain",
                                "denied " + r.headers().getFirst("X-API-Key") + " "
                                        + r.uri().getRawQuery() + " "
                                        + r.headers().getFirst("Cookie") + " "
                                        + r.headers().getFirst("Authorization")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ArazzoClient client(Object... listeners) {
        ArazzoClient.Builder builder = ArazzoClient.builder()
                .server("api", server.baseUrl())
                .credential("ApiKey", Credential.apiKey(KEY))
                .credential("QueryKey", Credential.apiKey(KEY))
                .credential("CookieKey", Credential.apiKey(KEY))
                .credential("bearerAuth", Credential.bearer(TOKEN))
                .credential("basicAuth", Credential.basic("aladdin", PASSWORD));
        for (Object l : listeners) {
            builder.listener((dev.weft.runtime.WorkflowListener) l);
        }
        return builder.build();
    }

    private static LocalServer.Received send(ArazzoClient client, StepRequest request) {
        WorkflowRun run = WorkflowRun.start(client, "wf");
        run.enterStep(request.stepId());
        Runs.send(run, request);
        return server.last();
    }

    private static StepRequest get(String path) {
        return StepRequest.create("s", "api", null, "GET", path);
    }

    @Test
    void anApiKeyGoesInTheHeaderQueryOrCookieItsSchemeNames() {
        ArazzoClient client = client();
        assertEquals(
                KEY, send(client, get("/ok").security(API_KEY_HEADER)).headers().getFirst("X-API-Key"));
        LocalServer.Received query =
                send(client, get("/ok").query("q", Values.of("x")).security(API_KEY_QUERY));
        assertEquals(
                "q=x&api_key=" + URLEncoder.encode(KEY, StandardCharsets.UTF_8).replace("+", "%20"),
                query.uri().getRawQuery());
        assertEquals(KEY, query.uri().getQuery().substring("q=x&api_key=".length()));
        LocalServer.Received cookie =
                send(client, get("/ok").cookie("theme", Values.of("dark")).security(API_KEY_COOKIE));
        assertTrue(
                cookie.headers().getFirst("Cookie").startsWith("theme=dark; sid="),
                cookie.headers().toString());
    }

    @Test
    void bearerAndBasicGoInAuthorization() {
        ArazzoClient client = client();
        assertEquals(
                "Bearer " + TOKEN,
                send(client, get("/ok").security(BEARER)).headers().getFirst("Authorization"));
        String basic =
                "Basic " + Base64.getEncoder().encodeToString(("aladdin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertEquals(basic, send(client, get("/ok").security(BASIC)).headers().getFirst("Authorization"));
    }

    @Test
    void theStepsOwnCredentialWins() {
        ArazzoClient client = client();
        LocalServer.Received own = send(
                client,
                get("/ok").header("authorization", Values.of("Bearer mine")).security(BEARER));
        assertEquals(List.of("Bearer mine"), own.headers().get("Authorization"));
        // an alternative the step sends itself: nothing else is added
        LocalServer.Received either = send(
                client,
                get("/ok")
                        .query("api_key", Values.of("own"))
                        .security(API_KEY_HEADER)
                        .security(API_KEY_QUERY));
        assertNull(either.headers().getFirst("X-API-Key"));
        assertEquals("api_key=own", either.uri().getRawQuery());
    }

    @Test
    void anOperationWithoutTheRequirementGetsNothing() {
        LocalServer.Received plain = send(client(), get("/ok"));
        assertNull(plain.headers().getFirst("Authorization"));
        assertNull(plain.headers().getFirst("X-API-Key"));
        assertNull(plain.headers().getFirst("Cookie"));
        assertNull(plain.uri().getRawQuery());
        // a scheme the client holds no credential for: the first alternative it can complete is used
        SecurityScheme other = SecurityScheme.of("Other", "apiKey", "header", "X-Other");
        LocalServer.Received second = send(client(), get("/ok").security(other).security(BEARER));
        assertNull(second.headers().getFirst("X-Other"));
        assertEquals("Bearer " + TOKEN, second.headers().getFirst("Authorization"));
        assertNull(send(client(), get("/ok").security(other)).headers().getFirst("Authorization"));
    }

    @Test
    void aBoundCredentialReplacesADefaultHeader() {
        ArazzoClient client = ArazzoClient.builder()
                .server("api", server.baseUrl())
                .defaultHeader("Authorization", "Bearer default-token")
                .credential("bearerAuth", Credential.bearer(TOKEN))
                .build();
        assertEquals(
                List.of("Bearer " + TOKEN),
                send(client, get("/ok").security(BEARER)).headers().get("Authorization"));
        assertEquals(
                List.of("Bearer default-token"),
                send(client, get("/ok")).headers().get("Authorization"));
    }

    @Test
    void credentialsAreRedactedEverywhere() {
        RecordingListener events = new RecordingListener();
        CapturingLogger logger = new CapturingLogger();
        ArazzoClient client = client(new LoggingListener(logger), events);
        List<String> texts = new ArrayList<>();
        texts.add(client.toString());
        texts.add(Credential.basic("aladdin", PASSWORD).toString());
        WorkflowRun run = WorkflowRun.start(client, "wf");
        run.enterStep("s");
        Exchange echoed = Runs.send(run, get("/echo").security(API_KEY_HEADER, API_KEY_QUERY, API_KEY_COOKIE, BEARER));
        String body = new String(Runs.result(echoed).body(), StandardCharsets.UTF_8);
        assertTrue(body.contains(KEY) && body.contains(TOKEN), "the server saw them: " + body);
        WorkflowException e = run.failure("s", echoed, "status is not 2xx");
        assertTrue(e.responseExcerpt().contains("***"), e.responseExcerpt());
        texts.add(text(e));
        texts.add(echoed.toString());
        texts.add(Runs.call(echoed).toString());
        WorkflowRun basic = WorkflowRun.start(client, "wf");
        basic.enterStep("s");
        Exchange basicEcho = Runs.send(basic, get("/echo").security(BASIC));
        texts.add(text(basic.failure("s", basicEcho, "status is not 2xx")));
        texts.addAll(events.events());
        texts.addAll(logger.lines());
        String encodedBasic =
                Base64.getEncoder().encodeToString(("aladdin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (String text : texts) {
            for (String form :
                    List.of(KEY, URLEncoder.encode(KEY, StandardCharsets.UTF_8), TOKEN, PASSWORD, encodedBasic)) {
                assertFalse(text.contains(form), "'" + form + "' in: " + text);
            }
        }
    }

    @Test
    void anEnvironmentVariableBindsACredential() {
        assertThrows(
                IllegalStateException.class,
                () -> ArazzoClient.builder().credentialFromEnv("ApiKey", "WEFT_TEST_SURELY_UNSET_VARIABLE_42"));
        assertEquals("Bearer x-token", Credential.of("x-token").encodedFor("bearer"));
        assertEquals("x-token", Credential.of("x-token").encodedFor("apiKey"));
        assertEquals("Basic dTpw", Credential.of("u:p").encodedFor("basic"));
        assertThrows(IllegalArgumentException.class, () -> Credential.apiKey("a\nb"));
    }

    private static String text(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
