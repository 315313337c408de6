package dev.weft.runtime.http;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP response, read completely.
 *
 * <p>The body array is not copied; callers must not change it.
 *
 * @param statusCode the status code
 * @param headers the headers as received; look them up with {@link #header(String)}
 * @param body the body, empty when there was none
 * @param uri the URL the response came from (after redirects), or {@code null} when the transport does not say,
 *     meaning the request's own
 */
public record HttpResult(int statusCode, Map<String, List<String>> headers, byte[] body, URI uri) {

    /**
     * Keeps the headers as an immutable map, a copy unless they are a JDK response's (immutable already), and replaces
     * a {@code null} body by an empty one.
     */
    public HttpResult {
        headers = headers instanceof ReceivedHeaders ? headers : copied(headers);
        body = body == null ? new byte[0] : body;
    }

    private static Map<String, List<String>> copied(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers == null ? 0 : headers.size() * 2);
        if (headers != null) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                List<String> values = header.getValue();
                copy.put(header.getKey(), values == null ? List.of() : List.copyOf(values));
            }
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Creates a result without saying where it came from: the request's URL, as no redirect was followed.
     *
     * @param statusCode the status code
     * @param headers the headers as received
     * @param body the body, empty when there was none
     */
    public HttpResult(int statusCode, Map<String, List<String>> headers, byte[] body) {
        this(statusCode, headers, body, null);
    }

    /**
     * Returns the first value of a header, names compared case-insensitively (D-35).
     *
     * @param name the header name
     * @return the first value, or empty when the header is absent
     */
    public Optional<String> header(String name) {
        if (headers instanceof ReceivedHeaders received) {
            return Optional.ofNullable(received.first(name));
        }
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null
                    && e.getKey().equalsIgnoreCase(name)
                    && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the {@code Content-Type} header.
     *
     * @return the media type with its parameters, or {@code null}
     */
    public String contentType() {
        return header("Content-Type").orElse(null);
    }

    @Override
    public String toString() {
        // no URL: it may hold a credential a server put in its Location
        return "HttpResult[statusCode=" + statusCode + ", headers=" + headers.keySet() + ", body=" + body.length
                + " bytes]";
    }
}
