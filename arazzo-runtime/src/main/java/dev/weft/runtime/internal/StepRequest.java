package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.runtime.Credential;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.http.HttpCall;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The request of one step, as generated code assembles it: target operation, parameters and body as JSON
 * values, turned into an {@link HttpCall} once complete; one per HTTP call.
 *
 * <p>A {@code null} value means absent (D-13): query, header and cookie parameters are left out, a path
 * parameter fails the step when the call is built.
 *
 * <p>Longer than ~300 lines: it is a builder generated code names (one small method per kind of parameter and
 * body, each with its Javadoc) plus the one place a request becomes a URL and header list; splitting the
 * builder would give generated code two names for one request.
 */
public final class StepRequest {

    private static final String JSON = "application/json";
    private static final String TEXT = "text/plain; charset=UTF-8";

    private final String stepId;
    private final String sourceName;
    private final String defaultServerUrl;
    private final String method;
    private final String pathTemplate;
    /** The OpenAPI operationId, when the generated code names it; {@code null} for an operation without one. */
    private String operationId;
    /** An Arazzo 1.1 {@code in: querystring} value: the whole query string, or null. */
    private String querystring;
    /** The Arazzo 1.1 step {@code timeout}, or null. */
    private Duration timeout;

    private final Map<String, JsonNode> pathParams = new LinkedHashMap<>();
    /** Empty and immutable until a query parameter is set, as most steps have none; likewise styles and cookies. */
    private Map<String, JsonNode> queryParams = Map.of();

    private Map<String, Map.Entry<String, Boolean>> styles = Map.of();
    /** Keyed by lower-case name, so a header set twice in different case is set once. */
    private final Map<String, Map.Entry<String, JsonNode>> headers = new LinkedHashMap<>();

    private Map<String, JsonNode> cookies = Map.of();
    /** The operation's security alternatives, any one of which suffices; empty for most operations. */
    private List<List<SecurityScheme>> security = List.of();

    private String contentType;
    private JsonNode body;
    private byte[] bodyBytes;

    private static final java.util.Set<String> STANDARD_METHODS =
            java.util.Set.of("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "QUERY");

    private StepRequest(String stepId, String sourceName, String defaultServerUrl, String method, String pathTemplate) {
        this.stepId = Objects.requireNonNull(stepId, "stepId");
        this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
        this.defaultServerUrl = defaultServerUrl;
        // the standard methods in any case are sent upper-case; another (an OpenAPI 3.2 additionalOperations
        // key) as declared, since method names are case-sensitive
        String upper = method.toUpperCase(Locale.ROOT);
        this.method = STANDARD_METHODS.contains(upper) ? upper : method;
        this.pathTemplate = Objects.requireNonNull(pathTemplate, "pathTemplate");
    }

    /**
     * Starts the request of a step.
     *
     * @param stepId the step
     * @param sourceName the source description holding the operation
     * @param defaultServerUrl the operation's server URL from the OpenAPI description, or {@code null}
     * @param method the HTTP method
     * @param pathTemplate the operation's path, e.g. {@code /jobs/{jobId}}
     * @return the request
     */
    public static StepRequest create(
            String stepId, String sourceName, String defaultServerUrl, String method, String pathTemplate) {
        return new StepRequest(stepId, sourceName, defaultServerUrl, method, pathTemplate);
    }

    /**
     * Names the operation the step calls, for transports that dispatch or label calls by operation
     * ({@link HttpCall#step()}); not sent.
     *
     * @param value the OpenAPI {@code operationId}
     * @return this request
     */
    public StepRequest operationId(String value) {
        this.operationId = Objects.requireNonNull(value, "operationId");
        return this;
    }

    /**
     * Adds an alternative of the operation's security requirement: schemes that all apply. Where the step
     * sends none of the alternatives itself, the client's credentials complete the first alternative they can
     * (see {@link dev.weft.runtime.ArazzoClient.Builder#credential}).
     *
     * @param alternative the schemes
     * @return this request
     */
    public StepRequest security(SecurityScheme... alternative) {
        if (alternative.length > 0) {
            if (security.isEmpty()) {
                security = new ArrayList<>(2);
            }
            security.add(List.of(alternative));
        }
        return this;
    }

    /** @return the security alternatives added, in order */
    public List<List<SecurityScheme>> security() {
        return Collections.unmodifiableList(security);
    }

    /**
     * Bounds the step (Arazzo 1.1 {@code timeout}): the request gets at most this long for a complete
     * response, else the step fails with a transport failure its failure actions see.
     *
     * @param millis the timeout in milliseconds, at least 0
     * @return this request
     */
    public StepRequest timeout(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout must be at least 0, was " + millis);
        }
        this.timeout = Duration.ofMillis(millis);
        return this;
    }

