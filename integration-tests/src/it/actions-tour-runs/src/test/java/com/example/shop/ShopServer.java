package com.example.shop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small shop on 127.0.0.1 that answers like the tour's OpenAPI description, and records every request. */
final class ShopServer implements AutoCloseable {
    private static final Pattern ORDER = Pattern.compile("/orders/([^/]+)(/invoice|/ship)?");

    /** One request as the server saw it. */
    record Seen(String method, String path, String query, String authorization, String trace, String body) {}

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, String> items = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> invoiceCalls = new ConcurrentHashMap<>();
    private final Map<String, Boolean> readSinceShip = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    ShopServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Seen> seen() {
        return seen;
    }

    /** An order placed directly, for tests that start from an existing order. */
    String seed(String item) {
        String id = "o-" + ids.incrementAndGet();
        items.put(id, item);
        return id;
    }

    long count(String method, String pathRegex) {
        return seen.stream()
                .filter(s -> s.method().equals(method) && s.path().matches(pathRegex))
                .count();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            seen.add(new Seen(
                    method,
                    path,
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Trace"),
                    body));
            if (method.equals("POST") && path.equals("/orders")) {
                create(exchange, body);
                return;
            }
            Matcher m = ORDER.matcher(path);
            if (!m.matches() || !items.containsKey(m.group(1))) {
                send(exchange, 404, "{\"message\":\"not found\"}");
                return;
            }
            String id = m.group(1);
            String action = m.group(2) == null ? "" : m.group(2);
            switch (method + action) {
                case "GET" -> read(exchange, id);
                case "GET/invoice" -> invoice(exchange, id);
                case "POST/ship" -> ship(exchange, id);
                default -> send(exchange, 405, "{}");
            }
        }
    }

    private void create(HttpExchange exchange, String body) throws IOException {
        Matcher item = Pattern.compile("\"item\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
        if (!item.find() || item.group(1).equals("broken")) {
            send(exchange, 400, "{\"message\":\"cannot order that\"}");
            return;
        }
        String id = "o-" + ids.incrementAndGet();
        items.put(id, item.group(1));
        send(exchange, 201, "{\"id\":\"" + id + "\",\"status\":\"new\",\"quantity\":2}");
    }

    /** Each read moves the order on: new, packing, then ready. */
    private void read(HttpExchange exchange, String id) throws IOException {
        int n = reads.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        readSinceShip.put(id, true);
        String status = n == 1 ? "new" : n == 2 ? "packing" : "ready";
        exchange.getResponseHeaders().add("X-Order-Line", "order " + id + " is " + status);
        send(exchange, 200, "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"quantity\":2}");
    }

    /** Not ready twice: first with no Retry-After, then with Retry-After: 1; then the invoice. */
    private void invoice(HttpExchange exchange, String id) throws IOException {
        int n = invoiceCalls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        if (n == 1) {
            send(exchange, 503, "{\"message\":\"not yet\"}");
        } else if (n == 2) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            send(exchange, 503, "{\"message\":\"still not\"}");
        } else {
            send(exchange, 200, "{\"total\":42.5,\"currency\":\"EUR\"}");
        }
    }

    /** Fragile orders never ship; late ones only when the order was read since the last attempt to ship it. */
    private void ship(HttpExchange exchange, String id) throws IOException {
        boolean read = Boolean.TRUE.equals(readSinceShip.put(id, false));
        if (items.get(id).equals("fragile") || items.get(id).equals("late") && !read) {
            send(exchange, 409, "{\"message\":\"cannot ship fragile items\"}");
        } else {
            send(exchange, 200, "{\"tracking\":\"TRK-" + id + "\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
