package dev.weft.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import java.time.Duration;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * A session of a single-connection transport (stdio) that handles {@code notifications/cancelled} itself and
 * passes everything else to the SDK's session; see {@link CallTable}.
 *
 * <p>It extends {@link McpServerSession} only because the transports take that class; every public method
 * delegates to the SDK's own session, which keeps all state.
 */
final class CancellingSession extends McpServerSession {

    private static final String ONLY = "";

    private final McpServerSession delegate;
    private final CallTable calls = new CallTable();
    private final Runnable onClose;

    CancellingSession(McpServerSession delegate, McpServerTransport transport, Runnable onClose) {
        super(
                delegate.getId(),
                Duration.ofSeconds(10),
                transport,
                request -> Mono.error(new IllegalStateException("handled by the delegate session")),
                Map.of(),
                Map.of());
        this.delegate = delegate;
        this.onClose = onClose;
    }

    @Override
    public Mono<Void> handle(McpSchema.JSONRPCMessage message) {
        if (message instanceof McpSchema.JSONRPCNotification notification
                && CallTable.CANCELLED.equals(notification.method())) {
            calls.cancel(ONLY, notification.params());
            return Mono.empty();
        }
        if (message instanceof McpSchema.JSONRPCRequest request
                && CallTable.TOOLS_CALL.equals(request.method())
                && request.id() != null) {
            CallSlot slot = calls.open(ONLY, request.id());
            return delegate.handle(message)
                    .contextWrite(context -> context.put(McpTransportContext.KEY, CallTable.context(slot)))
                    .doFinally(signal -> calls.close(ONLY, request.id(), slot));
        }
        return delegate.handle(message);
    }

    @Override
    public String getId() {
        return delegate.getId();
    }

    @Override
    public void init(McpSchema.ClientCapabilities clientCapabilities, McpSchema.Implementation clientInfo) {
        delegate.init(clientCapabilities, clientInfo);
    }

    @Override
    public void setMinLoggingLevel(McpSchema.LoggingLevel minLoggingLevel) {
        delegate.setMinLoggingLevel(minLoggingLevel);
    }

    @Override
    public boolean isNotificationForLevelAllowed(McpSchema.LoggingLevel loggingLevel) {
        return delegate.isNotificationForLevelAllowed(loggingLevel);
    }

    @Override
    public <T> Mono<T> sendRequest(String method, Object requestParams, TypeRef<T> typeRef) {
        return delegate.sendRequest(method, requestParams, typeRef);
    }

    @Override
    public Mono<Void> sendNotification(String method, Object params) {
        return delegate.sendNotification(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        calls.cancelAll(ONLY);
        return delegate.closeGracefully().doFinally(signal -> onClose.run());
    }

    @Override
    public void close() {
        calls.cancelAll(ONLY);
        try {
            delegate.close();
        } finally {
            onClose.run();
        }
    }
}
