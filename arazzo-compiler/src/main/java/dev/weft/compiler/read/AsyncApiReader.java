package dev.weft.compiler.read;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.model.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an AsyncAPI 3.0 description into an {@link AsyncApiDescription}: a small reader of our own over the
 * document's node tree (no AsyncAPI parser on Maven Central is both maintained and light: the JVM ones bind
 * without source locations and bring Kotlin), with the bounds of every read file (size, depth, aliases) and
 * {@code $ref}s followed within the document only, at most {@value #MAX_REF_HOPS} in a row. What does not fit
 * the 3.0 shapes Weft uses is a {@code malformed-asyncapi} diagnostic at its line, never an exception.
 */
public final class AsyncApiReader {
    static final int MAX_REF_HOPS = 16;

    private final Diagnostics diagnostics;
    private Node root;
    private Path file;

    public AsyncApiReader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Reads and binds a file; empty when it cannot be read or is no AsyncAPI 3.x document. */
    public Optional<AsyncApiDescription> read(Path file, Location referencedFrom) {
        return new NodeReader(diagnostics).read(file, referencedFrom).flatMap(node -> bind(file, node));
    }

    /** Binds a node tree read from {@code file}. */
    public Optional<AsyncApiDescription> bind(Path file, Node node) {
        this.file = file;
        this.root = node;
        if (!(node instanceof Node.MapNode map)) {
            malformed(node.location(), "the document is not an object");
            return Optional.empty();
        }
        Node version = map.get("asyncapi");
        if (!(version instanceof Node.StringNode v) || !v.value().startsWith("3.")) {
            malformed(
                    version == null ? map.location() : version.location(),
                    "'asyncapi' must be a 3.x version such as \"3.0.0\" (Weft reads AsyncAPI 3)");
            return Optional.empty();
        }
        Map<String, AsyncApiDescription.Channel> channels = new LinkedHashMap<>();
        if (map.get("channels") instanceof Node.MapNode declared) {
            for (Node.Entry e : declared.entries().values()) {
                channel(e.key(), e.value()).ifPresent(c -> channels.put(e.key(), c));
            }
        }
        Map<String, AsyncApiDescription.Operation> operations = new LinkedHashMap<>();
        if (map.get("operations") instanceof Node.MapNode declared) {
            for (Node.Entry e : declared.entries().values()) {
                operation(e.key(), e.value(), channels).ifPresent(o -> operations.put(e.key(), o));
            }
        }
        return Optional.of(new AsyncApiDescription(file, channels, operations));
    }

    private Optional<AsyncApiDescription.Channel> channel(String key, Node declared) {
        Node node = deref(declared);
        if (!(node instanceof Node.MapNode map)) {
            if (node != null) {
                malformed(declared.location(), "channel '" + key + "' is not an object");
            }
            return Optional.empty();
        }
        String address = key;
        Node rawAddress = map.get("address");
        if (rawAddress instanceof Node.StringNode s) {
            address = s.value();
            // AsyncAPI 3: each '{name}' of an address is a key of the channel's 'parameters'
            Node declaredParameters = map.get("parameters");
            for (String name : AsyncApiDescription.Channel.parameters(address)) {
                if (!(declaredParameters instanceof Node.MapNode p) || p.get(name) == null) {
                    malformed(
                            s.location(),
                            "address parameter '" + name + "' of channel '" + key + "' is not in its 'parameters'");
                    return Optional.empty();
                }
            }
        } else if (rawAddress != null && !(rawAddress instanceof Node.NullNode)) {
            malformed(rawAddress.location(), "the address of channel '" + key + "' must be a string");
            return Optional.empty();
        }
        Map<String, AsyncApiDescription.MessageDef> messages = new LinkedHashMap<>();
        if (map.get("messages") instanceof Node.MapNode declaredMessages) {
            for (Node.Entry e : declaredMessages.entries().values()) {
                message(e.key(), e.value()).ifPresent(m -> messages.put(e.key(), m));
            }
        }
        return Optional.of(new AsyncApiDescription.Channel(key, address, messages, declared.location()));
    }

    private Optional<AsyncApiDescription.MessageDef> message(String name, Node declared) {
        Node node = deref(declared);
        if (!(node instanceof Node.MapNode map)) {
            if (node != null) {
                malformed(declared.location(), "message '" + name + "' is not an object");
            }
            return Optional.empty();
        }
        String location = null;
        Node correlation = deref(map.get("correlationId"));
        if (correlation instanceof Node.MapNode c) {
            if (c.get("location") instanceof Node.StringNode s) {
                location = s.value();
            } else {
                malformed(c.location(), "the correlationId of message '" + name + "' has no 'location' string");
            }
        }
        Node payload = map.get("payload");
        return Optional.of(new AsyncApiDescription.MessageDef(name, payload, location, declared.location()));
    }

    private Optional<AsyncApiDescription.Operation> operation(
            String id, Node declared, Map<String, AsyncApiDescription.Channel> channels) {
        Node node = deref(declared);
        if (!(node instanceof Node.MapNode map)) {
            if (node != null) {
                malformed(declared.location(), "operation '" + id + "' is not an object");
            }
            return Optional.empty();
        }
        Node action = map.get("action");
        if (!(action instanceof Node.StringNode a)
                || !(a.value().equals("send") || a.value().equals("receive"))) {
            malformed(
                    action == null ? map.location() : action.location(),
                    "operation '" + id + "' needs 'action: send' or 'action: receive'");
            return Optional.empty();
        }
        AsyncApiDescription.Channel channel = channelRef(map.get("channel"), channels, "operation '" + id + "'");
        if (channel == null) {
            return Optional.empty();
        }
        List<AsyncApiDescription.MessageDef> messages = messageRefs(map.get("messages"), channel);
        AsyncApiDescription.Channel reply = null;
        List<AsyncApiDescription.MessageDef> replyMessages = List.of();
        if (deref(map.get("reply")) instanceof Node.MapNode r) {
            reply = r.get("channel") == null
                    ? channel
                    : channelRef(r.get("channel"), channels, "the reply of operation '" + id + "'");
            if (reply != null) {
                replyMessages = messageRefs(r.get("messages"), reply);
            }
        }
        return Optional.of(new AsyncApiDescription.Operation(
                id, a.value(), channel, messages, reply, replyMessages, declared.location()));
    }

    private AsyncApiDescription.Channel channelRef(
            Node raw, Map<String, AsyncApiDescription.Channel> channels, String owner) {
        String ref = raw instanceof Node.MapNode m && m.get("$ref") instanceof Node.StringNode s ? s.value() : null;
        if (ref == null || !ref.startsWith("#/channels/")) {
            malformed(
                    raw == null ? Location.startOf(file) : raw.location(),
                    owner + " needs 'channel' with a '$ref' to '#/channels/<name>'");
            return null;
        }
        String key = unescape(ref.substring("#/channels/".length()));
        AsyncApiDescription.Channel channel = channels.get(key);
        if (channel == null) {
            malformed(raw.location(), owner + " refers to channel '" + key + "', which is not declared");
        }
        return channel;
    }

    /** The messages an operation lists ({@code $ref}s into its channel's messages), else all its channel's. */
    private List<AsyncApiDescription.MessageDef> messageRefs(Node raw, AsyncApiDescription.Channel channel) {
        if (!(raw instanceof Node.ListNode list) || list.items().isEmpty()) {
            return List.copyOf(channel.messages().values());
        }
        List<AsyncApiDescription.MessageDef> found = new ArrayList<>();
        for (Node item : list.items()) {
            String ref =
                    item instanceof Node.MapNode m && m.get("$ref") instanceof Node.StringNode s ? s.value() : null;
            int at = ref == null ? -1 : ref.lastIndexOf("/messages/");
            AsyncApiDescription.MessageDef message =
                    at < 0 ? null : channel.messages().get(unescape(ref.substring(at + "/messages/".length())));
            if (message == null) {
                malformed(
                        item.location(),
                        "an operation message must be a '$ref' to a message of channel '" + channel.key() + "'");
            } else {
                found.add(message);
            }
        }
        return found;
    }

    /** Follows local {@code $ref}s; null (reported) for one that leads nowhere. */
    private Node deref(Node node) {
        Node current = node;
        for (int hops = 0; hops <= MAX_REF_HOPS; hops++) {
            if (!(current instanceof Node.MapNode m) || !(m.get("$ref") instanceof Node.StringNode ref)) {
                return current;
            }
            if (!ref.value().startsWith("#/")) {
                malformed(
                        ref.location(),
                        "'$ref' '" + ref.value() + "' leaves the document; Weft follows local"
                                + " references only (bundle the description into one file)");
                return null;
            }
            Node target = root;
            for (String token : ref.value().substring(2).split("/", -1)) {
                target = target instanceof Node.MapNode t ? t.get(unescape(token)) : null;
            }
            if (target == null) {
                malformed(ref.location(), "'$ref' '" + ref.value() + "' points at nothing");
                return null;
            }
            current = target;
        }
        malformed(node.location(), "more than " + MAX_REF_HOPS + " '$ref's in a row (a cycle?)");
        return null;
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    private void malformed(Location at, String reason) {
        diagnostics.report(Message.MALFORMED_ASYNCAPI, at, file.getFileName().toString(), reason);
    }
}
