package dev.weft.temporal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A job API on 127.0.0.1 for the engine's tests: {@code POST /jobs} submits (202, {@code {"id": ...}}), {@code GET
 * /jobs/{id}} answers {@code processing} for some polls, then {@code done} with a result. Each job's behaviour is
 * read from its submitted prompt, so that runs in parallel do not disturb each other: {@code "polls=6"} polls
 * before it is done (default 3), {@code "busy=2"} answers 503 to the first polls, {@code "retryAfter=30"} with
 * that {@code Retry-After} header. Every request needs the bearer token.
 */
final class JobServer implements AutoCloseable {
    static final String TOKEN = "sk-test-9f8e7d6c5b4a";

    /** One submitted job's behaviour and poll counts. */
    private static final class Job {
        final int pollsUntilDone;
        final String retryAfter;
        int busy;
        int polls;

        Job(String prompt) {
            pollsUntilDone = setting(prompt, "polls", 3);
            busy = setting(prompt, "busy", 0);
            int seconds = setting(prompt, "retryAfter", -1);
            retryAfter = seconds < 0 ? null : String.valueOf(seconds);
        }

        private static int setting(String prompt, String name, int otherwise) {
            Matcher m = Pattern.compile("\\b" + name + "=(\\d+)").matcher(prompt);
            return m.find() ? Integer.parseInt(m.group(1)) : otherwise;
        }
    }

    private final HttpServer server;
    private final AtomicInteger submits = new AtomicInteger();
    private final AtomicInteger polls = new AtomicInteger();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    JobServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread thread = new Thread(r, "job-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return the jobs submitted so far */
    int submits() {
        return submits.get();
    }

    /** @return the polls answered so far, over all jobs */
    int polls() {
        return polls.get();
    }

    /** @return the polls of one job so far */
    int polls(String jobId) {
        Job job = jobs.get(jobId);
        synchronized (job) {
            return job.polls;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"error\":\"unauthorized\"}");
                return;
            }
            if (exchange.getRequestMethod().equals("POST") && path.equals("/jobs")) {
                String id = "job-" + submits.incrementAndGet();
                jobs.put(id, new Job(new String(body, StandardCharsets.UTF_8)));
                send(exchange, 202, "{\"id\":\"" + id + "\",\"status\":\"queued\"}");
                return;
            }
            Job job = path.startsWith("/jobs/") ? jobs.get(path.substring("/jobs/".length())) : null;
            if (!exchange.getRequestMethod().equals("GET") || job == null) {
                send(exchange, 404, "{\"error\":\"not found\"}");
                return;
            }
            polls.incrementAndGet();
            String id = path.substring("/jobs/".length());
            int count;
            synchronized (job) {
                job.polls++;
                if (job.busy > 0) {
                    job.busy--;
                    if (job.retryAfter != null) {
                        exchange.getResponseHeaders().add("Retry-After", job.retryAfter);
                    }
                    send(exchange, 503, "{\"error\":\"busy\"}");
                    return;
                }
                count = job.polls;
            }
            boolean done = count > job.pollsUntilDone;
            send(
                    exchange,
                    200,
                    done
                            ? "{\"id\":\"" + id + "\",\"status\":\"done\",\"result\":{\"url\":\"https://blobs.example/"
                                    + id + ".png\",\"size\":" + (1000 + job.pollsUntilDone) + "}}"
                            : "{\"id\":\"" + id + "\",\"status\":\"processing\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
