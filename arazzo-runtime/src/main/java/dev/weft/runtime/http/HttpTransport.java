package dev.weft.runtime.http;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** The pluggable HTTP client a workflow sends its requests through; implementations must be thread-safe. */
public interface HttpTransport {

    /**
     * Sends a request and waits for the whole response.
     *
     * @param call the request
     * @return the response
     * @throws IOException if the exchange fails (connection, timeout, body too large)
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    HttpResult send(HttpCall call) throws IOException, InterruptedException;

    /**
     * Sends a request without blocking the calling thread.
     *
     * @param call the request
     * @return the response, or a future failed with an {@link IOException} when the exchange fails
     */
    CompletableFuture<HttpResult> sendAsync(HttpCall call);
}
