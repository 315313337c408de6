package dev.weft.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.http.HttpCall;
import dev.weft.runtime.http.HttpResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExchangeTest {

    private static final StepRequest REQUEST = StepRequest.create("poll", "src", null, "get", "/jobs/{id}")
            .pathParam("id", Values.of("j1"))
            .query("detail", Values.of(true))
            .header("Authorization", Values.of("Bearer sk-live-123456"));
    private static final HttpCall CALL = REQUEST.toHttpCall("http://h", Map.of("Accept", "application/json"), null);

    private static Exchange exchange(String contentType, String body) {
        Map<String, List<String>> headers = contentType == null
                ? Map.of("X-Job", List.of("j1", "j2"))
                : Map.of("Content-Type", List.of(contentType), "X-Job", List.of("j1", "j2"));
        return new Exchange(REQUEST, CALL, new HttpResult(200, headers, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void statusUrlMethodAndHeaders() {
        Exchange e = exchange("application/json", "{}");
        assertEquals(200, e.statusCode());
        assertEquals(200, e.statusCodeNode().intValue());
        assertEquals("http://h/jobs/j1?detail=true", e.url());
        assertEquals("http://h/jobs/j1?detail=true", e.urlNode().textValue());
        assertEquals("GET", e.method());
        assertEquals("GET", e.methodNode().textValue());
        assertEquals("j1", e.responseHeader("x-job").textValue());
        assertNull(e.responseHeader("missing"));
        assertEquals("Bearer sk-live-123456", e.requestHeader("authorization").textValue());
        assertEquals("application/json", e.requestHeader("accept").textValue());
        assertEquals("j1", e.requestPath("id").textValue());
        assertTrue(e.requestQuery("detail").booleanValue());
        assertNull(e.requestBody());
        assertEquals("poll", e.stepId());
    }

    @Test
    void jsonBodiesAreParsedOnce() {
        Exchange e =
                exchange("application/problem+json; charset=utf-8", "{\"status\":\"done\",\"items\":[{\"id\":7}]}");
        JsonNode body = e.responseBody();
        assertSame(body, e.responseBody());
        assertEquals("done", e.responseBody("/status").textValue());
        assertEquals(7, e.responseBody("/items/0/id").intValue());
        assertNull(e.responseBody("/nothing"));
        assertEquals(3, exchange("Application/JSON", "3").responseBody().intValue());
    }

    @Test
    void otherMediaTypesAreText() {
        assertEquals(
                "{\"a\":1}", exchange("text/plain", "{\"a\":1}").responseBody().textValue());
        assertEquals("<a/>", exchange("application/xml", "<a/>").responseBody().textValue());
        assertNull(exchange("text/plain", "<a/>").responseBody("/a"));
    }

    @Test
    void withoutContentTypeJsonIsParsedAndTheRestIsText() {
        assertTrue(exchange(null, "{\"a\":1}").responseBody().isObject());
        assertEquals("hello", exchange(null, "hello").responseBody().textValue());
        assertEquals("12 apples", exchange(null, "12 apples").responseBody().textValue());
    }

    @Test
    void emptyBodyIsAbsent() {
        assertNull(exchange("application/json", "").responseBody());
        assertNull(exchange("text/plain", "").responseBody());
        assertNull(exchange("application/json", "").responseExcerpt());
    }

    @Test
    void malformedJsonFailsTheStep() {
        WorkflowException e = assertThrows(
                WorkflowException.class,
                () -> exchange("application/json", "{\"a\":").responseBody());
        assertEquals(
                "response body of step 'poll' is not valid JSON (application/json) at line 1, column 6", e.detail());
        assertEquals(200, e.httpStatus());
        assertEquals("{\"a\":", e.responseExcerpt());
    }

    @Test
    void excerptIsCutAndRedacted() {
        String body = "{\"echo\":\"Bearer sk-live-123456\",\"token\":\"sk-live-123456\"}" + "z".repeat(1000);
        String excerpt = exchange("application/json", body).responseExcerpt();
        assertEquals(500, excerpt.length());
        assertFalse(excerpt.contains("sk-live"), excerpt);
        assertTrue(excerpt.startsWith("{\"echo\":\"Bearer ***\",\"token\":\"***\"}zz"), excerpt);
    }

    @Test
    void credentialHeadersGiveTheirSecrets() {
        assertEquals(
                List.of("sk-live-123456"),
                HeaderSecrets.of(List.of(Map.entry("Authorization", "Bearer sk-live-123456"))));
        // too short to be masked alone: the whole value stays a secret
        assertEquals(List.of("Bearer abc", "abc"), HeaderSecrets.of(List.of(Map.entry("authorization", "Bearer abc"))));
        // only the scheme of Authorization is known to be no secret
        assertEquals(List.of("abc defg", "defg"), HeaderSecrets.of(List.of(Map.entry("X-API-Key", "abc defg"))));
        assertEquals(
                List.of("a=x1234; b=y5678", "b=y5678", "x1234", "y5678"),
                HeaderSecrets.of(List.of(Map.entry("Cookie", "a=x1234; b=y5678"), Map.entry("Accept", "a b"))));
    }
}
