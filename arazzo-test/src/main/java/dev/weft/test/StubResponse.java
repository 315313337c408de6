package dev.weft.test;

import dev.weft.runtime.http.HttpResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A reply a {@link StubTransport} gives: status, headers and body; immutable.
 *
 * <pre>{@code
 * StubResponse.json(200, "{\"status\":\"processing\"}")
 * StubResponse.status(503).withHeader("Retry-After", "30")
 * }</pre>
 *
 * @param status the HTTP status
 * @param headers the headers; a name may have several values
 * @param body the body, empty for none; not copied, so do not change it
 */
public record StubResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /** Checks the status and copies the headers. */
    public StubResponse {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must be a three-digit HTTP status, was " + status);
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(headers, "headers").forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body;
    }

    /**
     * A reply with a status and nothing else.
     *
     * @param status the HTTP status
     * @return the reply
     */
    public static StubResponse status(int status) {
        return new StubResponse(status, Map.of(), new byte[0]);
    }

    /**
     * A JSON reply ({@code Content-Type: application/json}).
     *
     * @param status the HTTP status
     * @param json the body, which is not checked
     * @return the reply
     */
    public static StubResponse json(int status, String json) {
        return status(status).withBody("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A plain text reply ({@code Content-Type: text/plain; charset=UTF-8}).
     *
     * @param status the HTTP status
     * @param text the body
     * @return the reply
     */
    public static StubResponse text(int status, String text) {
        return status(status).withBody("text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns a copy with one more header value.
     *
     * @param name the header name
     * @param value the value
     * @return the copy
     */
    public StubResponse withHeader(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        List<String> values = new ArrayList<>(copy.getOrDefault(name, List.of()));
        values.add(Objects.requireNonNull(value, "value"));
        copy.put(Objects.requireNonNull(name, "name"), values);
        return new StubResponse(status, copy, body);
    }

    /**
     * Returns a copy with a body and its {@code Content-Type}.
     *
     * @param contentType the media type
     * @param bytes the body
     * @return the copy
     */
    public StubResponse withBody(String contentType, byte[] bytes) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Type"));
        copy.put("Content-Type", List.of(contentType));
        return new StubResponse(status, copy, bytes);
    }

    /** The reply as the transport hands it to the run, as if it came from {@code uri}. */
    HttpResult toResult(URI uri) {
        return new HttpResult(status, headers, body, uri);
    }

    @Override
    public String toString() {
        return "StubResponse[status=" + status + ", headers=" + headers.keySet() + ", body=" + body.length + " bytes]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StubResponse that
                && status == that.status
                && headers.equals(that.headers)
                && java.util.Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * status + headers.hashCode()) + java.util.Arrays.hashCode(body);
    }
}
