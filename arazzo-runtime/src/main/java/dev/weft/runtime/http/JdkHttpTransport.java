package dev.weft.runtime.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The default transport, on the JDK's {@link HttpClient} (HTTP/1.1), with a ceiling on response body size, a
 * request timeout that bounds the whole exchange (the body too, which the JDK's own timeout does not), and
 * redirects followed by a {@link RedirectPolicy} (same origin only, by default) that never sends credential headers
 * to another origin, and at most {@link #maxRequestsPerOrigin()} requests in flight to one origin at once (the
 * JDK's client opens a connection, with its buffers, for each): a further request waits for one of them to end,
 * its wait counted in its timeout.
 *
 * <p>The {@code HttpClient} costs about 120 ms to set up, so it is created on first use, once, and shared. The
 * timeout is kept by one {@link DeadlineTimer} thread for all exchanges rather than by the JDK's per-request timer
 * (which wakes the client's selector for every request), and response bytes are collected on the client's own
 * thread rather than handed to the executor.
 */
public final class JdkHttpTransport implements HttpTransport {

    /** Headers the JDK sets itself and refuses from callers; they are skipped rather than failing the step. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    /** The default of {@link #maxRequestsPerOrigin()}. */
    public static final int DEFAULT_MAX_REQUESTS_PER_ORIGIN = 256;

    /**
     * The largest body a thread's {@link #LAST_REQUEST} keeps: a poll loop's requests are small, and an upload's
     * bytes must not stay referenced after it.
     */
    private static final int MAX_KEPT_BODY = 16 * 1024;

    /**
     * The JDK request this thread built last, with the call it was built for: a run sends the very same call
     * again when a poll loop's request has not changed, and the JDK's requests are immutable and may be sent any
     * number of times.
     */
    private static final ThreadLocal<Built> LAST_REQUEST = new ThreadLocal<>();

    private record Built(HttpCall call, HttpRequest request) {}

    private final Duration connectTimeout;
    private final long maxResponseBytes;
    private final Executor executor;
    private final RedirectPolicy redirects;
    private final RequestGate gate;
    private volatile HttpClient client;

    /**
     * Creates a transport whose client is built on first use.
     *
     * @param connectTimeout the connect timeout
     * @param maxResponseBytes the most bytes of a response body accepted
     */
    public JdkHttpTransport(Duration connectTimeout, long maxResponseBytes) {
        this(connectTimeout, maxResponseBytes, null);
    }

    /**
     * Creates a transport whose client is built on first use and runs its work on {@code executor}.
     *
     * @param connectTimeout the connect timeout
     * @param maxResponseBytes the most bytes of a response body accepted
     * @param executor the executor of the HTTP client's asynchronous work, or {@code null} for the JDK's own
     */
    public JdkHttpTransport(Duration connectTimeout, long maxResponseBytes, Executor executor) {
        this(connectTimeout, maxResponseBytes, executor, RedirectPolicy.SAME_ORIGIN);
    }

    /**
     * Creates a transport whose client is built on first use, runs its work on {@code executor} and follows
     * redirects as {@code redirects} says.
     *
     * @param connectTimeout the connect timeout
     * @param maxResponseBytes the most bytes of a response body accepted
     * @param executor the executor of the HTTP client's asynchronous work, or {@code null} for the JDK's own
     * @param redirects which redirects to follow
     */
    public JdkHttpTransport(
            Duration connectTimeout, long maxResponseBytes, Executor executor, RedirectPolicy redirects) {
        this(connectTimeout, maxResponseBytes, executor, redirects, DEFAULT_MAX_REQUESTS_PER_ORIGIN);
    }

    /**
     * Creates a transport whose client is built on first use, runs its work on {@code executor}, follows
     * redirects as {@code redirects} says and has at most {@code maxRequestsPerOrigin} requests in flight to one
     * origin (scheme, host and port) at once.
     *
     * @param connectTimeout the connect timeout
     * @param maxResponseBytes the most bytes of a response body accepted
     * @param executor the executor of the HTTP client's asynchronous work, or {@code null} for the JDK's own
     * @param redirects which redirects to follow
     * @param maxRequestsPerOrigin the most requests in flight to one origin; a further one waits its turn
     * @throws IllegalArgumentException if {@code maxRequestsPerOrigin} is not positive
     */
    public JdkHttpTransport(
            Duration connectTimeout,
            long maxResponseBytes,
            Executor executor,
            RedirectPolicy redirects,
            int maxRequestsPerOrigin) {
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.maxResponseBytes = requirePositive(maxResponseBytes);
        this.executor = executor;
        this.redirects = Objects.requireNonNull(redirects, "redirects");
        this.gate = new RequestGate(maxRequestsPerOrigin);
    }

    /**
     * Creates a transport on a client the caller configured, following redirects within the request's origin,
     * with at most {@value #DEFAULT_MAX_REQUESTS_PER_ORIGIN} requests in flight to one origin.
     *
     * @param client the client; it must not follow redirects itself ({@link HttpClient.Redirect#NEVER}, the JDK's
     *     default), since the JDK's client sends every header, {@code Authorization} included, to wherever a
     *     server redirects it
     * @param maxResponseBytes the most bytes of a response body accepted
     * @throws IllegalArgumentException if the client follows redirects
     */
    public JdkHttpTransport(HttpClient client, long maxResponseBytes) {
        this.executor = null;
        this.client = Objects.requireNonNull(client, "client");
        if (client.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("the HttpClient follows redirects (" + client.followRedirects()
                    + ") and would send credentials to other origins; build it with Redirect.NEVER: the transport"
                    + " follows redirects itself, within the request's origin");
        }
        this.connectTimeout = client.connectTimeout().orElse(Duration.ofSeconds(10));
        this.maxResponseBytes = requirePositive(maxResponseBytes);
        this.redirects = RedirectPolicy.SAME_ORIGIN;
        this.gate = new RequestGate(DEFAULT_MAX_REQUESTS_PER_ORIGIN);
    }

    /**
     * Returns the size ceiling of response bodies.
     *
     * @return the ceiling in bytes
     */
    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    /**
     * Returns how many requests the transport has in flight to one origin (scheme, host and port) at most; a
     * further request waits, in order of arrival, for one of them to end (its response body read, or failed), and
     * its wait counts in its timeout. A call's redirects count as one request of its first origin.
     *
     * @return the bound
     */
    public int maxRequestsPerOrigin() {
        return gate.max();
    }

    /**
     * Returns which redirects the transport follows.
     *
     * @return the policy
     */
    public RedirectPolicy redirects() {
        return redirects;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The call's timeout bounds the whole exchange, redirects and the response body included. Interrupting the
     * thread aborts the exchange and closes its connection.
     */
    @Override
    public HttpResult send(HttpCall call) throws IOException, InterruptedException {
        Flight flight = new Flight(call, redirects, maxResponseBytes);
        String origin = gate.originOf(call.uri());
        awaitPlace(origin, flight);
        try {
            flight.startBlocking();
            HttpCall hop = call;
            while (true) {
                flight.checkTimeLeft();
                HttpResponse<byte[]> response;
                try {
                    response = client().send(hop == call ? request(call) : toRequest(hop), flight);
                } catch (IOException | InterruptedException e) {
                    if (flight.expired()) {
                        throw flight.timedOut();
                    }
                    throw e;
                }
                HttpCall next = flight.next(response, hop);
                if (next == null) {
                    return toResult(response, hop);
                }
                hop = next;
            }
        } finally {
            flight.end();
            gate.leave(origin);
        }
    }

    /** Waits, blocking, for a place among the requests in flight to {@code origin}, within the call's timeout. */
    private void awaitPlace(String origin, Flight flight) throws HttpTimeoutException, InterruptedException {
        CompletableFuture<Void> place = gate.enter(origin);
        if (place.isDone()) {
            return;
        }
        flight.waited();
        try {
            long left = flight.nanosLeft();
            if (left == Long.MAX_VALUE) {
                place.get();
            } else {
                place.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            if (place.completeExceptionally(e)) {
                gate.abandon(origin, place);
                throw waitedTooLong(origin, flight);
            }
        } catch (InterruptedException e) {
            place.completeExceptionally(e);
            gate.abandon(origin, place);
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e); // never: only this thread completes it exceptionally
        }
    }

    private HttpTimeoutException waitedTooLong(String origin, Flight flight) {
        return new HttpTimeoutException("no response within " + flight.call().timeout() + ": waited all of it for"
                + " one of the " + gate.max() + " requests in flight to " + origin + " to end");
    }

    /**
     * {@inheritDoc}
     *
     * <p>The call's timeout bounds the whole exchange, redirects and the response body included. Cancelling the
     * returned future ({@code cancel(true)}) cancels the exchange: the request, or the body arriving, is aborted and
     * its connection closed.
     */
    @Override
    public CompletableFuture<HttpResult> sendAsync(HttpCall call) {
        Flight flight = new Flight(call, redirects, maxResponseBytes);
        CompletableFuture<HttpResult> result = new CompletableFuture<>();
        String origin = gate.originOf(call.uri());
        CompletableFuture<Void> place = gate.enter(origin);
        if (place.isDone()) {
            start(flight, call, result, origin);
        } else {
            flight.waited();
            long left = flight.nanosLeft();
            if (left != Long.MAX_VALUE) {
                place.orTimeout(Math.max(left, 0), TimeUnit.NANOSECONDS);
            }
            place.whenComplete((granted, failure) -> {
                if (failure == null) {
                    start(flight, call, result, origin);
                    return;
                }
                gate.abandon(origin, place);
                result.completeExceptionally(
                        failure instanceof TimeoutException ? waitedTooLong(origin, flight) : failure);
            });
        }
        // a dependent future does not pass cancel() back to its source; do it by hand
        result.whenComplete((r, failure) -> {
            if (result.isCancelled()) {
                place.completeExceptionally(new CancellationException("the exchange was cancelled"));
                flight.cancel();
            }
        });
        return result;
    }

    /** Sends a call that has its place, which it leaves once its result is in, whatever it is. */
    private void start(Flight flight, HttpCall call, CompletableFuture<HttpResult> result, String origin) {
        result.whenComplete((r, failure) -> {
            flight.end();
            gate.leave(origin);
        });
        if (!result.isDone()) {
            flight.startAsync(result);
            hop(flight, call, result);
        }
    }

    private void hop(Flight flight, HttpCall hop, CompletableFuture<HttpResult> result) {
        HttpRequest request;
        try {
            flight.checkTimeLeft();
            request = toRequest(hop);
        } catch (IOException e) {
            result.completeExceptionally(e);
            return;
        }
        CompletableFuture<HttpResponse<byte[]>> exchange = client().sendAsync(request, flight);
        flight.pending(exchange);
        exchange.whenComplete((response, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
                return;
            }
            HttpCall next = flight.next(response, hop);
            if (next == null) {
                result.complete(toResult(response, hop));
            } else if (!result.isDone()) {
                hop(flight, next, result);
            }
        });
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    HttpClient.Builder builder = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            // never the JDK's: it would send Authorization to whatever Location a server names
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(connectTimeout)
                            // TLS is set up when a first https:// connection needs it, not here
                            .sslContext(DeferredTls.context())
                            .sslParameters(DeferredTls.parameters());
                    if (executor != null) {
                        builder.executor(executor);
                    }
                    c = builder.build();
                    client = c;
                }
            }
        }
        return c;
    }

    /** The JDK's request for a call, the one this thread built last when the call is the same object. */
    private static HttpRequest request(HttpCall call) throws IOException {
        Built last = LAST_REQUEST.get();
        if (last != null && last.call() == call) {
            return last.request();
        }
        HttpRequest request = toRequest(call);
        if (call.body() == null || call.body().length <= MAX_KEPT_BODY) {
            LAST_REQUEST.set(new Built(call, request));
        } else if (last != null) {
            LAST_REQUEST.set(null);
        }
        return request;
    }

    /** The JDK's request, without a timeout: the {@link DeadlineTimer} keeps the call's. */
    private static HttpRequest toRequest(HttpCall call) throws IOException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(call.uri());
            builder.method(
                    call.method(),
                    call.body() == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid request: " + e.getMessage(), e);
        }
        for (Map.Entry<String, String> header : call.headers()) {
            try {
                builder.header(header.getKey(), header.getValue());
            } catch (IllegalArgumentException e) {
                if (!RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    // the JDK's message may quote the value, which may be a credential
                    throw new IOException("the HTTP client rejects header '" + header.getKey() + "'");
                }
            }
        }
        return builder.build();
    }

    /** The response, with the URL it came from when a redirect led elsewhere than the call's URL. */
    private static HttpResult toResult(HttpResponse<byte[]> response, HttpCall hop) {
        return new HttpResult(
                response.statusCode(), new ReceivedHeaders(response.headers()), response.body(), hop.uri());
    }

    private static long requirePositive(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes must be positive, was " + bytes);
        }
        return bytes;
    }
}
