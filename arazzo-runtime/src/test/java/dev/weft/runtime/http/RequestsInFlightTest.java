package dev.weft.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The default transport's bound on requests in flight to one origin, against a server that answers each request
 * only when the test lets it: the server never sees more than the bound at once, a request waiting for its place
 * times out within its own timeout, and one that gives up (cancelled, interrupted, timed out) leaks no place.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RequestsInFlightTest {

    private HttpServer server;
    private ExecutorService handlers;
    /** One permit answers one request. */
    private final Semaphore answers = new Semaphore(0);

    private final AtomicInteger arrived = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        handlers = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            arrived.incrementAndGet();
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                exchange.getRequestBody().readAllBytes();
                answers.acquire();
                byte[] body = "ok".getBytes();
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        answers.release(1000);
        server.stop(0);
        handlers.shutdownNow();
    }

    private HttpCall call(Duration timeout) {
        return new HttpCall(
                "GET",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/x"),
                List.of(),
                null,
                timeout);
    }

    private void awaitArrived(int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (arrived.get() < n && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertEquals(n, arrived.get(), "requests the server received");
    }

    private static JdkHttpTransport transport(int max) {
        return new JdkHttpTransport(Duration.ofSeconds(5), 1000, null, RedirectPolicy.SAME_ORIGIN, max);
    }

    @Test
    void theServerNeverSeesMoreThanTheBoundAtOnce() throws Exception {
        JdkHttpTransport transport = transport(2);
        List<CompletableFuture<HttpResult>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(transport.sendAsync(call(Duration.ofSeconds(30))));
        }
        awaitArrived(2);
        Thread.sleep(300);
        assertEquals(2, arrived.get(), "the others wait for a place");
        answers.release(8);
        for (CompletableFuture<HttpResult> result : results) {
            assertEquals(200, result.get(20, TimeUnit.SECONDS).statusCode());
        }
        assertEquals(8, arrived.get());
        assertEquals(2, mostInFlight.get());
    }

    @Test
    void blockingSendsShareTheBound() throws Exception {
        JdkHttpTransport transport = transport(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<HttpResult>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(threads.submit(() -> transport.send(call(Duration.ofSeconds(30)))));
            }
            awaitArrived(1);
            Thread.sleep(300);
            assertEquals(1, arrived.get());
            answers.release(4);
            for (java.util.concurrent.Future<HttpResult> result : results) {
                assertEquals(200, result.get(20, TimeUnit.SECONDS).statusCode());
            }
            assertEquals(1, mostInFlight.get());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theWaitForAPlaceCountsInTheTimeout() throws Exception {
        JdkHttpTransport transport = transport(1);
        CompletableFuture<HttpResult> holder = transport.sendAsync(call(Duration.ofSeconds(30)));
        awaitArrived(1);

        long start = System.nanoTime();
        ExecutionException async = assertThrows(
                ExecutionException.class,
                () -> transport.sendAsync(call(Duration.ofMillis(300))).get(10, TimeUnit.SECONDS));
        HttpTimeoutException timeout = assertInstanceOf(HttpTimeoutException.class, async.getCause());
        assertTrue(
                timeout.getMessage()
                        .contains("waited all of it for one of the 1 requests in flight to http://" + "127.0.0.1:"
                                + server.getAddress().getPort()),
                timeout.getMessage());
        HttpTimeoutException blocking =
                assertThrows(HttpTimeoutException.class, () -> transport.send(call(Duration.ofMillis(300))));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 600 && millis < 8000, "each waited its timeout: " + millis + " ms");
        assertTrue(blocking.getMessage().contains("waited all of it"), blocking.getMessage());
        assertEquals(1, arrived.get(), "neither was sent");

        answers.release(2);
        assertEquals(200, holder.get(10, TimeUnit.SECONDS).statusCode());
        // the place the timed-out waiters never got is not lost
        assertEquals(200, transport.send(call(Duration.ofSeconds(5))).statusCode());
    }

    @Test
    void aRequestThatGivesUpWhileWaitingLeaksNoPlace() throws Exception {
        JdkHttpTransport transport = transport(1);
        CompletableFuture<HttpResult> holder = transport.sendAsync(call(Duration.ofSeconds(30)));
        awaitArrived(1);

        CompletableFuture<HttpResult> cancelled = transport.sendAsync(call(Duration.ofSeconds(30)));
        assertTrue(cancelled.cancel(true));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread blocked = new Thread(() -> {
            try {
                transport.send(call(Duration.ofSeconds(30)));
            } catch (Exception e) {
                thrown.set(e);
            }
        });
        blocked.start();
        Thread.sleep(200);
        blocked.interrupt();
        blocked.join(10_000);
        assertInstanceOf(InterruptedException.class, thrown.get());
        CompletableFuture<HttpResult> next = transport.sendAsync(call(Duration.ofSeconds(30)));

        answers.release(3);
        assertEquals(200, holder.get(10, TimeUnit.SECONDS).statusCode());
        assertEquals(200, next.get(10, TimeUnit.SECONDS).statusCode(), "the next waiter got the place");
        assertThrows(CancellationException.class, cancelled::join);
        assertEquals(2, arrived.get(), "the request given up was never sent");
        assertEquals(200, transport.send(call(Duration.ofSeconds(5))).statusCode());
        assertEquals(1, mostInFlight.get());
    }

    @Test
    void aFailedRequestFreesItsPlace() throws Exception {
        JdkHttpTransport transport = transport(1);
        HttpCall refused = new HttpCall("GET", URI.create(LocalServer.refusedUrl() + "/x"), List.of(), null, null);
        for (int i = 0; i < 3; i++) {
            assertThrows(IOException.class, () -> transport.send(refused));
            ExecutionException e = assertThrows(
                    ExecutionException.class, () -> transport.sendAsync(refused).get(10, TimeUnit.SECONDS));
            assertInstanceOf(IOException.class, e.getCause());
        }
    }

    @Test
    void theDefaultBoundIsDocumented() {
        assertEquals(256, new JdkHttpTransport(Duration.ofSeconds(1), 1000).maxRequestsPerOrigin());
        assertEquals(3, transport(3).maxRequestsPerOrigin());
        assertThrows(IllegalArgumentException.class, () -> transport(0));
    }
}
