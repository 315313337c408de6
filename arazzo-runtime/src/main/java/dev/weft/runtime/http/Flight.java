package dev.weft.runtime.http;

import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * One call's way through the default transport, redirects included: the deadline its timeout sets for the whole
 * exchange (headers and body of every hop), which the {@link DeadlineTimer} enforces, the body of the hop in
 * progress, and which redirect to follow.
 */
final class Flight implements HttpResponse.BodyHandler<byte[]> {

    /** How many redirects in a row are followed; the response to the next one is the step's response. */
    static final int MAX_REDIRECTS = 5;

    /** A deadline that never comes. */
    static final long NO_DEADLINE = Long.MAX_VALUE;

    private final HttpCall call;
    private final RedirectPolicy redirects;
    private final long maxBytes;
    private final long deadlineNanos;
    private int hops;
    /** Whether the call waited for its place among the requests in flight to its origin. */
    private boolean waited;

    private volatile LimitedBodySubscriber body;
    private volatile CompletableFuture<?> pending;
    private volatile boolean cancelled;

    /** The thread blocked in the exchange, which expiry interrupts; guarded by {@code this}. */
    private Thread blocked;
    /** The future of an asynchronous exchange, which expiry fails; guarded by {@code this}. */
    private CompletableFuture<?> result;
    /** Guarded by {@code this}. */
    private boolean ended;

    private volatile boolean expired;

    Flight(HttpCall call, RedirectPolicy redirects, long maxBytes) {
        this.call = call;
        this.redirects = redirects;
        this.maxBytes = maxBytes;
        this.deadlineNanos = call.timeout() == null ? NO_DEADLINE : deadline(call.timeout());
    }

    private static long deadline(Duration timeout) {
        long now = System.nanoTime();
        long nanos = timeout.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L - 1 ? Long.MAX_VALUE : timeout.toNanos();
        // saturate: a timeout of centuries means no deadline, not one in the past
        return nanos >= NO_DEADLINE - now - 1 ? NO_DEADLINE : now + nanos;
    }

    /** @return the call the flight started with */
    HttpCall call() {
        return call;
    }

    /** @return the {@link System#nanoTime()} by which the exchange must be over, or {@link #NO_DEADLINE} */
    long deadlineNanos() {
        return deadlineNanos;
    }

    /**
     * Checks, before a hop, that time is left for it: the first hop has the whole timeout (give or take the
     * microseconds since the flight started) unless the call waited for its place.
     *
     * @throws HttpTimeoutException when none is left
     */
    void checkTimeLeft() throws HttpTimeoutException {
        if ((hops > 0 || waited) && deadlineNanos != NO_DEADLINE && deadlineNanos - System.nanoTime() <= 0) {
            throw new HttpTimeoutException(
                    hops == 0
                            ? "no time left within " + call.timeout() + " after waiting for a place to send the request"
                            : "no time left for redirect " + hops + " within " + call.timeout());
        }
    }

    /** Notes that the call waited for its place: the first hop then has only what is left of the timeout. */
    void waited() {
        waited = true;
    }

    /** @return the nanoseconds left of the call's timeout, {@link Long#MAX_VALUE} for no timeout */
    long nanosLeft() {
        return deadlineNanos == NO_DEADLINE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
    }

    /**
     * Starts the exchange of a thread that blocks in it until {@link #end}: past the deadline, the thread is
     * interrupted, which aborts the JDK's exchange, and {@link #expired()} tells why.
     */
    void startBlocking() {
        if (deadlineNanos == NO_DEADLINE) {
            return;
        }
        synchronized (this) {
            blocked = Thread.currentThread();
        }
        DeadlineTimer.watch(this);
    }

    /**
     * Starts an asynchronous exchange, which lasts until {@link #end}: past the deadline, {@code future} fails
     * with an {@link HttpTimeoutException} and the hop in progress is cancelled.
     *
     * @param future the exchange's result
     */
    void startAsync(CompletableFuture<?> future) {
        if (deadlineNanos == NO_DEADLINE) {
            return;
        }
        synchronized (this) {
            if (ended) {
                return;
            }
            result = future;
        }
        DeadlineTimer.watch(this);
    }

    /**
     * Ends the exchange, however it ended: expiry no longer touches it. A blocked thread's interrupt by an expiry
     * that raced with its response is cleared.
     */
    void end() {
        if (deadlineNanos == NO_DEADLINE) {
            return;
        }
        synchronized (this) {
            ended = true;
            if (blocked != null) {
                blocked = null;
                if (expired) {
                    // the interrupt this flight's expiry made, which the exchange did not consume
                    Thread.interrupted();
                }
            }
            result = null;
        }
        DeadlineTimer.unwatch(this);
    }

