package dev.weft.runtime.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JdkHttpTransportTest {

    private static final String BIG = "x".repeat(5000);
    private static LocalServer server;
    private static final JdkHttpTransport TRANSPORT = new JdkHttpTransport(Duration.ofSeconds(2), 1000);

    @BeforeAll
    static void start() {
        server = LocalServer.start()
                .on(
                        "/echo",
                        r -> new LocalServer.Reply(
                                201,
                                Map.of(
                                        "Content-Type",
                                        "text/plain",
                                        "X-Seen",
                                        r.method() + " " + r.headers().getFirst("X-Test")),
                                r.body(),
                                false))
                .on("/big", r -> LocalServer.Reply.of(200, "text/plain", BIG))
                .on("/big-chunked", r -> new LocalServer.Reply(200, Map.of(), LocalServer.bytes(BIG), true))
                .on("/small-chunked", r -> new LocalServer.Reply(200, Map.of(), LocalServer.bytes("ok"), true));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpCall call(String path, List<Map.Entry<String, String>> headers, byte[] body) {
        return new HttpCall(
                body == null ? "GET" : "POST",
                URI.create(server.baseUrl() + path),
                headers,
                body,
                Duration.ofSeconds(5));
    }

    @Test
    void sendsMethodHeadersAndBody() throws Exception {
        HttpResult result =
                TRANSPORT.send(call("/echo", List.of(Map.entry("X-Test", "yes")), LocalServer.bytes("hello")));
        assertEquals(201, result.statusCode());
        assertEquals("POST yes", result.header("x-seen").orElseThrow());
        assertEquals("text/plain", result.contentType());
        assertArrayEquals(LocalServer.bytes("hello"), result.body());
    }

    @Test
    void keepsTheResponseHeadersImmutableAndFoundWithoutRegardToCase() throws Exception {
        HttpResult result = TRANSPORT.send(call("/echo", List.of(Map.entry("X-Test", "case")), null));
        assertEquals(List.of("GET case"), result.headers().get("x-SEEN"));
        assertTrue(result.headers().containsKey("X-SEEN"));
        assertEquals("GET case", result.header("X-SEEN").orElseThrow());
        assertTrue(result.header("X-Absent").isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> result.headers().put("X-New", List.of("v")));
        assertThrows(
                UnsupportedOperationException.class,
                () -> result.headers().get("X-Seen").add("v"));
        assertThrows(
                UnsupportedOperationException.class,
                () -> result.headers().entrySet().clear());
        // a map equal to it, copied by hand, makes an equal result
        HttpResult copied = new HttpResult(
                result.statusCode(), new java.util.TreeMap<>(result.headers()), result.body(), result.uri());
        assertEquals(copied.headers(), result.headers());
        assertEquals(copied, result);
    }

    @Test
    void skipsRestrictedHeaders() throws Exception {
        HttpResult result = TRANSPORT.send(call(
                "/echo",
                List.of(
                        Map.entry("Host", "evil.example"), Map.entry("Connection", "close"),
                        Map.entry("Content-Length", "99"), Map.entry("X-Test", "still sent")),
                null));
        assertEquals("GET still sent", result.header("X-Seen").orElseThrow());
        assertTrue(server.last().headers().getFirst("Host").startsWith("127.0.0.1"));
    }

    @Test
    void rejectsOversizedBodiesWithOrWithoutContentLength() {
        for (String path : List.of("/big", "/big-chunked")) {
            IOException e = assertThrows(IOException.class, () -> TRANSPORT.send(call(path, List.of(), null)));
            assertTrue(e.getMessage().contains("response body exceeds 1000 bytes"), e.getMessage());
        }
    }

    @Test
    void readsChunkedBodiesUnderTheLimit() throws Exception {
        assertEquals(
                "ok",
                new String(
                        TRANSPORT.send(call("/small-chunked", List.of(), null)).body()));
    }

    @Test
    void sendAsync() throws Exception {
        HttpResult result = TRANSPORT
                .sendAsync(call("/echo", List.of(Map.entry("X-Test", "async")), null))
                .get();
        assertEquals("GET async", result.header("X-Seen").orElseThrow());
        ExecutionException e = assertThrows(
                ExecutionException.class,
                () -> TRANSPORT.sendAsync(call("/big", List.of(), null)).get());
        assertInstanceOf(IOException.class, e.getCause());
    }

    @Test
    void invalidRequestsFailAsIOException() {
        HttpCall ftp = new HttpCall("GET", URI.create("ftp://127.0.0.1/x"), List.of(), null, null);
        assertThrows(IOException.class, () -> TRANSPORT.send(ftp));
        HttpCall badHeader = call("/echo", List.of(Map.entry("X-Test", "a\r\nInjected: 1")), null);
        IOException e = assertThrows(IOException.class, () -> TRANSPORT.send(badHeader));
        assertTrue(!e.getMessage().contains("Injected"), e.getMessage());
    }
}
