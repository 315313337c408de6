package dev.weft.checks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A fake pets API on 127.0.0.1 that answers {@code GET /api/pets/{petId}} by the pet id: {@code good} as the
 * fixtures describe it, and one way each of breaking them.
 */
final class PetsServer implements AutoCloseable {

    /** A secret of the runs, which one bad body names as a property: messages must mask it. */
    static final String SECRET = "tok-5ecr3t-v4lue";

    static final String GOOD_CAT = "{\"petType\":\"cat\",\"name\":\"Tom\",\"lives\":9,\"status\":\"available\"}";

    /** One reply. */
    record Reply(int status, String contentType, String body, Map<String, String> headers) {}

    /** The replies by pet id; every reply that should carry the required X-Request-Id does. */
    static final Map<String, Reply> REPLIES = Map.of(
            "good", new Reply(200, "application/json", GOOD_CAT, Map.of("X-Request-Id", "req-1")),
            "teapot", new Reply(418, "application/json", "{\"title\":\"teapot\"}", Map.of("X-Request-Id", "req-2")),
            "html",
                    new Reply(
                            200,
                            "text/html; charset=utf-8",
                            "<html><body>Tom</body></html>",
                            Map.of("X-Request-Id", "req-3")),
            "bad",
                    new Reply(
                            200,
                            "application/json",
                            "{\"petType\":\"cat\",\"name\":\"Tom\",\"lives\":\"nine\",\"" + SECRET + "\":1}",
                            Map.of("X-Request-Id", "req-4")),
            "noheader", new Reply(200, "application/json", GOOD_CAT, Map.of()),
            "missing",
                    new Reply(
                            404,
                            "application/problem+json",
                            "{\"title\":\"no such pet\",\"status\":404}",
                            Map.of("X-Request-Id", "req-5")));

    private final HttpServer server;

    PetsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/pets/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/api/pets/".length());
            Reply reply = REPLIES.get(id);
            if (reply == null) {
                reply = REPLIES.get("missing");
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().put("Content-Type", List.of(reply.contentType()));
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().put(k, List.of(v)));
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:40123/api} */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
