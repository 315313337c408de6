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
 * The default transport, on the JDK's {@link HttpClient} (HTTP/1.1, redirects followed except HTTPS to HTTP),
 * with a ceiling on response body size.
 *
 * <p>The {@code HttpClient} costs about 120 ms to set up, so it is created on first use, once, and shared.
 */
public final class JdkHttpTransport implements HttpTransport {

    /** Headers the JDK sets itself and refuses from callers; they are skipped rather than failing the step. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final Duration connectTimeout;
    private final long maxResponseBytes;
    private final Executor executor;
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
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.maxResponseBytes = requirePositive(maxResponseBytes);
        this.executor = executor;
    }

    /**
     * Creates a transport on a client the caller configured.
     *
     * @param client the client
     * @param maxResponseBytes the most bytes of a response body accepted
     */
    public JdkHttpTransport(HttpClient client, long maxResponseBytes) {
        this.executor = null;
        this.client = Objects.requireNonNull(client, "client");
        this.connectTimeout = client.connectTimeout().orElse(Duration.ofSeconds(10));
        this.maxResponseBytes = requirePositive(maxResponseBytes);
    }

    /**
     * Returns the size ceiling of response bodies.
     *
     * @return the ceiling in bytes
     */
    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    @Override
    public HttpResult send(HttpCall call) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client().send(toRequest(call), this::subscriber);
        return toResult(response);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Cancelling the returned future ({@code cancel(true)}) cancels the exchange: the JDK client (16 and later)
     * aborts the request and closes its connection.
     */
    @Override
    public CompletableFuture<HttpResult> sendAsync(HttpCall call) {
        HttpRequest request;
        try {
            request = toRequest(call);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<HttpResponse<byte[]>> exchange = client().sendAsync(request, this::subscriber);
        CompletableFuture<HttpResult> result = exchange.thenApply(JdkHttpTransport::toResult);
        // a dependent future does not pass cancel() back to its source; do it by hand
        result.whenComplete((r, failure) -> {
            if (result.isCancelled()) {
                exchange.cancel(true);
            }
        });
        return result;
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    HttpClient.Builder builder = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .connectTimeout(connectTimeout);
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

    private HttpResponse.BodySubscriber<byte[]> subscriber(HttpResponse.ResponseInfo info) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
        return new LimitedBodySubscriber(maxResponseBytes, declared);
    }

    private static HttpRequest toRequest(HttpCall call) throws IOException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(call.uri());
            builder.method(
                    call.method(),
                    call.body() == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(call.body()));
            if (call.timeout() != null) {
                builder.timeout(call.timeout());
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

    private static HttpResult toResult(HttpResponse<byte[]> response) {
        return new HttpResult(response.statusCode(), response.headers().map(), response.body());
    }

    private static long requirePositive(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes must be positive, was " + bytes);
        }
        return bytes;
    }
}
