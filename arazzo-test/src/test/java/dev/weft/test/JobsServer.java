package dev.weft.test;

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
 * A real jobs API on 127.0.0.1 for the recording tests: {@code POST /jobs} creates a job, {@code GET /jobs/{id}} says
 * {@code running} twice, then {@code done}. It echoes the caller's credential back, in the body and in a cookie, as
 * careless servers do, so that a recording has secrets to mask.
 */
final class JobsServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger polls = new AtomicInteger();
    private final List<String> received = new CopyOnWriteArrayList<>();

    JobsServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/jobs", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return the requests received, {@code METHOD path}, in order */
    List<String> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        String key = auth.startsWith("Bearer ") ? auth.substring(7) : auth;
        String path = exchange.getRequestURI().getPath();
        received.add(exchange.getRequestMethod() + " " + path);
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Set-Cookie", "session=" + key);
        exchange.getResponseHeaders().add("X-Echo", "caller " + key);
        if (exchange.getRequestMethod().equals("POST")) {
            reply(exchange, 201, "{\"id\":\"job-1\",\"owner\":\"" + key + "\"}");
        } else if (polls.incrementAndGet() < 3) {
            reply(exchange, 200, "{\"status\":\"running\"}");
        } else {
            reply(exchange, 200, "{\"status\":\"done\",\"result\":\"" + path + ".png\",\"by\":\"" + key + "\"}");
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
