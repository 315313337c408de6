package dev.weft.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A running MCP server that serves {@link WorkflowTools}, over stdio or streamable HTTP, with cancellable calls:
 * what {@code weft mcp} runs, and the shortest way for an application to serve its generated workflows.
 *
 * <pre>{@code
 * try (WorkflowMcpServer server = WorkflowMcpServer.http(tools, "civitai", "127.0.0.1", 8080)) {
 *     server.awaitClosed();
 * }
 * }</pre>
 */
public final class WorkflowMcpServer implements AutoCloseable {

    /** The path of the streamable HTTP endpoint. */
    public static final String ENDPOINT = "/mcp";

    private final McpAsyncServer server;
    private final McpHttpServer http;
    private final CountDownLatch closed;

    private WorkflowMcpServer(McpAsyncServer server, McpHttpServer http, CountDownLatch closed) {
        this.server = server;
        this.http = http;
        this.closed = closed;
    }

    /**
     * Serves the tools on this process's standard input and output; log to standard error only.
     *
     * @param tools the tools
     * @param name the server's name, as {@code initialize} reports it
     * @return the server, running until the client closes the input
     */
    public static WorkflowMcpServer stdio(WorkflowTools tools, String name) {
        return stdio(tools, name, System.in, System.out);
    }

    /**
     * Serves the tools on the given streams, one JSON-RPC message per line.
     *
     * @param tools the tools
     * @param name the server's name
     * @param in where the client's messages arrive
     * @param out where the server's messages go
     * @return the server, running until {@code in} ends
     */
    public static WorkflowMcpServer stdio(WorkflowTools tools, String name, InputStream in, OutputStream out) {
        CountDownLatch closed = new CountDownLatch(1);
        McpServerTransportProvider transport = CancellableTransports.of(
                new StdioServerTransportProvider(McpJsonDefaults.getMapper(), in, out), closed::countDown);
        return new WorkflowMcpServer(server(McpServer.async(transport), tools, name), null, closed);
    }

    /**
     * Serves the tools over streamable HTTP at {@code http://host:port/mcp}.
     *
     * @param tools the tools
     * @param name the server's name
     * @param host the address to listen on, e.g. {@code 127.0.0.1} (the server checks no credentials: keep it
     *     on the loopback unless something in front of it does)
     * @param port the port, 0 for any free one
     * @return the server, running until {@link #close()}
     */
    public static WorkflowMcpServer http(WorkflowTools tools, String name, String host, int port) {
        CancellableTransports.HttpEndpoint endpoint =
                CancellableTransports.http(HttpServletStreamableServerTransportProvider.builder()
                        .jsonMapper(McpJsonDefaults.getMapper())
                        .mcpEndpoint(ENDPOINT));
        McpAsyncServer server = server(McpServer.async(endpoint.provider()), tools, name);
        try {
            McpHttpServer http = McpHttpServer.start(host, port, ENDPOINT, endpoint.servlet());
            return new WorkflowMcpServer(server, http, new CountDownLatch(1));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static McpAsyncServer server(McpServer.AsyncSpecification<?> spec, WorkflowTools tools, String name) {
        Objects.requireNonNull(tools, "tools");
        return spec.serverInfo(Objects.requireNonNull(name, "name"), version())
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools.specifications())
                .build();
    }

    private static String version() {
        String version = WorkflowMcpServer.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** @return the endpoint's URL for an HTTP server, e.g. {@code http://127.0.0.1:8080/mcp} */
    public Optional<URI> url() {
        return http == null ? Optional.empty() : Optional.of(http.url());
    }

    /**
     * Waits until the server ends: for stdio, until the client closes the input; for HTTP, until {@link #close()}.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Stops the server; calls in progress are cancelled. */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            if (http != null) {
                http.close();
            }
            closed.countDown();
        }
    }
}
