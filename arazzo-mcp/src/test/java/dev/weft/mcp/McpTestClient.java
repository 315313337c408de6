package dev.weft.mcp;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The SDK's own async MCP client over a recording transport, with the progress notifications it received: what the
 * end-to-end tests drive a server with, over stdio or HTTP.
 */
public final class McpTestClient implements AutoCloseable {
    /** Long enough for a stdio server that compiles its documents first, on a busy machine. */
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final RecordingTransport transport;
    private final McpAsyncClient client;
    private final List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();

    private McpTestClient(McpClientTransport transport) {
        this.transport = new RecordingTransport(transport);
        this.client = McpClient.async(this.transport)
                .requestTimeout(WAIT)
                .initializationTimeout(WAIT)
                .progressConsumer(notification -> {
                    progress.add(notification);
                    return Mono.empty();
                })
                .build();
    }

    /**
     * Connects and initializes.
     *
     * @param transport the SDK transport to the server
     * @return the client
     */
    public static McpTestClient connect(McpClientTransport transport) {
        McpTestClient test = new McpTestClient(transport);
        test.client.initialize().block(WAIT);
        return test;
    }

    /** @return the server's tools */
    public List<McpSchema.Tool> tools() {
        return Objects.requireNonNull(client.listTools().block(WAIT)).tools();
    }

    /** @return the tool of that name */
    public McpSchema.Tool tool(String name) {
        return tools().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no tool " + name + " in " + tools()));
    }

    /** Calls a tool and waits for its result. */
    public McpSchema.CallToolResult call(String tool, Map<String, Object> arguments, String progressToken) {
        return client.callTool(request(tool, arguments, progressToken)).block(WAIT);
    }

    /**
     * Starts a call without waiting.
     *
     * @return the future result, and the subscription to drop when cancelling
     */
    public Started start(String tool, Map<String, Object> arguments, String progressToken) {
        CompletableFuture<McpSchema.CallToolResult> result = new CompletableFuture<>();
        Disposable call = client.callTool(request(tool, arguments, progressToken))
                .subscribe(result::complete, result::completeExceptionally);
        return new Started(result, call);
    }

    /** A call in progress. */
    public record Started(CompletableFuture<McpSchema.CallToolResult> result, Disposable subscription) {}

    /** Cancels the last call of a tool the MCP way: {@code notifications/cancelled}, then forgets it. */
    public void cancel(String tool, Started started) {
        transport.cancel(transport.lastCallId(tool));
        started.subscription().dispose();
    }

    /** @return the progress notifications received for a token, in order */
    public List<McpSchema.ProgressNotification> progress(String token) {
        return progress.stream().filter(p -> token.equals(p.progressToken())).toList();
    }

    /** @return every JSON-RPC message exchanged, as JSON text */
    public List<String> messages() {
        return transport.messages();
    }

    private static McpSchema.CallToolRequest request(String tool, Map<String, Object> arguments, String token) {
        McpSchema.CallToolRequest.Builder request =
                McpSchema.CallToolRequest.builder(tool).arguments(arguments);
        return token == null ? request.build() : request.progressToken(token).build();
    }

    @Override
    public void close() {
        client.closeGracefully().block(WAIT);
    }
}
