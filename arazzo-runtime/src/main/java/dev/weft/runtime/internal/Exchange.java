package dev.weft.runtime.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.http.HttpCall;
import dev.weft.runtime.http.HttpResult;
import dev.weft.runtime.http.Redactor;
import dev.weft.runtime.messaging.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One completed HTTP exchange of a step, as runtime expressions see it ({@code $statusCode}, {@code $url},
 * {@code $method}, {@code $request.*}, {@code $response.*}); or the message an AsyncAPI step sent or received
 * ({@code $message.payload}, {@code $message.header.*}), which has no request, call nor status.
 *
 * <p>The response body (D-36) is a parsed tree for JSON media types ({@code application/json},
 * {@code *+json}) and for a body without {@code Content-Type} that parses as JSON; text for other media
 * types; absent when empty. A body declared JSON that does not parse fails the step with a
 * {@link WorkflowException} rather than passing as text: a server that says JSON and sends something else is
 * broken, and treating its body as a string would make conditions quietly false.
 */
public final class Exchange {

    private final WorkflowRun run;
    private final StepRequest request;
    private final HttpCall call;
    private final HttpResult result;
    private final WorkflowException transportFailure;
    /** For an AsyncAPI step: its description, and the message sent or received (null when none came). */
    private final MessageStep messageStep;

    private final Message message;
    private JsonNode body;
    private boolean bodyRead;

    /**
     * Creates an exchange outside a run; excerpts are redacted with the call's secret headers only.
     *
     * @param request the step request
     * @param call the call sent
     * @param result the response
     */
    Exchange(StepRequest request, HttpCall call, HttpResult result) {
        this(null, request, call, result);
    }

    /** Creates an exchange of a run, whose secrets are redacted from excerpts. */
    Exchange(WorkflowRun run, StepRequest request, HttpCall call, HttpResult result) {
        this(run, request, call, result, null);
    }

    private Exchange(
            WorkflowRun run,
            StepRequest request,
            HttpCall call,
            HttpResult result,
            WorkflowException transportFailure) {
        this.run = run;
        this.request = Objects.requireNonNull(request, "request");
        this.call = Objects.requireNonNull(call, "call");
        this.result = Objects.requireNonNull(result, "result");
        this.transportFailure = transportFailure;
        this.messageStep = null;
        this.message = null;
    }

    private Exchange(WorkflowRun run, MessageStep step, Message message, WorkflowException failure) {
        this.run = run;
        this.request = null;
        this.call = null;
        this.result = new HttpResult(-1, Map.of(), new byte[0]);
        this.transportFailure = failure;
        this.messageStep = Objects.requireNonNull(step, "step");
        this.message = message;
    }

    /** The outcome of an AsyncAPI step that sent or received {@code message}. */
    static Exchange message(WorkflowRun run, MessageStep step, Message message) {
        return new Exchange(run, step, Objects.requireNonNull(message, "message"), null);
    }

    /** An AsyncAPI step that sent or received nothing: the send failed, or no matching message came in time. */
    static Exchange noMessage(WorkflowRun run, MessageStep step, WorkflowException failure) {
        return new Exchange(run, step, null, Objects.requireNonNull(failure, "failure"));
    }

    /**
     * @return whether the AsyncAPI step sent its message, or received one that matched its correlation id in
     *     time (its success unless success criteria say otherwise)
     */
    public boolean messageDone() {
        return message != null;
    }

    /** @return {@code $message.payload}, or {@code null} when absent */
    public JsonNode messagePayload() {
        return message == null ? null : message.payload();
    }

    /**
     * @param pointer the pointer
     * @return the value in {@code $message.payload}, or {@code null}
     */
    public JsonNode messagePayload(String pointer) {
        return Values.at(messagePayload(), pointer);
    }

    /**
     * @param name the name, case-insensitive
     * @return {@code $message.header.name}, or {@code null} when absent
     */
    public JsonNode messageHeader(String name) {
        return message == null
                ? null
                : message.header(name).map(TextNode::valueOf).orElse(null);
    }

