package dev.weft.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.http.HttpCall;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepRequestTest {

    private static HttpCall build(StepRequest request) {
        return request.toHttpCall("http://h:8/api/", Map.of(), Duration.ofSeconds(3));
    }

    private static StepRequest get(String path) {
        return StepRequest.create("s", "src", null, "get", path);
    }

    private static String path(String value) {
        return build(get("/files/{name}/raw").pathParam("name", Values.of(value)))
                .uri()
                .getRawPath();
    }

    @Test
    void joinsBaseUrlPathAndQuery() {
        HttpCall call = build(get("/jobs/{id}").pathParam("id", Values.of(42L)).query("q", Values.of("a b")));
        assertEquals("GET", call.method());
        assertEquals("http://h:8/api/jobs/42?q=a%20b", call.uri().toString());
        assertEquals(Duration.ofSeconds(3), call.timeout());
        assertNull(call.body());
    }

    @Test
    void pathValuesStayInsideOneSegment() {
        assertEquals("/api/files/..%2Fx/raw", path("../x"));
        assertEquals("/api/files/a%2Fb/raw", path("a/b"));
        assertEquals("/api/files/%2E%2E/raw", path(".."));
        assertEquals("/api/files/%2E/raw", path("."));
        assertEquals("/api/files/a.b/raw", path("a.b"));
        assertEquals("/api/files/%3F%23%25%20%C3%A9/raw", path("?#% é"));
        assertEquals("/api/files/a~_-.1/raw", path("a~_-.1"));
        // the JDK resolves nothing: the segment count is the template's
        assertEquals(
                4,
                build(get("/files/{name}/raw").pathParam("name", Values.of("../../x")))
                                .uri()
                                .getRawPath()
                                .split("/", -1)
                                .length
                        - 1);
    }

    @Test
    void pathArraysAndObjects() {
        assertEquals(
                "/api/files/a,b%2Cc,1/raw",
                build(get("/files/{name}/raw").pathParam("name", Values.of(List.of("a", "b,c", 1))))
                        .uri()
                        .getRawPath());
        assertEquals(
                "/api/files/%7B%22k%22%3A1%7D/raw",
                build(get("/files/{name}/raw").pathParam("name", Json.parse("{\"k\":1}")))
                        .uri()
                        .getRawPath());
    }

    @Test
    void missingPathParameterFails() {
        WorkflowException e = assertThrows(
                WorkflowException.class, () -> build(get("/jobs/{id}").pathParam("id", null)));
        assertEquals("path parameter 'id' of step 's' has no value", e.detail());
        assertEquals("s", e.stepId());
        assertThrows(WorkflowException.class, () -> build(get("/jobs/{id}")));
    }

    @Test
    void queryArraysRepeatAndNullsAreOmitted() {
        HttpCall call = build(get("/search")
                .query("tag", Values.of(List.of("a", "b c")))
                .query("limit", Values.of(10))
                .query("cursor", null)
                .query("x&y", Values.of("1=2&3"))
                .query("explicit", NullNode.getInstance()));
        assertEquals(
                "tag=a&tag=b%20c&limit=10&x%26y=1%3D2%263&explicit=null",
                call.uri().getRawQuery());
    }

    @Test
    void headersCookiesAndDefaults() {
        HttpCall call = get("/x")
                .header("x-trace", Values.of(List.of(1, 2)))
                .header("Authorization", Values.of("Bearer step"))
                .header("X-Absent", null)
                .cookie("a", Values.of(1))
                .cookie("b", Values.of("x; admin=1"))
                .cookie("c", null)
                .toHttpCall("http://h", orderedDefaults(), null);
        assertEquals("1,2", call.header("X-Trace"));
        assertEquals("Bearer step", call.header("authorization"));
        assertEquals("json", call.header("Accept"));
        assertNull(call.header("X-Absent"));
        assertEquals("a=1; b=x%3B%20admin=1", call.header("Cookie"));
        assertEquals(
                1,
                call.headers().stream()
                        .filter(h -> h.getKey().equalsIgnoreCase("authorization"))
                        .count());
        assertEquals(
                1,
                call.headers().stream()
                        .filter(h -> h.getKey().equalsIgnoreCase("cookie"))
                        .count());
    }

    private static Map<String, String> orderedDefaults() {
        Map<String, String> defaults = new java.util.LinkedHashMap<>();
        defaults.put("AUTHORIZATION", "Bearer default");
        defaults.put("Accept", "json");
        defaults.put("Cookie", "d=1");
        return defaults;
    }

    @Test
    void jsonAndTextBodies() {
        StepRequest json = StepRequest.create("s", "src", null, "POST", "/x")
                .jsonBody(null, Json.parse("{\"prompt\":\"a cat\",\"n\":1}"));
        HttpCall call = build(json);
        assertEquals("{\"prompt\":\"a cat\",\"n\":1}", new String(call.body(), StandardCharsets.UTF_8));
        assertEquals("application/json", call.header("Content-Type"));
        assertEquals("a cat", Values.at(json.body(), "/prompt").textValue());

        HttpCall text = build(StepRequest.create("s", "src", null, "PUT", "/x")
                .textBody("application/xml", "<a>é</a>")
                .header("content-type", Values.of("application/xml; v=2")));
        assertEquals("<a>é</a>", new String(text.body(), StandardCharsets.UTF_8));
        assertEquals(
                1,
                text.headers().stream()
                        .filter(h -> h.getKey().equalsIgnoreCase("content-type"))
                        .count());
        assertEquals("application/xml; v=2", text.header("Content-Type"));

        assertNull(build(StepRequest.create("s", "src", null, "POST", "/x").jsonBody(null, null))
                .body());
    }

    @Test
    void lookupsForRequestExpressions() {
        StepRequest r = StepRequest.create("s", "src", "http://d", "post", "/jobs/{id}")
                .pathParam("id", Values.of("7"))
                .query("q", Values.of(1))
                .header("X-Key", Values.of("k"));
        assertEquals("POST", r.method());
        assertEquals("src", r.sourceName());
        assertEquals("http://d", r.defaultServerUrl());
        assertEquals("/jobs/{id}", r.pathTemplate());
        assertEquals("7", r.pathParam("id").textValue());
        assertEquals(1, r.queryParam("q").intValue());
        assertEquals("k", r.header("x-key").textValue());
        assertNull(r.header("other"));
        assertNull(r.body());
        assertTrue(r.toString().contains("/jobs/{id}"));
    }

    @Test
    void invalidBaseUrlFails() {
        WorkflowException e =
                assertThrows(WorkflowException.class, () -> get("/x").toHttpCall("http://h/a b", Map.of(), null));
        assertTrue(e.getMessage().contains("invalid server URL"), e.getMessage());
    }

    @Test
    void standardMethodsAreUpperCasedAndOthersSentAsDeclared() {
        assertEquals(
                "QUERY", StepRequest.create("s", "src", null, "query", "/x").method());
        assertEquals(
                "Purge", StepRequest.create("s", "src", null, "Purge", "/x").method());
    }
}
