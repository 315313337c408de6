package dev.weft.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A job API on 127.0.0.1 for the tests: a started job reports {@code running} for as many polls as its size, then
 * {@code done}; every request needs the one bearer token the server was started with. It echoes the caller's
 * {@code Authorization} header in its 404s and from {@code /whoami}, as a
 * careless server would, so that the tests can show the key never reaches the agent.
 */
public final class JobsServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
        Thread thread = new Thread(r, "jobs-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Integer> sizes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger unauthorized = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();

    private final String token;

    private JobsServer(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/api/", this::handle);
        server.setExecutor(executor);
    }

    /**
     * @param token the only bearer token the server accepts
     * @return the running server
     */
    public static JobsServer start(String token) {
        try {
            JobsServer jobs = new JobsServer(token);
            jobs.server.start();
            return jobs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    /** @return requests received so far */
    public int requests() {
        return requests.get();
    }

    /** @return requests refused for lacking the bearer token */
    public int unauthorized() {
        return unauthorized.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (!("Bearer " + token).equals(auth)) {
                unauthorized.incrementAndGet();
                send(exchange, 401, JSON.createObjectNode().put("error", "no bearer token"));
                return;
            }
            String path = exchange.getRequestURI().getPath().substring("/api".length());
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.equals("/jobs")) {
                ObjectNode body = (ObjectNode) JSON.readTree(exchange.getRequestBody());
                String id = "job-" + ids.incrementAndGet();
                sizes.put(id, body.path("size").asInt(1));
                polls.put(id, new AtomicInteger());
                send(exchange, 202, job(id, 0, "running"));
            } else if (method.equals("GET") && path.equals("/whoami")) {
                send(exchange, 200, JSON.createObjectNode().put("authorization", auth));
            } else if (path.startsWith("/jobs/") && sizes.containsKey(path.substring(6))) {
                String id = path.substring(6);
                if (method.equals("DELETE")) {
                    sizes.remove(id);
                    exchange.sendResponseHeaders(204, -1);
                    return;
                }
                int n = polls.get(id).incrementAndGet();
                send(exchange, 200, job(id, n, n >= sizes.get(id) ? "done" : "running"));
            } else {
                send(
                        exchange,
                        404,
                        JSON.createObjectNode().put("error", "no such job").put("yourAuth", auth));
            }
        }
    }

    private static ObjectNode job(String id, int polls, String status) {
        ObjectNode job =
                JSON.createObjectNode().put("id", id).put("status", status).put("polls", polls);
        if (status.equals("done")) {
            job.put("result", id + " finished after " + polls + " polls");
        }
        return job;
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
