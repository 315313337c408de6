package dev.weft.runtime.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body subscriber that collects a response body into bytes and gives up once it exceeds a size ceiling, once
 * its exchange's deadline passes, or once its exchange is cancelled.
 */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]>, Runnable {

    /** A deadline that never comes. */
    static final long NO_DEADLINE = Long.MAX_VALUE;

    private final long limit;
    private final long declaredLength;
    private final long deadlineNanos;
    private final Duration timeout;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;
    private volatile boolean watched;
    private long received;

    /**
     * Creates a subscriber.
     *
     * @param limit the most bytes accepted
     * @param declaredLength the {@code Content-Length} of the response, or -1
     * @param deadlineNanos the {@link System#nanoTime()} by which the body must be complete, or
     *     {@link #NO_DEADLINE}
     * @param timeout the exchange's timeout, for the message when the deadline passes
     */
    LimitedBodySubscriber(long limit, long declaredLength, long deadlineNanos, Duration timeout) {
        this.limit = limit;
        this.declaredLength = declaredLength;
        this.deadlineNanos = deadlineNanos;
        this.timeout = timeout;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (declaredLength > limit) {
            // refuse before reading anything
            fail(new IOException("response body exceeds " + limit + " bytes"));
            return;
        }
        if (deadlineNanos != NO_DEADLINE) {
            watched = true;
            BodyTimer.watch(this);
        }
        s.request(Long.MAX_VALUE);
    }

    /** @return the {@link System#nanoTime()} by which the body must be complete */
    long deadlineNanos() {
        return deadlineNanos;
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : items) {
            received += buffer.remaining();
            if (received > limit) {
                fail(new IOException("response body exceeds " + limit + " bytes"));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            out.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
        stopTimer();
    }

    @Override
    public void onComplete() {
        result.complete(out.toByteArray());
        stopTimer();
    }

    /**
     * The deadline passed with the body incomplete (called by the {@link BodyTimer}): the exchange times out and its
     * connection is closed.
     */
    @Override
    public void run() {
        if (!result.isDone()) {
            fail(new HttpTimeoutException("response body incomplete after " + timeout));
        }
    }

    /**
     * Gives up on the body because the exchange was cancelled.
     *
     * @param cause the cancellation
     */
    void cancel(Throwable cause) {
        if (!result.isDone()) {
            fail(cause);
        }
    }

    private void fail(Throwable cause) {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        result.completeExceptionally(cause);
        stopTimer();
    }

    private void stopTimer() {
        if (watched) {
            BodyTimer.unwatch(this);
        }
    }
}
