package dev.weft.compiler.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API of {@code cli/tasks.openapi.yaml} on 127.0.0.1: the first create is refused as busy (503), a task is
 * pending on its first read and done on the next, and every answer echoes the request's credential, as a careless
 * server would, so that the tests see it masked.
 */
final class TasksServer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger creates = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private TasksServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static TasksServer start() {
        try {
            return new TasksServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The requests received, as {@code METHOD /path Authorization}. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        requests.add(method + " " + path + " " + auth);
        exchange.getRequestBody().readAllBytes();
        String echo = auth == null ? "" : auth;
        if (method.equals("POST") && path.equals("/tasks")) {
            if (creates.incrementAndGet() == 1) {
                exchange.getResponseHeaders().add("Retry-After", "0");
                answer(exchange, 503, "{\"error\":\"busy\",\"seen\":\"" + echo + "\"}");
            } else {
                answer(exchange, 201, "{\"id\":\"t-1\",\"seen\":\"" + echo + "\"}");
            }
        } else if (method.equals("GET") && path.equals("/tasks/t-1")) {
            String state = reads.incrementAndGet() == 1 ? "pending" : "done";
            answer(exchange, 200, "{\"id\":\"t-1\",\"state\":\"" + state + "\",\"echo\":\"" + echo + "\"}");
        } else if (path.equals("/broken")) {
            answer(exchange, 500, "{\"error\":\"broken\"}");
        } else {
            answer(exchange, 404, "{}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
