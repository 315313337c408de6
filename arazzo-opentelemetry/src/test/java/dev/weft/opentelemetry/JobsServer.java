package dev.weft.opentelemetry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real jobs API on 127.0.0.1 for the tracing tests. {@code POST /jobs} is busy (503) the first time, then creates
 * {@code j1}; {@code GET /jobs/j1} says {@code running} twice, then {@code done}; {@code GET /notify} answers 200, or
 * 500 when told to fail. It keeps each request's {@code traceparent}, and echoes the caller's token in its errors.
 */
final class JobsServer implements AutoCloseable {

    /** A request as received: {@code METHOD path}, and its {@code traceparent}. */
    record Received(String request, String traceparent) {}

    private final HttpServer server;
    private final AtomicInteger creates = new AtomicInteger();
    private final AtomicInteger polls = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile boolean notifyFails;

    JobsServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return received;
    }

    void failNotify() {
        notifyFails = true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(
                exchange.getRequestMethod() + " " + path,
                exchange.getRequestHeaders().getFirst("traceparent")));
        exchange.getRequestBody().readAllBytes();
        String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        if (path.equals("/jobs")) {
            if (creates.incrementAndGet() == 1) {
                exchange.getResponseHeaders().add("Retry-After", "0");
                reply(exchange, 503, "{\"error\":\"busy, " + auth + "\"}");
            } else {
                reply(exchange, 201, "{\"id\":\"j1\"}");
            }
        } else if (path.equals("/jobs/j1")) {
            reply(exchange, 200, polls.incrementAndGet() < 3 ? "{\"status\":\"running\"}" : "{\"status\":\"done\"}");
        } else if (path.equals("/notify")) {
            reply(exchange, notifyFails ? 500 : 200, notifyFails ? "{\"error\":\"" + auth + " refused\"}" : "{}");
        } else {
            reply(exchange, 404, "{}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