    /**
     * An exchange that got no response (connection refused or reset, timeout, body too large): the step
     * failed, and its failure actions decide what happens; {@code $statusCode} and the response are absent.
     */
    static Exchange failed(WorkflowRun run, StepRequest request, HttpCall call, WorkflowException failure) {
        return new Exchange(run, request, call, new HttpResult(-1, Map.of(), new byte[0]), failure);
    }

    /** @return why no response came, or {@code null} when one did */
    public WorkflowException transportFailure() {
        return transportFailure;
    }

    /** @return the step request */
    StepRequest request() {
        return request;
    }

    /** @return the call as sent */
    HttpCall call() {
        return call;
    }

    /** @return the response */
    HttpResult result() {
        return result;
    }

    /** @return the step */
    String stepId() {
        return request != null ? request.stepId() : messageStep.stepId();
    }

    /** @return the status code ({@code $statusCode}) */
    public int statusCode() {
        return result.statusCode();
    }

    /**
     * @return the URL with its query where the response came from: the request's, or where the redirects the
     *     transport followed led ({@code $url}, D-37)
     */
    String url() {
        return uri().toString();
    }

    private java.net.URI uri() {
        if (call == null) {
            return java.net.URI.create("");
        }
        java.net.URI from = result.uri();
        return from != null ? from : call.uri();
    }

    /** @return the method, upper-case ({@code $method}, D-37) */
    String method() {
        return call == null ? "" : call.method().toUpperCase(Locale.ROOT);
    }

    /** @return {@code $statusCode} as a node */
    public JsonNode statusCodeNode() {
        return transportFailure != null ? null : IntNode.valueOf(statusCode());
    }

    /** @return {@code $url} as a node */
    public JsonNode urlNode() {
        return TextNode.valueOf(url());
    }

    /** @return {@code $method} as a node */
    public JsonNode methodNode() {
        return TextNode.valueOf(method());
    }

    /**
     * Looks up a response header ({@code $response.header.name}, D-35).
     *
     * @param name the name, case-insensitive
     * @return the first value, or {@code null} when absent
     */
    public JsonNode responseHeader(String name) {
        return result.header(name).map(TextNode::valueOf).orElse(null);
    }

    /**
     * Returns the response body ({@code $response.body}, D-36), parsed once.
     *
     * @return the body, or {@code null} when empty
     * @throws WorkflowException if the body is declared JSON but is not valid JSON
     */
    public JsonNode responseBody() {
        if (!bodyRead) {
            body = readBody();
            bodyRead = true;
        }
        return body;
    }

