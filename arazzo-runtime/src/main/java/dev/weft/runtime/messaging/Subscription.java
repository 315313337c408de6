package dev.weft.runtime.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a receive waits for: the first message on {@code channel} that {@code filter} accepts, published at or after
 * {@code since} (so that a reply published before the receiving step subscribed is not missed), within
 * {@code timeout}.
 *
 * @param stepId the receiving step, for a transport's logs and consumer names
 * @param channel the channel's address
 * @param since the earliest publication time considered: the start of the run
 * @param timeout how long to wait, positive
 * @param filter which messages count (the correlation id); never throws
 */
public record Subscription(String stepId, String channel, Instant since, Duration timeout, Predicate<Message> filter) {

    /** Checks the components. */
    public Subscription {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(filter, "filter");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    /**
     * Whether a message is one this subscription waits for.
     *
     * @param message a message on the channel
     * @return whether it was published since {@link #since()} and the filter accepts it
     */
    public boolean accepts(Message message) {
        return message.channel().equals(channel) && !message.timestamp().isBefore(since) && filter.test(message);
    }
}
