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
 * exchange (headers and body of every hop), the body of the hop in progress, and which redirect to follow.
 */
final class Flight implements HttpResponse.BodyHandler<byte[]> {

    /** How many redirects in a row are followed; the response to the next one is the step's response. */
    static final int MAX_REDIRECTS = 5;

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

    Flight(HttpCall call, RedirectPolicy redirects, long maxBytes) {
        this.call = call;
        this.redirects = redirects;
        this.maxBytes = maxBytes;
        this.deadlineNanos = call.timeout() == null ? LimitedBodySubscriber.NO_DEADLINE : deadline(call.timeout());
    }

    private static long deadline(Duration timeout) {
        long now = System.nanoTime();
        long nanos = timeout.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L - 1 ? Long.MAX_VALUE : timeout.toNanos();
        // saturate: a timeout of centuries means no deadline, not one in the past
        return nanos >= LimitedBodySubscriber.NO_DEADLINE - now - 1 ? LimitedBodySubscriber.NO_DEADLINE : now + nanos;
    }

    /** @return the call the flight started with */
    HttpCall call() {
        return call;
    }

    /**
     * The time the next hop has for its response headers: what is left of the call's timeout.
     *
     * @return the time left, or {@code null} for no timeout
     * @throws HttpTimeoutException when none is left
     */
    Duration timeLeft() throws HttpTimeoutException {
        if ((hops == 0 && !waited) || deadlineNanos == LimitedBodySubscriber.NO_DEADLINE) {
            // the first hop has the whole timeout (give or take the microseconds since the flight started)
            return call.timeout();
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new HttpTimeoutException(
                    hops == 0
                            ? "no time left within " + call.timeout() + " after waiting for a place to send the request"
                            : "no time left for redirect " + hops + " within " + call.timeout());
        }
        return Duration.ofNanos(left);
    }

    /** Notes that the call waited for its place: the first hop then has only what is left of the timeout. */
    void waited() {
        waited = true;
    }

    /** @return the nanoseconds left of the call's timeout, {@link Long#MAX_VALUE} for no timeout */
    long nanosLeft() {
        return deadlineNanos == LimitedBodySubscriber.NO_DEADLINE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
        LimitedBodySubscriber subscriber = new LimitedBodySubscriber(maxBytes, declared, deadlineNanos, call.timeout());
        body = subscriber;
        if (cancelled) {
            subscriber.cancel(new CancellationException("the exchange was cancelled"));
        }
        return subscriber;
    }

    /** Notes the JDK future of the hop in progress, which {@link #cancel()} cancels. */
    void pending(CompletableFuture<?> future) {
        pending = future;
        if (cancelled) {
            future.cancel(true);
        }
    }

    /** Cancels the hop in progress: its exchange, and its body if that is arriving. */
    void cancel() {
        cancelled = true;
        CompletableFuture<?> future = pending;
        if (future != null) {
            future.cancel(true);
        }
        LimitedBodySubscriber subscriber = body;
        if (subscriber != null) {
            subscriber.cancel(new CancellationException("the exchange was cancelled"));
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
