package dev.weft.runtime.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.RecordingListener;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.internal.Runs;
import dev.weft.runtime.internal.StepRequest;
import dev.weft.runtime.internal.WorkflowRun;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that sends its response headers at once and then its body a byte at a time cannot hold a run past
 * its request timeout or its deadline, blocking or not, and a cancelled or interrupted run closes the
 * connection; on a raw socket, with and without {@code Content-Length}.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SlowBodyTest {

    /** The server gives up after this long anyway, so that a failing test cannot hang the build. */
    private static final int MAX_TRICKLE_MILLIS = 8000;

    /** Headers at once, then one byte of the body every 50 ms, until the client goes away. */
    private static final class Trickle implements RawServer.Behaviour {
        private final boolean chunked;
        final CountDownLatch headersSent = new CountDownLatch(1);
        final CountDownLatch clientGone = new CountDownLatch(1);

        Trickle(boolean chunked) {
            this.chunked = chunked;
        }

        @Override
        public void handle(java.net.Socket socket, String head) throws IOException, InterruptedException {
            OutputStream out = socket.getOutputStream();
            String framing = chunked ? "Transfer-Encoding: chunked" : "Content-Length: 100000";
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + framing + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            headersSent.countDown();
            try {
                for (long end = System.nanoTime() + MAX_TRICKLE_MILLIS * 1_000_000L; System.nanoTime() < end; ) {
                    out.write((chunked ? "1\r\n \r\n" : " ").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (IOException closed) {
                clientGone.countDown();
            }
        }
    }

    private static ArazzoClient client(RawServer server, Duration requestTimeout, Duration deadline) {
        return ArazzoClient.builder()
                .server("api", server.baseUrl())
                .requestTimeout(requestTimeout)
                .pollPolicy(PollPolicy.noDelay().withDeadline(deadline))
                .listener(new RecordingListener())
                .build();
    }

    private static StepRequest slow() {
        return StepRequest.create("slow", "api", null, "GET", "/slow");
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Each way of sending, each framing: the failure comes on time and names the limit that ended it. */
    private static void assertEndsOnTime(
            Duration requestTimeout, Duration deadline, String limit, Function<WorkflowRun, WorkflowException> send)
            throws InterruptedException {
        for (boolean chunked : new boolean[] {false, true}) {
            Trickle trickle = new Trickle(chunked);
            try (RawServer server = RawServer.start(trickle)) {
                WorkflowRun run = WorkflowRun.start(client(server, requestTimeout, deadline), "wf");
                run.enterStep("slow");
                long start = System.nanoTime();
                WorkflowException e = send.apply(run);
                long took = millisSince(start);
                Duration bound = requestTimeout.compareTo(deadline) < 0 ? requestTimeout : deadline;
                assertTrue(took >= bound.toMillis() - 50 && took < bound.toMillis() + 1500, "took " + took + " ms");
                assertTrue(e.detail().contains("HttpTimeoutException: no complete response within"), e.detail());
                assertTrue(e.detail().endsWith(limit), e.detail());
                assertTrue(trickle.clientGone.await(3, TimeUnit.SECONDS), "the client closed the connection");
            }
        }
    }

    @Test
    void theRequestTimeoutBoundsTheBodyOfABlockingRun() throws InterruptedException {
        assertEndsOnTime(
                Duration.ofMillis(800),
                Duration.ofSeconds(10),
                "(the request timeout)",
                run -> assertThrows(WorkflowException.class, () -> Runs.send(run, slow())));
    }

    @Test
    void theRequestTimeoutBoundsTheBodyOfAnAsyncRun() throws InterruptedException {
        assertEndsOnTime(Duration.ofMillis(800), Duration.ofSeconds(10), "(the request timeout)", run -> {
            ExecutionException e = assertThrows(
                    ExecutionException.class, () -> Runs.sendAsync(run, slow()).get());
            return assertInstanceOf(WorkflowException.class, e.getCause());
        });
    }

    @Test
    void theDeadlineBoundsTheBodyToo() throws InterruptedException {
        String limit = "(the time left before the run's deadline)";
        assertEndsOnTime(
                Duration.ofSeconds(30),
                Duration.ofMillis(800),
                limit,
                run -> assertThrows(WorkflowException.class, () -> Runs.send(run, slow())));
        assertEndsOnTime(Duration.ofSeconds(30), Duration.ofMillis(800), limit, run -> {
            ExecutionException e = assertThrows(
                    ExecutionException.class, () -> Runs.sendAsync(run, slow()).get());
            return assertInstanceOf(WorkflowException.class, e.getCause());
        });
    }

    @Test
    void cancellingAnAsyncRunStopsTheBody() throws Exception {
        Trickle trickle = new Trickle(false);
        try (RawServer server = RawServer.start(trickle)) {
            WorkflowRun run = WorkflowRun.start(client(server, Duration.ofSeconds(30), Duration.ofSeconds(30)), "wf");
            CompletableFuture<?> pending = Runs.sendAsync(run, slow());
            assertTrue(trickle.headersSent.await(3, TimeUnit.SECONDS));
            Thread.sleep(200);
            long start = System.nanoTime();
            pending.cancel(true);
            assertThrows(CancellationException.class, pending::join);
            assertTrue(trickle.clientGone.await(3, TimeUnit.SECONDS), "the client closed the connection");
            assertTrue(millisSince(start) < 2000, "closed after " + millisSince(start) + " ms");
            assertTrue(run.isCancelled());
        }
    }

    @Test
    void interruptingABlockingRunStopsTheBody() throws Exception {
        Trickle trickle = new Trickle(true);
        try (RawServer server = RawServer.start(trickle)) {
            WorkflowRun run = WorkflowRun.start(client(server, Duration.ofSeconds(30), Duration.ofSeconds(30)), "wf");
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            Thread runner = new Thread(() -> {
                try {
                    Runs.send(run, slow());
                } catch (RuntimeException e) {
                    failure.set(e);
                }
            });
            runner.start();
            assertTrue(trickle.headersSent.await(3, TimeUnit.SECONDS));
            Thread.sleep(200);
            runner.interrupt();
            runner.join(2000);
            assertEquals(Thread.State.TERMINATED, runner.getState(), "the interrupted run returned");
            WorkflowException e = assertInstanceOf(WorkflowException.class, failure.get());
            assertEquals("interrupted while waiting for the response", e.detail());
            assertTrue(trickle.clientGone.await(3, TimeUnit.SECONDS), "the client closed the connection");
        }
    }
}
