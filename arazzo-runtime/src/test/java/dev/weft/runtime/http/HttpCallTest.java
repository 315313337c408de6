package dev.weft.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpCallTest {

    @Test
    void copiesHeadersAndLooksThemUpCaseInsensitively() {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(new AbstractMap.SimpleEntry<>("Accept", "application/json"));
        HttpCall call = new HttpCall("GET", URI.create("http://h/x"), headers, null, Duration.ofSeconds(1));
        headers.clear();
        assertEquals(1, call.headers().size());
        assertEquals("application/json", call.header("accept"));
        assertThrows(UnsupportedOperationException.class, () -> call.headers().add(Map.entry("a", "b")));
    }

    @Test
    void toStringHidesSecretsAndBody() {
        HttpCall call = new HttpCall(
                "POST",
                URI.create("http://h/x?token=t0k3n"),
                List.of(Map.entry("Authorization", "Bearer s3cr3tvalue"), Map.entry("Accept", "text/plain")),
                "{\"password\":\"hunter22\"}".getBytes(),
                null);
        String text = call.toString();
        assertFalse(text.contains("s3cr3tvalue"), text);
        assertFalse(text.contains("t0k3n"), text);
        assertFalse(text.contains("hunter22"), text);
        assertTrue(text.contains("Accept: text/plain"), text);
        assertTrue(text.contains("body=23 bytes"), text);
    }

    @Test
    void toStringMasksTheSecretsItCarries() {
        HttpCall call = new HttpCall(
                        "GET",
                        URI.create("http://h/x?q=in-the-query&other=1"),
                        List.of(Map.entry("X-Custom", "has in-the-header"), Map.entry("Accept", "text/plain")),
                        null,
                        null)
                .withSecrets(List.of("in-the-query", "in-the-header"));
        assertEquals(
                "HttpCall[method=GET, uri=http://h/x?q=***&other=1, headers=[X-Custom: has ***, "
                        + "Accept: text/plain], body=none, timeout=null]",
                call.toString());
        assertEquals(2, call.secrets().size());
    }

    @Test
    void withSecretsKeepsTheCallWhenNothingIsNew() {
        HttpCall call =
                new HttpCall("GET", URI.create("http://h/x"), List.of(), null, null, java.util.Set.of("s3cr3t"));
        assertTrue(call == call.withSecrets(List.of("s3cr3t")));
        HttpCall more = call.withSecrets(java.util.Arrays.asList("other-secret", null));
        assertEquals(java.util.Set.of("s3cr3t", "other-secret"), more.secrets());
        java.util.Set<String> withNull = new java.util.HashSet<>(java.util.Arrays.asList("s3cr3t", null));
        assertEquals(
                java.util.Set.of("s3cr3t"),
                new HttpCall("GET", URI.create("http://h/x"), null, null, null, withNull).secrets());
    }
}
