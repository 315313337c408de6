package dev.weft.runtime.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A message on a channel, sent or received: {@code $message.payload} and {@code $message.header.<name>} read it.
 *
 * @param channel the channel's address (a Kafka topic, say)
 * @param headers header names to values, in the order given; names compare case-insensitively on lookup
 * @param payload the payload: a JSON tree, a text node for a payload that is not JSON, or {@code null} for none
 * @param timestamp when the message was published, as the broker or sender stamped it
 */
public record Message(String channel, Map<String, String> headers, JsonNode payload, Instant timestamp) {

    /** Checks and copies the components. */
    public Message {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(timestamp, "timestamp");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
    }

    /**
     * Looks up a header.
     *
     * @param name the name, case-insensitive
     * @return the value, if present
     */
    public Optional<String> header(String name) {
        String exact = headers.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return headers.entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(lower))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** Describes the message by channel and header names only: headers and payloads may hold secrets. */
    @Override
    public String toString() {
        return "Message[" + channel + ", headers=" + headers.keySet() + "]";
    }
}