    /**
     * The body as JSON for a response inspector, parsed at most once: a JSON body (or one without
     * {@code Content-Type}) that parses is kept for the criteria too; one that does not parse is left for
     * {@link #responseBody()} to fail on as usual.
     *
     * @return the tree, or {@code null} when the body is empty or not valid JSON
     */
    JsonNode inspectedJson() {
        if (bodyRead) {
            return body;
        }
        byte[] bytes = result.body();
        if (bytes.length == 0) {
            return null;
        }
        String mediaType = mediaType(result.contentType());
        try {
            JsonNode tree = Json.parse(bytes);
            if (tree != null && (mediaType == null || isJson(mediaType))) {
                body = tree;
                bodyRead = true;
            }
            return tree;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Evaluates a JSON pointer into the response body ({@code $response.body#/a/b}).
     *
     * @param pointer the pointer
     * @return the value, or {@code null} when missing or the body is not JSON
     */
    public JsonNode responseBody(String pointer) {
        return Values.at(responseBody(), pointer);
    }

    /**
     * Looks up a request header ({@code $request.header.name}): the step's value, else the value sent.
     *
     * @param name the name, case-insensitive
     * @return the value, or {@code null}
     */
    public JsonNode requestHeader(String name) {
        if (request == null) {
            return null;
        }
        JsonNode value = request.header(name);
        if (value != null) {
            return value;
        }
        String sent = call.header(name);
        return sent == null ? null : TextNode.valueOf(sent);
    }

    /**
     * @param name the name
     * @return {@code $request.query.name}, or {@code null}
     */
    public JsonNode requestQuery(String name) {
        return request == null ? null : request.queryParam(name);
    }

    /**
     * @param name the name
     * @return {@code $request.path.name}, or {@code null}
     */
    public JsonNode requestPath(String name) {
        return request == null ? null : request.pathParam(name);
    }

    /** @return {@code $request.body}, or {@code null} */
    public JsonNode requestBody() {
        return request == null ? null : request.body();
    }

    /**
     * @param pointer the pointer
     * @return the value in {@code $request.body}, or {@code null}
     */
    public JsonNode requestBody(String pointer) {
        return Values.at(requestBody(), pointer);
    }

    /**
     * Returns the start of the response body for error messages, secrets redacted.
     *
     * @return at most 500 characters, or {@code null} when the body is empty
     */
    String responseExcerpt() {
        byte[] bytes = result.body();
        if (bytes.length == 0) {
            return null;
        }
        Collection<String> secrets = secrets();
        int longest = secrets.stream().mapToInt(String::length).max().orElse(0);
        // redact more than is shown, so that a secret across the cut, perhaps escaped, is still masked whole
        long wanted = WorkflowException.MAX_EXCERPT + (long) Redactor.MAX_ENCODING_EXPANSION * longest;
        for (long take = 2 * wanted; ; take *= 2) {
            boolean whole = take >= bytes.length;
            String text = new String(bytes, 0, (int) Math.min(bytes.length, take), StandardCharsets.UTF_8);
            String redacted = Redactor.redact(text, secrets);
            if (whole || redacted.length() >= wanted) {
                return redacted.length() > WorkflowException.MAX_EXCERPT
                        ? redacted.substring(0, WorkflowException.MAX_EXCERPT)
                        : redacted;
            }
        }
    }

    /** Describes the exchange: step, method, URL with secrets masked and status; never headers or bodies. */
    @Override
    public String toString() {
        if (messageStep != null) {
            return "Exchange[" + messageStep.stepId() + ": "
                    + messageStep.action().name().toLowerCase(Locale.ROOT) + " on " + messageStep.channel()
                    + (message == null ? " -> nothing]" : "]");
        }
        return "Exchange[" + request.stepId() + ": " + method() + " " + Redactor.redactUri(uri(), secrets()) + " -> "
                + statusCode() + "]";
    }

    private Collection<String> secrets() {
        return run != null ? run.secrets() : call != null ? HeaderSecrets.of(call.headers()) : java.util.List.of();
    }

    private JsonNode readBody() {
        byte[] bytes = result.body();
        if (bytes.length == 0) {
            return null;
        }
        String mediaType = mediaType(result.contentType());
        if (mediaType == null || isJson(mediaType)) {
            try {
                JsonNode tree = Json.parse(bytes);
                if (tree != null || mediaType != null) {
                    return tree;
                }
            } catch (Json.NumberOutOfRangeException e) {
                // valid JSON, with or without a JSON media type, but a number no double holds
                String message = "response body of step '" + stepId() + "' holds a number beyond the range of a double"
                        + " (about 1.8e308); Weft refuses it rather than read it as Infinity";
                throw run != null
                        ? run.failure(stepId(), this, message, e)
                        : new WorkflowException(null, stepId(), 0, statusCode(), responseExcerpt(), message, e);
            } catch (IOException e) {
                if (mediaType != null) {
                    // the parser's own message may quote part of the body, and so part of a secret: keep only where
                    String where = location(e);
                    IOException cause = new IOException("malformed JSON" + where);
                    cause.setStackTrace(e.getStackTrace());
                    String message =
                            "response body of step '" + stepId() + "' is not valid JSON (" + mediaType + ")" + where;
                    throw run != null
                            ? run.failure(stepId(), this, message, cause)
                            : new WorkflowException(null, stepId(), 0, statusCode(), responseExcerpt(), message, cause);
                }
            }
        }
        return TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
    }

    /** Where the parser gave up, e.g. {@code " at line 1, column 7"}, or {@code ""}. */
    private static String location(IOException e) {
        if (e instanceof JsonProcessingException j && j.getLocation() != null) {
            JsonLocation at = j.getLocation();
            return at.getLineNr() > 0 ? " at line " + at.getLineNr() + ", column " + at.getColumnNr() : "";
        }
        return "";
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }
}
