package dev.weft.test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.runtime.http.HttpCall;
import dev.weft.runtime.http.Redactor;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/**
 * A request a workflow sent through a {@link StubTransport}, with assertions on it; every text an assertion prints
 * (its message, expected and actual values) has the run's secrets and secret headers masked.
 *
 * <pre>{@code
 * stub.onlyRequest("submitWorkflow")
 *         .assertMethod("POST")
 *         .assertPath("/v2/consumer/workflows")
 *         .assertHeader("Authorization", "Bearer test-key")
 *         .assertJsonAt("/steps/0/input/prompt", "\"a fox\"");
 * }</pre>
 */
public final class SentRequest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpCall call;
    private final int index;

    SentRequest(HttpCall call, int index) {
        this.call = Objects.requireNonNull(call, "call");
        this.index = index;
    }

    /** @return the call as the transport received it (its {@code toString()} is redacted, its values are not) */
    public HttpCall call() {
        return call;
    }

    /** @return the operationId the step called, or {@code null} when the operation has none or the call no step */
    public String operationId() {
        return call.step() == null ? null : call.step().operationId();
    }

    /** @return the step that sent the request, or {@code null} for a call made outside a run */
    public String stepId() {
        return call.step() == null ? null : call.step().stepId();
    }

    /** @return the HTTP method */
    public String method() {
        return call.method();
    }

    /** @return the URL, query included */
    public URI uri() {
        return call.uri();
    }

    /** @return the path as sent, percent-encoded, e.g. {@code /jobs/a%2Fb} */
    public String path() {
        return call.uri().getRawPath();
    }

    /**
     * Returns the values of a query parameter, decoded, in order.
     *
     * @param name the parameter's name as sent
     * @return the values, empty when it was not sent
     */
    public List<String> queryValues(String name) {
        List<String> values = new ArrayList<>();
        String query = call.uri().getRawQuery();
        if (query == null) {
            return values;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                values.add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return values;
    }

    /**
     * Returns the first value of a query parameter, decoded.
     *
     * @param name the parameter's name
     * @return the value, or {@code null} when it was not sent
     */
    public String query(String name) {
        List<String> values = queryValues(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * Returns the first value of a header, names compared case-insensitively.
     *
     * @param name the header's name
     * @return the value, or {@code null}
     */
    public String header(String name) {
        return call.header(name);
    }

    /** @return the body as UTF-8 text, empty for none */
    public String bodyText() {
        return call.body() == null ? "" : new String(call.body(), StandardCharsets.UTF_8);
    }

    /**
     * Returns the body parsed as JSON.
     *
     * @return the body
     * @throws AssertionFailedError if the body is not JSON
     */
    public JsonNode bodyJson() {
        try {
            return JSON.readTree(bodyText());
        } catch (JsonProcessingException e) {
            throw fail("the body is not JSON: " + redact(bodyText()), null, null);
        }
    }

    /**
     * Asserts the method.
     *
     * @param expected e.g. {@code POST}
     * @return this request
     */
    public SentRequest assertMethod(String expected) {
        return check(expected.equals(method()), "method", expected, method());
    }

    /**
     * Asserts the path, as sent (percent-encoded).
     *
     * @param expected e.g. {@code /v2/consumer/workflows/wf-1}
     * @return this request
     */
    public SentRequest assertPath(String expected) {
        return check(expected.equals(path()), "path", redact(expected), redact(path()));
    }

    /**
     * Asserts that a query parameter was sent with exactly these values (one for a plain parameter).
     *
     * @param name the parameter
     * @param expected its values, decoded, in order
     * @return this request
     */
    public SentRequest assertQuery(String name, String... expected) {
        List<String> actual = queryValues(name);
        boolean secret = Redactor.isSecretHeader(name);
        return check(
                actual.equals(List.of(expected)),
                "query parameter '" + name + "'",
                secret ? Redactor.MASK : redact(String.join(", ", expected)),
                secret ? Redactor.MASK : redact(String.join(", ", actual)));
    }

    /**
     * Asserts a header's first value; a secret header's values are masked in the message.
     *
     * @param name the header
     * @param expected its value
     * @return this request
     */
    public SentRequest assertHeader(String name, String expected) {
        String actual = header(name);
        return check(
                expected.equals(actual),
                "header '" + name + "'",
                Redactor.redact(Redactor.redactHeaderValue(name, expected), call.secrets()),
                actual == null
                        ? "(absent)"
                        : Redactor.redact(Redactor.redactHeaderValue(name, actual), call.secrets()));
    }

    /**
     * Asserts that a header was not sent.
     *
     * @param name the header
     * @return this request
     */
    public SentRequest assertNoHeader(String name) {
        String actual = header(name);
        return check(
                actual == null,
                "header '" + name + "'",
                "(absent)",
                actual == null ? null : Redactor.redact(Redactor.redactHeaderValue(name, actual), call.secrets()));
    }

    /**
     * Asserts the body as text.
     *
     * @param expected the body, UTF-8
     * @return this request
     */
    public SentRequest assertBody(String expected) {
        return check(expected.equals(bodyText()), "body", redact(expected), redact(bodyText()));
    }

    /**
     * Asserts that the body is this JSON value (compared as JSON trees: member order and spacing do not count).
     *
     * @param expectedJson the expected JSON
     * @return this request
     */
    public SentRequest assertJsonBody(String expectedJson) {
        JsonNode expected = parse(expectedJson);
        JsonNode actual = bodyJson();
        return check(expected.equals(actual), "JSON body", redact(expected.toString()), redact(actual.toString()));
    }

    /**
     * Asserts one value inside a JSON body.
     *
     * @param pointer a JSON pointer, e.g. {@code /steps/0/input/prompt}
     * @param expectedJson the expected value as JSON, e.g. {@code "\"a fox\""} or {@code "3"}
     * @return this request
     */
    public SentRequest assertJsonAt(String pointer, String expectedJson) {
        JsonNode expected = parse(expectedJson);
        JsonNode actual = bodyJson().at(pointer);
        return check(
                expected.equals(actual),
                "JSON body at '" + pointer + "'",
                redact(expected.toString()),
                actual.isMissingNode() ? "(absent)" : redact(actual.toString()));
    }

    /** Describes the request with secrets masked: method, URL, operation and step. */
    @Override
    public String toString() {
        return "request " + (index + 1) + " " + method() + " " + Redactor.redactUri(call.uri(), call.secrets())
                + (call.step() == null ? "" : " (operation '" + operationId() + "', step '" + stepId() + "')");
    }

    /** Describes the request's headers and body, masked, for a failure message. */
    String describe() {
        StringBuilder text = new StringBuilder(toString());
        for (Map.Entry<String, String> header : call.headers()) {
            text.append("\n    ")
                    .append(header.getKey())
                    .append(": ")
                    .append(Redactor.redact(
                            Redactor.redactHeaderValue(header.getKey(), header.getValue()), call.secrets()));
        }
        if (call.body() != null && call.body().length > 0) {
            String body = redact(bodyText());
            text.append("\n    body: ").append(body.length() > 500 ? body.substring(0, 500) + "…" : body);
        }
        return text.toString();
    }

    private SentRequest check(boolean ok, String what, String expected, String actual) {
        if (!ok) {
            throw fail(
                    what + " of " + this + ": expected <" + expected + "> but was <" + actual + ">", expected, actual);
        }
        return this;
    }

    private static AssertionFailedError fail(String message, String expected, String actual) {
        return expected == null && actual == null
                ? new AssertionFailedError(message)
                : new AssertionFailedError(message, expected, actual);
    }

    private String redact(String text) {
        return Redactor.redact(text, call.secrets());
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("expected value is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
