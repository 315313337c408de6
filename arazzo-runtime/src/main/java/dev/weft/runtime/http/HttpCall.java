package dev.weft.runtime.http;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
 * @param step the step the call is made for and the operation it calls, for transports that dispatch or label
 *     calls by operation (a test stub, a tracing decorator); {@code null} for a call made outside a workflow run.
 *     Not sent anywhere.
 */
public record HttpCall(
        String method,
        URI uri,
        List<Map.Entry<String, String>> headers,
        byte[] body,
        Duration timeout,
        Set<String> secrets,
        Step step) {

    /**
     * The step a call is made for.
     *
     * @param stepId the step's {@code stepId}
     * @param operationId the OpenAPI {@code operationId} of the operation it calls, or {@code null} when the
     *     operation has none (a step that names it by {@code operationPath})
     * @param pathTemplate the operation's path as the OpenAPI description writes it, e.g. {@code /jobs/{jobId}}
     */
    public record Step(String stepId, String operationId, String pathTemplate) {

        /** Checks that the step and the path are given. */
        public Step {
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(pathTemplate, "pathTemplate");
        }
    }

    /** The class of {@link Map#entry} entries, which are immutable. */
    private static final Class<?> IMMUTABLE_ENTRY = Map.entry("", "").getClass();

    /** Copies the headers into an immutable list and the secrets into an immutable set. */
    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = immutableHeaders(headers);
        secrets = immutableSecrets(secrets);
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
    public HttpCall(String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body, Duration timeout) {
        this(method, uri, headers, body, timeout, Set.of(), null);
    }

    /**
     * Creates a call made outside a workflow run, with secrets to mask.
     *
     * @param method the method, e.g. {@code GET}
     * @param uri the absolute URL, query included
     * @param headers the headers in order; a name may repeat
     * @param body the body, or {@code null} for none
     * @param timeout the request timeout, or {@code null} for the transport's default
     * @param secrets values to mask wherever the call is printed
     */
    public HttpCall(
            String method,
            URI uri,
            List<Map.Entry<String, String>> headers,
            byte[] body,
            Duration timeout,
            Set<String> secrets) {
        this(method, uri, headers, body, timeout, secrets, null);
    }

    /**
     * Returns a copy that also masks the given values when printed.
     *
     * @param values the secret values; {@code null} elements are ignored
     * @return the copy
     */
    public HttpCall withSecrets(Collection<String> values) {
        Set<String> all = null;
        for (String value : values) {
            if (value != null && !secrets.contains(value)) {
                if (all == null) {
                    all = new LinkedHashSet<>(secrets);
                }
                all.add(value);
            }
        }
        return all == null ? this : new HttpCall(method, uri, headers, body, timeout, all, step);
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
        StringBuilder text = new StringBuilder("HttpCall[method=")
                .append(method)
                .append(", uri=")
                .append(Redactor.redactUri(uri, secrets))
                .append(", headers=[");
        for (int i = 0; i < headers.size(); i++) {
            Map.Entry<String, String> e = headers.get(i);
            text.append(i > 0 ? ", " : "")
                    .append(e.getKey())
                    .append(": ")
                    .append(Redactor.redact(Redactor.redactHeaderValue(e.getKey(), e.getValue()), secrets));
        }
        return text.append("], body=")
                .append(body == null ? "none" : body.length + " bytes")
                .append(", timeout=")
                .append(timeout)
                .append(']')
                .toString();
    }

    private static List<Map.Entry<String, String>> immutableHeaders(List<Map.Entry<String, String>> headers) {
        if (headers == null || headers.isEmpty()) {
            return List.of();
        }
        for (Map.Entry<String, String> e : headers) {
            if (e.getClass() != IMMUTABLE_ENTRY) {
                List<Map.Entry<String, String>> copy = new ArrayList<>(headers.size());
                for (Map.Entry<String, String> header : headers) {
                    copy.add(Map.entry(header.getKey(), header.getValue()));
                }
                return List.copyOf(copy);
            }
        }
        // entries made by Map.entry cannot change: only the list needs copying (none when it is immutable too)
        return List.copyOf(headers);
    }

    /** Copies the secrets without {@code null}s; an immutable set without them is kept as it is. */
    private static Set<String> immutableSecrets(Set<String> secrets) {
        if (secrets == null || secrets.isEmpty()) {
            return Set.of();
        }
        for (String value : secrets) {
            if (value == null) {
                Set<String> copy = new LinkedHashSet<>(secrets);
                copy.remove(null);
                return Set.copyOf(copy);
            }
        }
        return Set.copyOf(secrets);
    }
}
