package dev.weft.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One HTTP response as a {@link ResponseInspector} sees it, with the operation it answers.
 *
 * <p>The body array is not copied; inspectors must not change it. {@link #json()} parses it at most once, and
 * the run's criteria reuse nothing of it: an inspector that does not read the body costs no parse.
 */
public final class InspectedResponse {

    private final String workflowId;
    private final String stepId;
    private final String sourceName;
    private final String operationId;
    private final String method;
    private final String pathTemplate;
    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Supplier<JsonNode> parse;
    private JsonNode json;
    private boolean parsed;

    /**
     * Creates a response to inspect.
     *
     * @param workflowId the workflow
     * @param stepId the step
     * @param sourceName the source description of the operation
     * @param operationId the operation's {@code operationId}, or {@code null} when the step names it by path
     * @param method the HTTP method, upper-case for the standard ones
     * @param pathTemplate the operation's path, e.g. {@code /pets/{petId}}
     * @param status the HTTP status
     * @param headers the response headers as received
     * @param body the body, empty when there was none
     * @param parse parses the body as JSON: the tree, or {@code null} when it is empty or not JSON
     */
    public InspectedResponse(
            String workflowId,
            String stepId,
            String sourceName,
            String operationId,
            String method,
            String pathTemplate,
            int status,
            Map<String, List<String>> headers,
            byte[] body,
            Supplier<JsonNode> parse) {
        this.workflowId = workflowId;
        this.stepId = stepId;
        this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
        this.operationId = operationId;
        this.method = Objects.requireNonNull(method, "method");
        this.pathTemplate = Objects.requireNonNull(pathTemplate, "pathTemplate");
        this.status = status;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = body == null ? new byte[0] : body;
        this.parse = Objects.requireNonNull(parse, "parse");
    }

    /** @return the workflow */
    public String workflowId() {
        return workflowId;
    }

    /** @return the step */
    public String stepId() {
        return stepId;
    }

    /** @return the source description of the operation */
    public String sourceName() {
        return sourceName;
    }

    /** @return the operation's {@code operationId}, or empty when the step names the operation by path */
    public Optional<String> operationId() {
        return Optional.ofNullable(operationId);
    }

    /** @return the HTTP method */
    public String method() {
        return method;
    }

    /** @return the operation's path template */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the headers as received */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * Returns the first value of a header, the name compared case-insensitively.
     *
     * @param name the name
     * @return the value, or empty when absent
     */
    public Optional<String> header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null
                    && e.getKey().equalsIgnoreCase(name)
                    && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    /** @return the {@code Content-Type} header, or {@code null} */
    public String contentType() {
        return header("Content-Type").orElse(null);
    }

    /** @return the body's bytes, empty when there was none; not to be changed */
    public byte[] body() {
        return body;
    }

    /**
     * Returns the body parsed as JSON, parsed on the first call.
     *
     * @return the tree, or {@code null} when the body is empty or not valid JSON
     */
    public synchronized JsonNode json() {
        if (!parsed) {
            json = parse.get();
            parsed = true;
        }
        return json;
    }

    @Override
    public String toString() {
        return "InspectedResponse[" + stepId + ": " + method + " " + pathTemplate + " -> " + status + ", " + body.length
                + " bytes]";
    }
}
