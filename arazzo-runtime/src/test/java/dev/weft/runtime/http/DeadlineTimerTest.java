package dev.weft.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.faults.RawServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The call's timeout, which the {@link DeadlineTimer} keeps rather than the JDK's per-request timer, against a
 * {@link RawServer} that reads each request and then answers as the path says: never ({@code /silent}), with headers
 * and then no body ({@code /headers-only}), or at once ({@code /ok}). A late exchange fails with an
 * {@link HttpTimeoutException} that says which part was late, blocking or not; an exchange that ends leaves no
 * watch behind and no interrupt on its thread.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeadlineTimerTest {

    private final JdkHttpTransport transport = new JdkHttpTransport(Duration.ofSeconds(5), 1 << 20);
    private final RawServer server = RawServer.start(DeadlineTimerTest::answer);

    private static void answer(Socket socket, String head) throws IOException, InterruptedException {
        if (head.startsWith("GET /ok ")) {
            RawServer.reply(200, "text/plain", "ok").handle(socket, head);
            return;
        }
        if (head.startsWith("GET /headers-only ")) {
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nx".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        socket.getInputStream().read(); // until the client closes
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpCall get(String path, Duration timeout) {
        URI uri = URI.create(server.baseUrl() + path);
        return new HttpCall("GET", uri, List.of(), null, timeout);
    }

    @Test
    void blockingCallWithoutResponseTimesOutWithinItsTimeout() {
        long start = System.nanoTime();
        HttpTimeoutException e =
                assertThrows(HttpTimeoutException.class, () -> transport.send(get("/silent", Duration.ofMillis(300))));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(e.getMessage().contains("no response within PT0.3S"), e.getMessage());
        assertTrue(tookMillis >= 300, "timed out after " + tookMillis + " ms");
        assertFalse(Thread.currentThread().isInterrupted(), "the timer's interrupt leaked to the caller");
        assertEquals(0, DeadlineTimer.watched());
    }

    @Test
    void asyncCallWithoutResponseTimesOutWithinItsTimeout() {
        ExecutionException e = assertThrows(
                ExecutionException.class,
                () -> transport
                        .sendAsync(get("/silent", Duration.ofMillis(300)))
                        .get(20, TimeUnit.SECONDS));
        HttpTimeoutException timeout = assertInstanceOf(HttpTimeoutException.class, e.getCause());
        assertTrue(timeout.getMessage().contains("no response within PT0.3S"), timeout.getMessage());
        assertEquals(0, DeadlineTimer.watched());
    }

    @Test
    void bodyThatStopsArrivingTimesOutSayingSo() {
        HttpTimeoutException blocking = assertThrows(
                HttpTimeoutException.class, () -> transport.send(get("/headers-only", Duration.ofMillis(300))));
        assertTrue(blocking.getMessage().contains("response body incomplete after PT0.3S"), blocking.getMessage());
        ExecutionException async = assertThrows(
                ExecutionException.class,
                () -> transport
                        .sendAsync(get("/headers-only", Duration.ofMillis(300)))
                        .get(20, TimeUnit.SECONDS));
        assertTrue(
                async.getCause().getMessage().contains("response body incomplete"),
                async.getCause().toString());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void deadlineNearerThanTheTimersNextLookIsKept() {
        // the timer looks every 100 ms; a 20 ms deadline wakes it sooner
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            assertThrows(HttpTimeoutException.class, () -> transport.send(get("/silent", Duration.ofMillis(20))));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(tookMillis >= 20, "timed out after " + tookMillis + " ms");
        }
    }

    @Test
    void callsThatEndInTimeLeaveNoWatchAndNoInterrupt() throws Exception {
        for (int i = 0; i < 50; i++) {
            assertEquals(200, transport.send(get("/ok", Duration.ofSeconds(30))).statusCode());
            assertEquals(
                    200,
                    transport
                            .sendAsync(get("/ok", Duration.ofSeconds(30)))
                            .get(20, TimeUnit.SECONDS)
                            .statusCode());
        }
        assertFalse(Thread.currentThread().isInterrupted());
        assertEquals(0, DeadlineTimer.watched());
    }
}