    /** @return the step's timeout, or {@code null} when it has none */
    Duration timeout() {
        return timeout;
    }

    /** @return the OpenAPI {@code operationId} of the operation, or {@code null} when not named */
    public String operationId() {
        return operationId;
    }

    /**
     * Sets a path parameter; {@code null} fails the step when the call is built.
     *
     * @param name the name in the path template
     * @param value the value
     * @return this request
     */
    public StepRequest pathParam(String name, JsonNode value) {
        pathParams.put(name, value);
        return this;
    }

    /**
     * Sets the whole query string (Arazzo 1.1 {@code in: querystring}): the value's text, without a leading
     * {@code ?}, sent as it is after the path. Characters that may not stand in a query are percent-encoded;
     * {@code null} leaves the query string empty.
     *
     * @param value the query string, such as {@code a=1&b=two}
     * @return this request
     */
    public StepRequest querystring(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return this;
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        this.querystring = text.startsWith("?") ? text.substring(1) : text;
        return this;
    }

    /**
     * Sets a query parameter (style form, exploded: an array repeats the name); {@code null} leaves it out.
     *
     * @param name the name
     * @param value the value
     * @return this request
     */
    public StepRequest query(String name, JsonNode value) {
        if (value != null) {
            if (queryParams.isEmpty()) {
                queryParams = new LinkedHashMap<>();
            }
            queryParams.put(name, value);
        }
        return this;
    }

    /**
     * Sets a query parameter serialised by its OpenAPI {@code style} and {@code explode} (D-53), for the
     * styles other than the default form-exploded; {@code null} leaves it out.
     *
     * @param name the name
     * @param value the value
     * @param style {@code form}, {@code spaceDelimited}, {@code pipeDelimited} or {@code deepObject}
     * @param explode whether the style is exploded
     * @return this request
     */
    public StepRequest query(String name, JsonNode value, String style, boolean explode) {
        style("query:" + name, style, explode);
        return query(name, value);
    }

    /**
     * Sets a path parameter serialised by its OpenAPI {@code style} ({@code simple}, {@code label} or
     * {@code matrix}) and {@code explode}; {@code null} fails the step when the call is built.
     *
     * @param name the name in the path template
     * @param value the value
     * @param style the style
     * @param explode whether the style is exploded
     * @return this request
     */
    public StepRequest pathParam(String name, JsonNode value, String style, boolean explode) {
        style("path:" + name, style, explode);
        return pathParam(name, value);
    }

    /**
     * Sets a header (style simple: an array is comma-joined); {@code null} leaves it out.
     *
     * @param name the name
     * @param value the value
     * @return this request
     */
    public StepRequest header(String name, JsonNode value) {
        if (value != null) {
            headers.put(name.toLowerCase(Locale.ROOT), Map.entry(name, value));
        }
        return this;
    }

    /**
     * Sets a cookie, sent in one {@code Cookie} header as {@code a=1; b=2}; {@code null} leaves it out.
     *
     * @param name the name
     * @param value the value
     * @return this request
     */
    public StepRequest cookie(String name, JsonNode value) {
        if (value != null) {
            if (cookies.isEmpty()) {
                cookies = new LinkedHashMap<>();
            }
            cookies.put(name, value);
        }
        return this;
    }

    /**
     * Sets a JSON body; {@code null} sends none.
     *
     * @param mediaType the media type, {@code application/json} when {@code null}
     * @param value the body
     * @return this request
     */
    public StepRequest jsonBody(String mediaType, JsonNode value) {
        this.contentType = mediaType != null ? mediaType : JSON;
        this.body = value;
        this.bodyBytes = value == null ? null : Json.writeBytes(value);
        return this;
    }

