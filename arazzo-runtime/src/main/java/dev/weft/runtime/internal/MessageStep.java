package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.runtime.messaging.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What an AsyncAPI step of generated code does, built by its request method: send a message (headers from its
 * {@code in: header} parameters, payload from its {@code requestBody}) or receive the first message whose
 * correlation id matches, within the step's timeout. Not thread-safe; one per visit of a step.
 */
public final class MessageStep {

    /** Whether the step sends or receives. */
    public enum Action {
        SEND,
        RECEIVE
    }

    private final String stepId;
    private final String sourceName;
    private final String operationId;
    private final String channel;
    private final Action action;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private JsonNode payload;
    private String correlationId;
    private String correlationHeader;
    private String correlationPointer;
    private Duration timeout;

    private MessageStep(String stepId, String sourceName, String operationId, String channel, Action action) {
        this.stepId = Objects.requireNonNull(stepId, "stepId");
        this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
        this.operationId = operationId;
        this.channel = Objects.requireNonNull(channel, "channel");
        this.action = action;
    }

    /**
     * A send step.
     *
     * @param stepId the step
     * @param sourceName the AsyncAPI source description
     * @param operationId the AsyncAPI operation, or {@code null} for a step by {@code channelPath}
     * @param channel the channel's address
     * @return the step
     */
    public static MessageStep send(String stepId, String sourceName, String operationId, String channel) {
        return new MessageStep(stepId, sourceName, operationId, channel, Action.SEND);
    }

    /**
     * A receive step.
     *
     * @param stepId the step
     * @param sourceName the AsyncAPI source description
     * @param operationId the AsyncAPI operation, or {@code null} for a step by {@code channelPath}
     * @param channel the channel's address
     * @return the step
     */
    public static MessageStep receive(String stepId, String sourceName, String operationId, String channel) {
        return new MessageStep(stepId, sourceName, operationId, channel, Action.RECEIVE);
    }

    /**
     * Adds a header of the message sent.
     *
     * @param name the name
     * @param value the value; absent fails the step before anything is sent
     * @return this step
     */
    public MessageStep header(String name, JsonNode value) {
        headers.put(name, required(value, "header '" + name + "'"));
        return this;
    }

    /**
     * Sets the payload of the message sent.
     *
     * @param value the payload, or {@code null} for none
     * @return this step
     */
    public MessageStep payload(JsonNode value) {
        this.payload = value;
        return this;
    }

    /**
     * Receives only a message whose header {@code name} (the AsyncAPI message's {@code correlationId} location
     * {@code $message.header#/name}) equals the correlation id.
     *
     * @param name the header
     * @param value the correlation id; absent fails the step before it subscribes
     * @return this step
     */
    public MessageStep correlateHeader(String name, JsonNode value) {
        this.correlationHeader = name;
        this.correlationId = required(value, "correlationId");
        return this;
    }

    /**
     * Receives only a message whose payload at {@code pointer} (the location {@code $message.payload#/...})
     * equals the correlation id, compared as text.
     *
     * @param pointer the JSON pointer into the payload
     * @param value the correlation id; absent fails the step before it subscribes
     * @return this step
     */
    public MessageStep correlatePayload(String pointer, JsonNode value) {
        this.correlationPointer = pointer;
        this.correlationId = required(value, "correlationId");
        return this;
    }

    /**
     * Sets how long a receive waits (the step's {@code timeout}); without it, the client's receive timeout.
     *
     * @param millis milliseconds, positive
     * @return this step
     */
    public MessageStep timeoutMillis(long millis) {
        this.timeout = Duration.ofMillis(millis);
        return this;
    }

    String stepId() {
        return stepId;
    }

    String sourceName() {
        return sourceName;
    }

    String operationId() {
        return operationId;
    }

    String channel() {
        return channel;
    }

    Action action() {
        return action;
    }

    Duration timeout() {
        return timeout;
    }

    boolean correlated() {
        return correlationId != null;
    }

    /** The message a send step publishes, stamped {@code now}. */
    Message message(Instant now) {
        return new Message(channel, headers, payload, now);
    }

    /** Which messages a receive accepts: those with the correlation id, or any without one. */
    Predicate<Message> filter() {
        if (correlationId == null) {
            return m -> true;
        }
        String expected = correlationId;
        if (correlationHeader != null) {
            String header = correlationHeader;
            return m -> m.header(header).map(expected::equals).orElse(false);
        }
        String pointer = correlationPointer;
        return m -> expected.equals(Values.text(Values.at(m.payload(), pointer)));
    }

    private String required(JsonNode value, String what) {
        String text = Values.text(value);
        if (text == null) {
            throw new AbsentValueException(what + " of step '" + stepId + "'");
        }
        return text;
    }
}
