package dev.weft.compiler.read;

import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.model.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Weft reads of an AsyncAPI 3.0 description (Arazzo 1.1 AsyncAPI steps): its channels with their addresses
 * and messages, and its operations with their action, channel and reply; every local {@code $ref} followed.
 *
 * @param file the description's file
 * @param channels channel keys (as under {@code channels}) to channels, in document order
 * @param operations operationIds (the keys under {@code operations}) to operations, in document order
 */
public record AsyncApiDescription(Path file, Map<String, Channel> channels, Map<String, Operation> operations) {

    public AsyncApiDescription {
        channels = Collections.unmodifiableMap(new LinkedHashMap<>(channels));
        operations = Collections.unmodifiableMap(new LinkedHashMap<>(operations));
    }

    /**
     * A channel.
     *
     * @param key its key under {@code channels}
     * @param address its address (a Kafka topic): the {@code address} field, else the key
     * @param messages message keys to messages, in document order
     */
    public record Channel(String key, String address, Map<String, MessageDef> messages, Location location) {
        private static final Pattern PARAMETER = Pattern.compile("\\{([^{}]*)}");

        public Channel {
            messages = Collections.unmodifiableMap(new LinkedHashMap<>(messages));
        }

        /** The names of the address's parameters ({@code orders.{region}}), in order; none for a fixed one. */
        public List<String> parameters() {
            return parameters(address);
        }

        /** The names of the parameters of an address, in order. */
        public static List<String> parameters(String address) {
            List<String> names = new ArrayList<>();
            Matcher m = PARAMETER.matcher(address);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }
    }

    /**
     * A message a channel carries.
     *
     * @param payload the payload's schema (JSON Schema, local {@code $ref}s left for the reader of schemas), or null
     * @param correlationLocation the {@code correlationId.location} runtime expression, or null
     */
    public record MessageDef(String name, Node payload, String correlationLocation, Location location) {}

    /**
     * An operation.
     *
     * @param action {@code send} or {@code receive}, from the described application's side
     * @param channel the channel it sends or receives on
     * @param messages the messages it names, else its channel's
     * @param reply the channel its reply comes on, or null
     * @param replyMessages the reply's messages, else its channel's
     */
    public record Operation(
            String id,
            String action,
            Channel channel,
            List<MessageDef> messages,
            Channel reply,
            List<MessageDef> replyMessages,
            Location location) {
        public Operation {
            messages = List.copyOf(messages);
            replyMessages = List.copyOf(replyMessages);
        }
    }

    public Optional<Operation> operation(String id) {
        return Optional.ofNullable(operations.get(id));
    }

    /** The channel a {@code #/channels/<key>} pointer names. */
    public Optional<Channel> channelAt(String pointer) {
        String prefix = "/channels/";
        if (!pointer.startsWith(prefix)) {
            return Optional.empty();
        }
        String key = pointer.substring(prefix.length()).replace("~1", "/").replace("~0", "~");
        return Optional.ofNullable(channels.get(key));
    }
}
