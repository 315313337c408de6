package dev.weft.runtime.http;

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
 */
public record HttpResult(int statusCode, Map<String, List<String>> headers, byte[] body) {

    /** Copies the headers into an immutable map and replaces a {@code null} body by an empty one. */
    public HttpResult {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers == null ? 0 : headers.size() * 2);
        if (headers != null) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                List<String> values = header.getValue();
                copy.put(header.getKey(), values == null ? List.of() : List.copyOf(values));
            }
        }
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body;
    }

    /**
     * Returns the first value of a header, names compared case-insensitively (D-35).
     *
     * @param name the header name
     * @return the first value, or empty when the header is absent
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
        return "HttpResult[statusCode=" + statusCode + ", headers=" + headers.keySet() + ", body=" + body.length
                + " bytes]";
    }
}
