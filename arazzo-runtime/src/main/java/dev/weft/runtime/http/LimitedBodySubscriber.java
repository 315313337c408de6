package dev.weft.runtime.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * Collects a response body into bytes and gives up once it exceeds a size ceiling, or once its exchange is
 * cancelled or timed out.
 *
 * <p>It is a plain {@link Flow.Subscriber} that the JDK's {@link HttpResponse.BodySubscribers#fromSubscriber}
 * adapts: the JDK delivers the body of its own adapters on its selector thread, where a body subscriber of another
 * class has each response handed to an executor thread first, a thread hop per response.
 */
final class LimitedBodySubscriber implements Flow.Subscriber<List<ByteBuffer>> {

    /** The largest presized buffer, whatever the {@code Content-Length} says: a lie must not cost memory. */
    private static final int MAX_PRESIZE = 1 << 20;

    private final long limit;
    private final long declaredLength;
    private final ByteArrayOutputStream out;
    private final HttpResponse.BodySubscriber<byte[]> adapter;
    private volatile Flow.Subscription subscription;
    private volatile boolean done;
    private long received;

    /**
     * Creates a subscriber.
     *
     * @param limit the most bytes accepted
     * @param declaredLength the {@code Content-Length} of the response, or -1
     */
    LimitedBodySubscriber(long limit, long declaredLength) {
        this.limit = limit;
        this.declaredLength = declaredLength;
        this.out = new ByteArrayOutputStream(
                declaredLength >= 0 && declaredLength <= Math.min(limit, MAX_PRESIZE) ? (int) declaredLength : 256);
        this.adapter = HttpResponse.BodySubscribers.fromSubscriber(this, LimitedBodySubscriber::bytes);
    }

    /** @return the body subscriber to hand the JDK's client */
    HttpResponse.BodySubscriber<byte[]> adapter() {
        return adapter;
    }

    private byte[] bytes() {
        return out.toByteArray();
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (done) {
            // failed before the body began
            s.cancel();
            return;
        }
        if (declaredLength > limit) {
            // refuse before reading anything
            fail(new IOException("response body exceeds " + limit + " bytes"));
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (done) {
            return;
        }
        for (ByteBuffer buffer : items) {
            int length = buffer.remaining();
            received += length;
            if (received > limit) {
                fail(new IOException("response body exceeds " + limit + " bytes"));
                return;
            }
            if (buffer.hasArray()) {
                out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), length);
                buffer.position(buffer.limit());
            } else {
                byte[] chunk = new byte[length];
                buffer.get(chunk);
                out.write(chunk, 0, length);
            }
        }
    }

    @Override
    public void onError(Throwable error) {
        done = true;
    }

    @Override
    public void onComplete() {
        done = true;
    }

    /**
     * Gives up on the body because the exchange was cancelled or timed out.
     *
     * @param cause why
     */
    void cancel(Throwable cause) {
        if (!done) {
            fail(cause);
        }
    }

    private void fail(Throwable cause) {
        done = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        // the JDK's adapter completes its body only on a signal from upstream, which a cancelled one may not send
        adapter.onError(cause);
    }
}
