package dev.weft.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The call's timeout, which the {@link DeadlineTimer} keeps rather than the JDK's per-request timer, against a
 * socket server that reads each request and then answers as the path says: never ({@code /silent}), with headers
 * and then no body ({@code /headers-only}), or at once ({@code /ok}). A late exchange fails with an
 * {@link HttpTimeoutException} that says which part was late, blocking or not; an exchange that ends leaves no
 * watch behind and no interrupt on its thread.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeadlineTimerTest {

    private ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private Thread acceptor;
    private final JdkHttpTransport transport = new JdkHttpTransport(Duration.ofSeconds(5), 1 << 20);

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "deadline-test-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.add(socket);
                Thread handler = new Thread(() -> answer(socket), "deadline-test-handler");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void answer(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                if (head.startsWith("GET /ok ")) {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } else if (head.startsWith("GET /headers-only ")) {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nx".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    in.read(); // until the client closes
                    return;
                } else {
                    in.read();
                    return;
                }
            }
        } catch (IOException gone) {
            // the client closed the connection
        }
    }

    /** Reads a request's head; a GET has no body. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                return head.toString();
            }
        }
        return null;
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    private HttpCall get(String path, Duration timeout) {
        URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
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
