package dev.weft.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.weft.runtime.http.HttpCall;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TransportFailuresTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void describesCommonFailures() {
        assertEquals(
                "HttpTimeoutException: no complete response within PT1S (the request timeout)",
                TransportFailures.describe(new HttpTimeoutException("request timed out"), SECOND, SECOND));
        assertEquals(
                "HttpTimeoutException: no complete response within PT0.2S (the time left before the run's deadline)",
                TransportFailures.describe(new HttpTimeoutException("x"), Duration.ofMillis(200), SECOND));
        assertEquals(
                "HttpConnectTimeoutException: could not connect within the connect timeout",
                TransportFailures.describe(new HttpConnectTimeoutException("x"), SECOND, SECOND));
        assertEquals(
                "ConnectException: could not connect to the server (connection refused)",
                TransportFailures.describe(new ConnectException(), SECOND, SECOND));
        assertEquals(
                "IOException: Connection reset (the server reset the connection)",
                TransportFailures.describe(new IOException("Connection reset"), SECOND, SECOND));
        assertEquals(
                "EOFException: the server closed the connection before a complete response",
                TransportFailures.describe(new EOFException(), SECOND, SECOND));
        assertEquals(
                "UncheckedIOException: inner",
                TransportFailures.describe(new UncheckedIOException(null, new IOException("inner")), SECOND, SECOND));
    }

    @Test
    void messageLeavesTheQueryOut() {
        HttpCall call = new HttpCall("POST", URI.create("https://h:8443/a/b?key=secret"), List.of(), null, SECOND);
        assertEquals(
                "POST https://h:8443/a/b failed: IOException: boom",
                TransportFailures.message(call, new IOException("boom"), SECOND));
    }

    @Test
    void sanitizeReplacesACauseWhoseMessageHoldsASecret() {
        UnaryOperator<String> redact = s -> s.replace("sk-secret-1", "***");
        IOException clean = new IOException("fine");
        assertSame(clean, TransportFailures.sanitize(clean, redact));
        IOException leaky = new IOException("outer", new IOException("token sk-secret-1 rejected"));
        Throwable safe = TransportFailures.sanitize(leaky, redact);
        assertEquals("java.io.IOException: outer", safe.getMessage());
        assertArrayEquals(leaky.getStackTrace(), safe.getStackTrace());
        IOException leakyOuter = new IOException("token sk-secret-1 rejected");
        assertEquals(
                "java.io.IOException: token *** rejected",
                TransportFailures.sanitize(leakyOuter, redact).getMessage());
    }
}