    /**
     * Sets a text body (XML, form-urlencoded, plain text), sent as UTF-8; {@code null} sends none.
     *
     * @param mediaType the media type, {@code text/plain; charset=UTF-8} when {@code null}
     * @param text the body
     * @return this request
     */
    /**
     * Sets an {@code application/x-www-form-urlencoded} body from an object's members (D-52): each member
     * a field, arrays repeated, absent members left out; a string value is sent as it is.
     *
     * @param mediaType the media type
     * @param fields the object, or a string already encoded
     * @return this request
     */
    public StepRequest formBody(String mediaType, JsonNode fields) {
        this.contentType = mediaType != null ? mediaType : "application/x-www-form-urlencoded";
        this.body = fields;
        this.bodyBytes = fields == null ? null : Payloads.formEncode(fields).getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /**
     * Sets a JSON body written as text (a string payload, D-11), sent exactly as written; {@code $request.body}
     * sees the parsed tree when the text is JSON, else the text.
     *
     * @param mediaType the media type, {@code application/json} when {@code null}
     * @param text the body; {@code null} sends none
     * @return this request
     */
    public StepRequest jsonText(String mediaType, String text) {
        this.contentType = mediaType != null ? mediaType : JSON;
        JsonNode parsed;
        try {
            parsed = text == null ? null : Json.parse(text);
        } catch (IllegalArgumentException notJson) {
            parsed = null;
        }
        this.body = text == null ? null : parsed != null ? parsed : TextNode.valueOf(text);
        this.bodyBytes = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /**
     * Sets a text body (XML, plain text, form text written out).
     *
     * @param mediaType the media type
     * @param text the text; {@code null} sends no body
     * @return this request
     */
    public StepRequest textBody(String mediaType, String text) {
        this.contentType = mediaType != null ? mediaType : TEXT;
        this.body = text == null ? null : TextNode.valueOf(text);
        this.bodyBytes = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** @return the step */
    public String stepId() {
        return stepId;
    }

    /** @return the source description */
    public String sourceName() {
        return sourceName;
    }

    /** @return the server URL from the OpenAPI description, or {@code null} */
    public String defaultServerUrl() {
        return defaultServerUrl;
    }

    /** @return the HTTP method: upper-case for the standard ones, else as declared */
    public String method() {
        return method;
    }

    /** @return the path template */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** @return the media type of the body, or {@code null} when no body was set */
    public String contentType() {
        return bodyBytes == null ? null : contentType;
    }

    /** @return the body ({@code $request.body}), a text node for text bodies, or {@code null} */
    public JsonNode body() {
        return body;
    }

    /**
     * Looks up a path parameter ({@code $request.path.name}).
     *
     * @param name the name
     * @return the value, or {@code null}
     */
    public JsonNode pathParam(String name) {
        return pathParams.get(name);
    }

    /**
     * Looks up a query parameter ({@code $request.query.name}).
     *
     * @param name the name
     * @return the value, or {@code null}
     */
    public JsonNode queryParam(String name) {
        return queryParams.get(name);
    }

    /**
     * Looks up a header ({@code $request.header.name}), case-insensitively.
     *
     * @param name the name
     * @return the value, or {@code null}
     */
    public JsonNode header(String name) {
        Map.Entry<String, JsonNode> e = headers.get(name.toLowerCase(Locale.ROOT));
        return e == null ? null : e.getValue();
    }

    /**
     * Looks up a cookie.
     *
     * @param name the name
     * @return the value, or {@code null}
     */
    public JsonNode cookie(String name) {
        return cookies.get(name);
    }

    /** @return the path parameters set, in order; absent ones map to {@code null} */
    public Map<String, JsonNode> pathParams() {
        return Collections.unmodifiableMap(pathParams);
    }

    /** @return the query parameters set, in order */
    public Map<String, JsonNode> queryParams() {
        return Collections.unmodifiableMap(queryParams);
    }

    /**
     * Builds the HTTP call: base URL (trailing {@code /} removed) + expanded path + query string; default headers
     * come first unless the step sets the same name, then the step's headers, cookies and {@code Content-Type}.
     *
     * @param baseUrl the base URL of the source description
     * @param defaultHeaders the client's default headers
     * @param timeout the request timeout, or {@code null}
     * @return the call
     * @throws WorkflowException if a path parameter has no value or the URL is invalid
     */
    public HttpCall toHttpCall(String baseUrl, Map<String, String> defaultHeaders, Duration timeout) {
        return toHttpCall(baseUrl, defaultHeaders, Map.of(), timeout, headers -> Set.of(), null);
    }

    /**
     * Builds the HTTP call as {@link #toHttpCall(String, Map, Duration)} does, with the secrets to mask wherever
     * it is printed, computed from its headers.
     *
     * @param credentials the client's credentials by security scheme, applied where the operation requires the
     *     scheme and the step sends none of its alternatives itself
     * @param secrets gives the secrets of the call from its headers
     * @param previous the previous call of the run, or {@code null}: its URI is reused when the URL is the same
     *     (a poll loop), sparing a parse
     */
    HttpCall toHttpCall(
            String baseUrl,
            Map<String, String> defaultHeaders,
            Map<String, Credential> credentials,
            Duration timeout,
            Function<List<Map.Entry<String, String>>, Collection<String>> secrets,
            HttpCall previous) {
        String base = Objects.requireNonNull(baseUrl, "baseUrl");
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        List<SecurityScheme> applied = security.isEmpty() || credentials.isEmpty() ? List.of() : applied(credentials);
        String path = expandPath();
        String url = base + (path.startsWith("/") ? "" : "/") + path + queryString(applied, credentials);
        URI uri;
        try {
            uri = previous != null && previous.uri().toString().equals(url) ? previous.uri() : new URI(url);
        } catch (URISyntaxException e) {
            // only the base URL can be malformed: everything else was percent-encoded
            throw WorkflowException.of(null, stepId, "invalid server URL '" + base + "' for step '" + stepId + "'");
        }
        List<Map.Entry<String, String>> headerList = headerList(defaultHeaders, applied, credentials);
        return new HttpCall(
                method,
                uri,
                headerList,
                bodyBytes,
                timeout,
                Set.copyOf(secrets.apply(headerList)),
                new HttpCall.Step(stepId, operationId, pathTemplate));
    }

    private void style(String key, String style, boolean explode) {
        if (styles.isEmpty()) {
            styles = new LinkedHashMap<>();
        }
        styles.put(key, Map.entry(style, explode));
    }

    private String expandPath() {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pathTemplate.length()) {
            int open = pathTemplate.indexOf('{', i);
            int close = open < 0 ? -1 : pathTemplate.indexOf('}', open);
            if (close < 0) {
                out.append(pathTemplate, i, pathTemplate.length());
                break;
            }
            String name = pathTemplate.substring(open + 1, close);
            JsonNode value = pathParams.get(name);
            if (value == null || value.isMissingNode()) {
                throw WorkflowException.of(
                        null, stepId, "path parameter '" + name + "' of step '" + stepId + "' has no value");
            }
            Map.Entry<String, Boolean> style = styles.isEmpty() ? null : styles.get("path:" + name);
            out.append(pathTemplate, i, open)
                    .append(
                            style == null
                                    ? ParamEncoding.pathSegment(value)
                                    : ParamEncoding.pathValue(name, value, style.getKey(), style.getValue()));
            i = close + 1;
        }
        return out.toString();
    }

    /**
     * The schemes whose credentials the call carries: none when the step sends every scheme of an alternative
     * itself, else those missing from the first alternative the client's credentials complete.
     */
    private List<SecurityScheme> applied(Map<String, Credential> credentials) {
        for (List<SecurityScheme> alternative : security) {
            if (alternative.stream().allMatch(this::sends)) {
                return List.of();
            }
        }
        for (List<SecurityScheme> alternative : security) {
            if (alternative.stream().allMatch(s -> sends(s) || credentials.containsKey(s.name()))) {
                return alternative.stream().filter(s -> !sends(s)).toList();
            }
        }
        return List.of();
    }

    /** Whether the step sends a scheme's header, query parameter or cookie itself. */
    private boolean sends(SecurityScheme scheme) {
        return switch (scheme.in()) {
            case "query" -> queryParams.containsKey(scheme.parameter());
            case "cookie" -> cookies.containsKey(scheme.parameter()) || headers.containsKey("cookie");
            default -> headers.containsKey(scheme.parameter().toLowerCase(Locale.ROOT));
        };
    }

    private String queryString(List<SecurityScheme> applied, Map<String, Credential> credentials) {
        if (querystring != null && !anyIn(applied, "query")) {
            return querystring.isEmpty() ? "" : "?" + queryEncoded(querystring);
        }
        if (queryParams.isEmpty() && applied.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        if (querystring != null && !querystring.isEmpty()) {
            out.append('?').append(queryEncoded(querystring));
        }
        queryParams.forEach((name, value) -> {
            Map.Entry<String, Boolean> style = styles.getOrDefault("query:" + name, Map.entry("form", true));
            for (String pair : ParamEncoding.queryPairs(name, value, style.getKey(), style.getValue())) {
                out.append(out.length() == 0 ? '?' : '&').append(pair);
            }
        });
        for (SecurityScheme scheme : applied) {
            if (scheme.in().equals("query")) {
                TextNode value = TextNode.valueOf(credentials.get(scheme.name()).encodedFor(scheme.kind()));
                for (String pair : ParamEncoding.queryPairs(scheme.parameter(), value, "form", true)) {
                    out.append(out.length() == 0 ? '?' : '&').append(pair);
                }
            }
        }
        return out.toString();
    }

    /** Percent-encodes what RFC 3986 does not allow in a query, leaving its reserved characters as they are. */
    private static String queryEncoded(String query) {
        StringBuilder out = new StringBuilder();
        for (byte b : query.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean allowed = c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || "-._~!$&'()*+,;=:@/?%".indexOf(c) >= 0;
            if (allowed) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private List<Map.Entry<String, String>> headerList(
            Map<String, String> defaultHeaders, List<SecurityScheme> applied, Map<String, Credential> credentials) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        boolean appliedCookies = anyIn(applied, "cookie");
        Set<String> appliedHeaders = Set.of();
        for (SecurityScheme scheme : applied) {
            if (scheme.in().equals("header")) {
                if (appliedHeaders.isEmpty()) {
                    appliedHeaders = new java.util.HashSet<>();
                }
                appliedHeaders.add(scheme.parameter().toLowerCase(Locale.ROOT));
            }
        }
        boolean stepCookies = !cookies.isEmpty() || headers.containsKey("cookie") || appliedCookies;
        if (defaultHeaders != null) {
            Set<String> credentialHeaders = appliedHeaders;
            defaultHeaders.forEach((name, value) -> {
                String key = name.toLowerCase(Locale.ROOT);
                // a credential bound by scheme is meant for the operation: it replaces a default header
                boolean replaced = headers.containsKey(key)
                        || credentialHeaders.contains(key)
                        || (key.equals("cookie") && stepCookies)
                        || (key.equals("content-type") && bodyBytes != null);
                if (!replaced) {
                    list.add(Map.entry(name, checkedHeader(name, value)));
                }
            });
        }
        headers.forEach((key, e) -> {
            if (!key.equals("cookie")) {
                list.add(Map.entry(e.getKey(), checkedHeader(e.getKey(), ParamEncoding.headerValue(e.getValue()))));
            }
        });
        for (SecurityScheme scheme : applied) {
            if (scheme.in().equals("header")) {
                String value = credentials.get(scheme.name()).encodedFor(scheme.kind());
                list.add(Map.entry(scheme.parameter(), checkedHeader(scheme.parameter(), value)));
            }
        }
        String cookieHeader = cookieHeader(applied, credentials);
        if (cookieHeader != null) {
            list.add(Map.entry("Cookie", cookieHeader));
        }
        if (bodyBytes != null && !headers.containsKey("content-type")) {
            list.add(Map.entry("Content-Type", contentType));
        }
        return list;
    }

    /**
     * Refuses a header value that HTTP cannot carry as it is: RFC 9110 field values are visible US-ASCII, spaces
     * and tabs. The JDK client would send other characters as {@code ?}, and a CR or LF would end the header.
     */
    private String checkedHeader(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7E) {
                // the index, not the character: the value may be a credential
                throw WorkflowException.of(
                        null,
                        stepId,
                        "header '" + name + "' of step '" + stepId + "' has "
                                + (c > 0x7E ? "a character outside US-ASCII" : "a control character") + " at index "
                                + i + "; HTTP header values are ASCII: percent-encode the value or send it in the"
                                + " body; nothing was sent");
            }
        }
        return value;
    }

    /** Whether any of the schemes goes in {@code in} (header, query or cookie). */
    private static boolean anyIn(List<SecurityScheme> schemes, String in) {
        for (SecurityScheme scheme : schemes) {
            if (scheme.in().equals(in)) {
                return true;
            }
        }
        return false;
    }

    private String cookieHeader(List<SecurityScheme> applied, Map<String, Credential> credentials) {
        if (cookies.isEmpty() && !headers.containsKey("cookie") && !anyIn(applied, "cookie")) {
            return null;
        }
        List<String> pairs = new ArrayList<>();
        Map.Entry<String, JsonNode> explicit = headers.get("cookie");
        if (explicit != null) {
            pairs.add(ParamEncoding.headerValue(explicit.getValue()));
        }
        cookies.forEach((name, value) -> pairs.add(name + "=" + ParamEncoding.cookieValue(value)));
        for (SecurityScheme scheme : applied) {
            if (scheme.in().equals("cookie")) {
                TextNode value = TextNode.valueOf(credentials.get(scheme.name()).encodedFor(scheme.kind()));
                pairs.add(scheme.parameter() + "=" + ParamEncoding.cookieValue(value));
            }
        }
        return pairs.isEmpty() ? null : String.join("; ", pairs);
    }

    /**
     * Whether this request makes the same HTTP call as {@code other} on the same client: same step, operation,
     * parameters (in order), headers, cookies, security and body bytes. A poll loop's unchanged request then
     * reuses the call built for the one before. Only scalar values count as the same: two equal objects or
     * arrays may serialise in another member order, so a request holding one is never called the same.
     *
     * @param other the request before, or {@code null}
     * @return whether both make the same call
     */
    boolean sendsSameAs(StepRequest other) {
        return other != null
                && stepId.equals(other.stepId)
                && method.equals(other.method)
                && pathTemplate.equals(other.pathTemplate)
                && sourceName.equals(other.sourceName)
                && Objects.equals(defaultServerUrl, other.defaultServerUrl)
                && Objects.equals(operationId, other.operationId)
                && Objects.equals(querystring, other.querystring)
                && Objects.equals(timeout, other.timeout)
                && Objects.equals(contentType(), other.contentType())
                && java.util.Arrays.equals(bodyBytes, other.bodyBytes)
                && security.equals(other.security)
                && styles.equals(other.styles)
                && sameEntries(pathParams.entrySet(), other.pathParams.entrySet())
                && sameEntries(queryParams.entrySet(), other.queryParams.entrySet())
                && sameEntries(cookies.entrySet(), other.cookies.entrySet())
                // keyed by lower-case name: the entries hold the names as set
                && sameEntries(headers.values(), other.headers.values());
    }

    /** The same names in the same order (their case too), each with the same scalar value. */
    private static boolean sameEntries(
            Collection<Map.Entry<String, JsonNode>> a, Collection<Map.Entry<String, JsonNode>> b) {
        if (a.size() != b.size()) {
            return false;
        }
        var others = b.iterator();
        for (Map.Entry<String, JsonNode> e : a) {
            Map.Entry<String, JsonNode> o = others.next();
            if (!e.getKey().equals(o.getKey()) || !sameScalar(e.getValue(), o.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Both absent, or scalars of one node class that are equal (an int 1 and a long 1 are not). */
    private static boolean sameScalar(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.isValueNode() && a.getClass() == b.getClass() && a.equals(b);
    }

    @Override
    public String toString() {
        return "StepRequest[" + stepId + ": " + method + " " + sourceName + " " + pathTemplate + "]";
    }
}
