package dev.weft.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import jakarta.servlet.http.HttpServlet;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Transports on which a client's {@code notifications/cancelled} cancels the tool call it names, and so the
 * workflow run behind it with its request in flight (the SDK 2.1.0 ignores the notification; see
 * {@link CallTable}). Without them the tools work the same, but a cancelled call runs to its end.
 */
public final class CancellableTransports {

    private CancellableTransports() {}

    /**
     * Wraps a single-session provider; give the result to {@code McpServer.async(...)}.
     *
     * @param provider e.g. {@code new StdioServerTransportProvider(McpJsonDefaults.getMapper())}
     * @return the provider, its session cancelling calls
     */
    public static McpServerTransportProvider of(McpServerTransportProvider provider) {
        return of(provider, () -> {});
    }

    /**
     * Wraps a single-session provider; give the result to {@code McpServer.async(...)}.
     *
     * @param provider e.g. {@code new StdioServerTransportProvider(McpJsonDefaults.getMapper())}
     * @param onSessionClosed run when the session closes (for stdio: the client closed the server's input)
     * @return the provider, its session cancelling calls
     */
    public static McpServerTransportProvider of(McpServerTransportProvider provider, Runnable onSessionClosed) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(onSessionClosed, "onSessionClosed");
        return new McpServerTransportProvider() {
            @Override
            public void setSessionFactory(McpServerSession.Factory factory) {
                provider.setSessionFactory(
                        transport -> new CancellingSession(factory.create(transport), transport, onSessionClosed));
            }

            @Override
            public Mono<Void> notifyClients(String method, Object params) {
                return provider.notifyClients(method, params);
            }

            @Override
            public Mono<Void> notifyClient(String sessionId, String method, Object params) {
                return provider.notifyClient(sessionId, method, params);
            }

            @Override
            public void close() {
                provider.close();
            }

            @Override
            public Mono<Void> closeGracefully() {
                return provider.closeGracefully();
            }

            @Override
            public List<String> protocolVersions() {
                return provider.protocolVersions();
            }
        };
    }

    /**
     * Builds the SDK's streamable HTTP transport with a servlet in front that cancels calls: give
     * {@link HttpEndpoint#provider()} to {@code McpServer.async(...)} and mount {@link HttpEndpoint#servlet()} at
     * the builder's endpoint in your servlet container (instead of the provider, which is a servlet too).
     *
     * @param builder the SDK's builder, configured but for its context extractor, which this sets
     * @return the provider and the servlet
     */
    public static HttpEndpoint http(HttpServletStreamableServerTransportProvider.Builder builder) {
        CallTable calls = new CallTable();
        HttpServletStreamableServerTransportProvider provider = builder.contextExtractor(
                        request -> request.getAttribute(CallTable.SLOT) instanceof CallSlot slot
                                ? CallTable.context(slot)
                                : McpTransportContext.EMPTY)
                .build();
        return new HttpEndpoint(provider, new CancellingServlet(provider, calls));
    }

    /**
     * The two halves of a streamable HTTP transport whose calls can be cancelled.
     *
     * @param provider for {@code McpServer.async(...)}
     * @param servlet for the servlet container, at the provider's endpoint
     */
    public record HttpEndpoint(HttpServletStreamableServerTransportProvider provider, HttpServlet servlet) {}
}
