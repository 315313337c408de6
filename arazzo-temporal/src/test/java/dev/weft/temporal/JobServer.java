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
 * that {@code Retry-After} header, {@code "cutSubmits=1"} closes the connection without an answer to the first submit
 * of this prompt (the job is created: the request reached the server), {@code "cutPolls=2"} to the first two polls.
 * Every request needs the bearer token.
 */
final class JobServer implements AutoCloseable {
    static final String TOKEN = "sk-test-9f8e7d6c5b4a";

    /** One submitted job's behaviour and poll counts. */
    private static final class Job {
        final int pollsUntilDone;
        final String retryAfter;
        int busy;
        int cutPolls;
        int polls;

        Job(String prompt) {
            pollsUntilDone = setting(prompt, "polls", 3);
            busy = setting(prompt, "busy", 0);
            cutPolls = setting(prompt, "cutPolls", 0);
            int seconds = setting(prompt, "retryAfter", -1);
            retryAfter = seconds < 0 ? null : String.valueOf(seconds);
        }

        static int setting(String prompt, String name, int otherwise) {
            Matcher m = Pattern.compile("\\b" + name + "=(\\d+)").matcher(prompt);
            return m.find() ? Integer.parseInt(m.group(1)) : otherwise;
        }
    }

    private final HttpServer server;
    private final AtomicInteger submits = new AtomicInteger();
    private final AtomicInteger polls = new AtomicInteger();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> cutSubmits = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> submitsOf = new ConcurrentHashMap<>();

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

    /** @return the submits so far of jobs with this prompt, answered or not */
    int submits(String prompt) {
        AtomicInteger count = submitsOf.get(prompt);
        return count == null ? 0 : count.get();
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
                String json = new String(body, StandardCharsets.UTF_8);
                String prompt = json.replaceAll("(?s).*\"prompt\"\\s*:\\s*\"([^\"]*)\".*", "$1");
                jobs.put(id, new Job(json));
                submitsOf.computeIfAbsent(prompt, p -> new AtomicInteger()).incrementAndGet();
                String answer = "{\"id\":\"" + id + "\",\"status\":\"queued\"}";
                if (cutSubmits
                                .computeIfAbsent(prompt, p -> new AtomicInteger(Job.setting(p, "cutSubmits", 0)))
                                .getAndDecrement()
                        > 0) {
                    cut(exchange);
                    return;
                }
                send(exchange, 202, answer);
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
                if (job.cutPolls > 0) {
                    job.cutPolls--;
                    cut(exchange);
                    return;
                }
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

    /** Closes the connection without an answer: a transport failure for the client. */
    private static void cut(HttpExchange exchange) {
        // closing an exchange before its response headers were sent closes its connection
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
