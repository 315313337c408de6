package dev.weft.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tool calls in progress, by session and JSON-RPC request id, so that a client's
 * {@code notifications/cancelled} cancels the call it names (MCP 2025-06-18, "Cancellation").
 *
 * <p>The SDK (2.1.0) neither handles that notification nor shows a tool its request id, so the transports of
 * {@link CancellableTransports} see both on the wire: each {@code tools/call} gets a {@link CallSlot}, which
 * reaches the tool in the request's {@link McpTransportContext} under {@link #SLOT}.
 */
final class CallTable {

    static final String CANCELLED = "notifications/cancelled";
    static final String TOOLS_CALL = "tools/call";

    /** The transport-context key of a tool call's slot. */
    static final String SLOT = CallSlot.class.getName();

    private final Map<String, CallSlot> calls = new ConcurrentHashMap<>();

    /**
     * Opens the slot of a tool call.
     *
     * @param session the session, or {@code ""} for a single-session transport
     * @param requestId the request's JSON-RPC id
     * @return the slot
     */
    CallSlot open(String session, Object requestId) {
        CallSlot slot = new CallSlot();
        calls.put(key(session, requestId), slot);
        return slot;
    }

    /** Forgets a call once it is answered. */
    void close(String session, Object requestId, CallSlot slot) {
        calls.remove(key(session, requestId), slot);
    }

    /**
     * Cancels the call a {@code notifications/cancelled} names; an unknown or finished one is ignored, as the
     * specification asks.
     *
     * @param session the session
     * @param params the notification's params
     */
    void cancel(String session, Object params) {
        if (params instanceof Map<?, ?> map && map.get("requestId") != null) {
            CallSlot slot = calls.get(key(session, map.get("requestId")));
            if (slot != null) {
                slot.cancel();
            }
        }
    }

    /** Cancels every call of a session: it is closing. */
    void cancelAll(String session) {
        String prefix = session.length() + ":" + session;
        calls.forEach((key, slot) -> {
            if (key.startsWith(prefix)) {
                slot.cancel();
            }
        });
    }

    /** The transport context that hands a slot to the tool. */
    static McpTransportContext context(CallSlot slot) {
        return McpTransportContext.create(Map.of(SLOT, slot));
    }

    /** The slot of the call an exchange belongs to, when a cancellable transport opened one. */
    static Optional<CallSlot> slot(McpAsyncServerExchange exchange) {
        McpTransportContext context = exchange.transportContext();
        return context != null && context.get(SLOT) instanceof CallSlot slot ? Optional.of(slot) : Optional.empty();
    }

    /** A key: the session, then the id; JSON-RPC ids are strings or numbers, and 7 and "7" are different ids. */
    private static String key(String session, Object id) {
        String request = id instanceof Number number
                ? "n" + new BigDecimal(number.toString()).stripTrailingZeros().toPlainString()
                : "s" + id;
        return session.length() + ":" + session + request;
    }
}
