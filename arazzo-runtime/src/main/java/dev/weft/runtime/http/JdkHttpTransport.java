package dev.weft.runtime.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The default transport, on the JDK's {@link HttpClient} (HTTP/1.1), with a ceiling on response body size, a
 * request timeout that bounds the whole exchange (the body too, which the JDK's own timeout does not), and
 * redirects followed by a {@link RedirectPolicy} (same origin only, by default) that never sends credential headers
 * to another origin.
 *
 * <p>The {@code HttpClient} costs about 120 ms to set up, so it is created on first use, once, and shared.
 */
public final class JdkHttpTransport implements HttpTransport {

    /** Headers the JDK sets itself and refuses from callers; they are skipped rather than failing the step. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    /** The JDK's timer overflows on timeouts of about 292 years; a longer timeout is as good as this one. */
    private static final Duration MAX_TIMEOUT = Duration.ofDays(36_500);

    private final Duration connectTimeout;
    private final long maxResponseBytes;
    private final Executor executor;
    private final RedirectPolicy redirects;
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
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.maxResponseBytes = requirePositive(maxResponseBytes);
        this.executor = executor;
        this.redirects = Objects.requireNonNull(redirects, "redirects");
    }

    /**
     * Creates a transport on a client the caller configured, following redirects within the request's origin.
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
        HttpCall hop = call;
        while (true) {
            HttpResponse<byte[]> response = client().send(toRequest(hop, flight.timeLeft()), flight);
            HttpCall next = flight.next(response, hop);
            if (next == null) {
                return toResult(response, hop);
            }
            hop = next;
        }
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
        hop(flight, call, result);
        // a dependent future does not pass cancel() back to its source; do it by hand
        result.whenComplete((r, failure) -> {
            if (result.isCancelled()) {
                flight.cancel();
            }
        });
        return result;
    }

    private void hop(Flight flight, HttpCall hop, CompletableFuture<HttpResult> result) {
        HttpRequest request;
        try {
            request = toRequest(hop, flight.timeLeft());
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

    private static HttpRequest toRequest(HttpCall call, Duration timeout) throws IOException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(call.uri());
            builder.method(
                    call.method(),
                    call.body() == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(call.body()));
            if (timeout != null) {
                builder.timeout(timeout.compareTo(MAX_TIMEOUT) > 0 ? MAX_TIMEOUT : timeout);
            }
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
        return new HttpResult(response.statusCode(), response.headers().map(), response.body(), hop.uri());
    }

    private static long requirePositive(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes must be positive, was " + bytes);
        }
        return bytes;
    }
}
