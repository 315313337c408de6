package dev.weft.runtime.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A real HTTP server on 127.0.0.1 and an ephemeral port, for tests, that records what it receives. */
public final class LocalServer implements AutoCloseable {

    /** A request as received. */
    public record Received(String method, URI uri, Headers headers, byte[] body) {

        /** @return the body as UTF-8 text */
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A reply; {@code chunked} sends the body without a Content-Length. */
    public record Reply(int status, Map<String, String> headers, byte[] body, boolean chunked) {

        /** @return a JSON reply */
        public static Reply json(int status, String json) {
            return new Reply(status, Map.of("Content-Type", "application/json"), bytes(json), false);
        }

        /** @return a reply with one content type */
        public static Reply of(int status, String contentType, String text) {
            return new Reply(
                    status, contentType == null ? Map.of() : Map.of("Content-Type", contentType), bytes(text), false);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private LocalServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.start();
    }

    /** @return a started server with no routes */
    public static LocalServer start() {
        return new LocalServer();
    }

    /** Routes requests under a path to a handler. */
    public LocalServer on(String path, Function<Received, Reply> handler) {
        server.createContext(path, exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Received r = new Received(
                    exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders(), body);
            received.add(r);
            Reply reply = handler.apply(r);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            long length = reply.chunked() ? 0 : reply.body().length == 0 ? -1 : reply.body().length;
            exchange.sendResponseHeaders(reply.status(), length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            } catch (IOException e) {
                // the client may hang up on an oversized body
            }
            exchange.close();
        });
        return this;
    }

    /** @return {@code http://127.0.0.1:port} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return the requests received so far */
    public List<Received> received() {
        return received;
    }

    /** @return the last request received */
    public Received last() {
        return received.get(received.size() - 1);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** @return a URL on which nothing listens */
    public static String refusedUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return UTF-8 bytes */
    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