    /** @return whether the deadline passed before the exchange ended */
    boolean expired() {
        return expired;
    }

    /** The deadline passed (called by the {@link DeadlineTimer}): the exchange times out. */
    void expire() {
        CompletableFuture<?> future;
        synchronized (this) {
            if (ended) {
                return;
            }
            expired = true;
            if (blocked != null) {
                blocked.interrupt();
            }
            future = result;
        }
        HttpTimeoutException timeout = timedOut();
        if (future != null) {
            future.completeExceptionally(timeout);
        }
        abort(timeout);
    }

    /**
     * The failure of an exchange whose deadline passed.
     *
     * @return the exception, which says whether the headers or the body were late
     */
    HttpTimeoutException timedOut() {
        return new HttpTimeoutException(
                body == null
                        ? "no response within " + call.timeout()
                        : "response body incomplete after " + call.timeout());
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
        LimitedBodySubscriber subscriber = new LimitedBodySubscriber(maxBytes, declared);
        body = subscriber;
        if (cancelled) {
            subscriber.cancel(new CancellationException("the exchange was cancelled"));
        } else if (expired) {
            subscriber.cancel(timedOut());
        }
        return subscriber.adapter();
    }

    /** Notes the JDK future of the hop in progress, which {@link #cancel()} cancels. */
    void pending(CompletableFuture<?> future) {
        pending = future;
        if (cancelled || expired) {
            future.cancel(true);
        }
    }

    /** Cancels the hop in progress: its exchange, and its body if that is arriving. */
    void cancel() {
        cancelled = true;
        abort(new CancellationException("the exchange was cancelled"));
    }

    private void abort(Exception cause) {
        CompletableFuture<?> future = pending;
        if (future != null) {
            future.cancel(true);
        }
        LimitedBodySubscriber subscriber = body;
        if (subscriber != null) {
            subscriber.cancel(cause);
        }
    }

    /**
     * Decides whether a response is a redirect to follow, and how.
     *
     * @param response the response to {@code hop}
     * @param hop the call that got it
     * @return the next call, or {@code null} when the response is the final one
     */
    HttpCall next(HttpResponse<?> response, HttpCall hop) {
        int status = response.statusCode();
        if (redirects == RedirectPolicy.NONE
                || !(status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
                || hops >= MAX_REDIRECTS) {
            return null;
        }
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
            return null;
        }
        URI target;
        try {
            target = hop.uri().resolve(location.get().trim());
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || target.getHost() == null) {
            return null;
        }
        boolean sameOrigin = sameOrigin(call.uri(), target);
        if (!sameOrigin
                && (redirects == RedirectPolicy.SAME_ORIGIN
                        || (scheme.equals("http")
                                && "https".equalsIgnoreCase(hop.uri().getScheme())))) {
            return null;
        }
        hops++;
        body = null;
        // RFC 9110 §15.4: 303 is fetched with GET, and so, by long practice, is a POST redirected by 301 or 302
        boolean toGet = (status == 303 && !hop.method().equalsIgnoreCase("HEAD"))
                || ((status == 301 || status == 302) && hop.method().equalsIgnoreCase("POST"));
        String method = toGet ? "GET" : hop.method();
        byte[] bodyBytes = toGet ? null : hop.body();
        return new HttpCall(
                method, target, headers(sameOrigin, toGet), bodyBytes, call.timeout(), call.secrets(), call.step());
    }

    /** The call's headers for a hop: without credentials off its origin, without content headers for a GET. */
    private List<Map.Entry<String, String>> headers(boolean sameOrigin, boolean toGet) {
        if (sameOrigin && !toGet) {
            return call.headers();
        }
        List<Map.Entry<String, String>> kept = new ArrayList<>(call.headers().size());
        for (Map.Entry<String, String> header : call.headers()) {
            String name = header.getKey();
            if (toGet && name.regionMatches(true, 0, "Content-", 0, 8)) {
                continue;
            }
            if (!sameOrigin && isCredential(name, header.getValue())) {
                continue;
            }
            kept.add(header);
        }
        return kept;
    }

    private boolean isCredential(String name, String value) {
        if (Redactor.isSecretHeader(name)) {
            return true;
        }
        for (String secret : call.secrets()) {
            if (secret.length() >= Redactor.MIN_SECRET_LENGTH && value.contains(secret)) {
                return true;
            }
        }
        return false;
    }

    /** RFC 6454: the same scheme, host and port, the default port of the scheme standing for none. */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    /** The port a URI's requests go to: its own, else its scheme's default (443 for https, 80 otherwise). */
    static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
