package dev.weft.runtime.http;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One HTTP request, ready to send.
 *
 * <p>The body array is not copied; callers must not change it after handing it over.
 *
 * @param method the method, e.g. {@code GET}
 * @param uri the absolute URL, query included
 * @param headers the headers in order; a name may repeat
 * @param body the body, or {@code null} for none
 * @param timeout the request timeout, or {@code null} for the transport's default
 * @param secrets values to mask wherever the call is printed (a run's registered secrets); not sent anywhere
 */
public record HttpCall(String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body,
        Duration timeout, Set<String> secrets) {

    /** Copies the headers into an immutable list and the secrets into an immutable set. */
    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = headers == null
                ? List.of()
                : headers.stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList();
        secrets = secrets == null
                ? Set.of()
                : secrets.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Creates a call without secrets to mask beyond secret headers and query parameters.
     *
     * @param method the method, e.g. {@code GET}
     * @param uri the absolute URL, query included
     * @param headers the headers in order; a name may repeat
     * @param body the body, or {@code null} for none
     * @param timeout the request timeout, or {@code null} for the transport's default
     */
    public HttpCall(String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body,
            Duration timeout) {
        this(method, uri, headers, body, timeout, Set.of());
    }

    /**
     * Returns a copy that also masks the given values when printed.
     *
     * @param values the secret values; {@code null} elements are ignored
     * @return the copy
     */
    public HttpCall withSecrets(Collection<String> values) {
        Set<String> all = new LinkedHashSet<>(secrets);
        values.stream().filter(Objects::nonNull).forEach(all::add);
        return new HttpCall(method, uri, headers, body, timeout, all);
    }

    /**
     * Returns the first value of a header, names compared case-insensitively.
     *
     * @param name the header name
     * @return the value, or {@code null}
     */
    public String header(String name) {
        for (Map.Entry<String, String> e : headers) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * Describes the call with secret headers and query parameters and the {@link #secrets()} masked, and the body
     * as its length only.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("HttpCall[method=").append(method)
                .append(", uri=").append(Redactor.redactUri(uri, secrets)).append(", headers=[");
        for (int i = 0; i < headers.size(); i++) {
            Map.Entry<String, String> e = headers.get(i);
            text.append(i > 0 ? ", " : "").append(e.getKey()).append(": ")
                    .append(Redactor.redact(Redactor.redactHeaderValue(e.getKey(), e.getValue()), secrets));
        }
        return text.append("], body=").append(body == null ? "none" : body.length + " bytes")
                .append(", timeout=").append(timeout).append(']').toString();
    }
}
