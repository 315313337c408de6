package dev.weft.runtime.messaging;

import java.util.concurrent.CompletableFuture;

/**
 * Sends and receives the messages of AsyncAPI steps; plugged into a client with
 * {@code ArazzoClient.builder().messageTransport(transport)}. Implementations are thread-safe; one serves every
 * run of a client.
 *
 * <p>Failures (a broker that cannot be reached, a payload it refuses) complete the futures exceptionally; the step
 * fails and its failure actions decide. Neither method blocks the calling thread.
 */
public interface MessageTransport {

    /**
     * Publishes a message. The send step completes when the future does: when the message was handed to the
     * broker (Arazzo does not model delivery).
     *
     * @param message the message; its timestamp is the sender's clock
     * @return a future completed once the message is sent
     */
    CompletableFuture<Void> send(Message message);

    /**
     * Subscribes and waits for the first message the subscription accepts. The future completes with it, or
     * exceptionally with a {@link java.util.concurrent.TimeoutException} once {@link Subscription#timeout()} has
     * passed; cancelling it ends the subscription, and the transport then releases what it held for it.
     *
     * @param subscription what to wait for
     * @return a future of the first accepted message
     */
    CompletableFuture<Message> receive(Subscription subscription);
}
