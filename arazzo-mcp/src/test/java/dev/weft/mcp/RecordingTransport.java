package dev.weft.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * A client transport that records every JSON-RPC message it carries, both ways, as the JSON text on the wire: the
 * tests look for the API key in all of them, and find the request id of a call to cancel it.
 */
public final class RecordingTransport implements McpClientTransport {

    private final McpClientTransport delegate;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<McpSchema.JSONRPCRequest> sent = new CopyOnWriteArrayList<>();

    public RecordingTransport(McpClientTransport delegate) {
        this.delegate = delegate;
    }

    /** @return every message so far, as JSON text */
    public List<String> messages() {
        return messages;
    }

    /**
     * @param tool a tool's name
     * @return the JSON-RPC id of the last {@code tools/call} of that tool sent
     */
    public Object lastCallId(String tool) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            McpSchema.JSONRPCRequest request = sent.get(i);
            if (request.params() instanceof McpSchema.CallToolRequest call
                    && call.name().equals(tool)) {
                return request.id();
            }
        }
        throw new AssertionError("no call of " + tool + " was sent");
    }

    /** Sends {@code notifications/cancelled} for a request, as MCP's cancellation has a client do. */
    public void cancel(Object requestId) {
        sendMessage(new McpSchema.JSONRPCNotification(
                        McpSchema.JSONRPC_VERSION,
                        "notifications/cancelled",
                        Map.of("requestId", requestId, "reason", "the test cancels")))
                .block();
    }

    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        return delegate.connect(
                incoming -> handler.apply(incoming.doOnNext(this::record)).doOnNext(this::record));
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        record(message);
        if (message instanceof McpSchema.JSONRPCRequest request) {
            sent.add(request);
        }
        return delegate.sendMessage(message);
    }

    private void record(McpSchema.JSONRPCMessage message) {
        try {
            messages.add(McpJsonDefaults.getMapper().writeValueAsString(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void setExceptionHandler(Consumer<Throwable> handler) {
        delegate.setExceptionHandler(handler);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return delegate.closeGracefully();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return delegate.unmarshalFrom(data, typeRef);
    }

    @Override
    public List<String> protocolVersions() {
        return delegate.protocolVersions();
    }
}
