package dev.weft.examples.civitai;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded, stateful fake of the Civitai Orchestration and Site APIs as the seed workflows
 * describe them, serving HTTP on 127.0.0.1 at an ephemeral port.
 *
 * <p>Every request needs an {@code Authorization: Bearer <token>} header; the token is checked
 * for presence only and is never stored. A submitted workflow reports {@code unassigned}, then
 * each GET moves it on: {@code processing} for {@link #pollsUntilDone(int)} polls, then
 * {@code succeeded} with one blob per requested image, or {@code failed} when a step's prompt
 * contains {@link #FAIL_MARKER}. Model version 404 is missing (404); any other id exists.
 * All methods are thread-safe.
 */
public final class FakeCivitaiServer implements AutoCloseable {
    /** A prompt containing this text makes its workflow end {@code failed}. */
    public static final String FAIL_MARKER = "FAIL";

    private static final int BACKLOG = 16_384; // the kernel caps it (net.core.somaxconn, 4096 here)

    static {
        // The JDK server sends headers and body in two writes, so without TCP_NODELAY a keep-alive
        // client's delayed ACK stalls each answer by ~40 ms. The JDK reads this property once, when
        // the first server in the JVM is made; set it first unless the user chose a value.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // Past 200 idle keep-alive connections the JDK server closes the newly idle ones, and a client
        // that picks such a connection from its pool in that instant gets no response: the JDK client
        // retries a GET then, not a POST. Load tests open a connection per request in flight, so keep
        // them all (same rule: read once, set first unless the user chose a value).
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "20000");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final WorkflowStore store = new WorkflowStore();
    private final Router router = new Router();
    private final String orchestrationUrl;

    private FakeCivitaiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        orchestrationUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        new OrchestrationApi(store, orchestrationUrl).addRoutes(router);
        new SiteApi().addRoutes(router);
        server.createContext("/", router);
        executor = Executors.newFixedThreadPool(
                Math.max(16, 4 * Runtime.getRuntime().availableProcessors()), daemonThreads());
        server.setExecutor(executor);
    }

    /** Starts a server on 127.0.0.1 at a free port. */
    public static FakeCivitaiServer start() {
        try {
            FakeCivitaiServer fake = new FakeCivitaiServer();
            fake.server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Civitai server", e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "fake-civitai-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The Orchestration API base URL, {@code http://127.0.0.1:PORT}. */
    public String orchestrationUrl() {
        return orchestrationUrl;
    }

    /** The Site API base URL, {@code http://127.0.0.1:PORT/api/v1}. */
    public String siteUrl() {
        return orchestrationUrl + "/api/v1";
    }

    /** Sets how many GETs report {@code processing} before a workflow ends; default 2. */
    public FakeCivitaiServer pollsUntilDone(int polls) {
        store.pollsUntilDone(polls);
        return this;
    }

    /** How many GETs report {@code processing} before a workflow ends. */
    public int pollsUntilDone() {
        return store.pollsUntilDone();
    }

    /**
     * Creates a workflow directly in {@code status} (for example {@code processing}) and returns its
     * id; unlike a submitted one it keeps that status when read, until it is canceled.
     */
    public String seedWorkflow(String status) {
        return store.seed(status).id();
    }

    /** The body submitted for this workflow, or {@code null} if it was not submitted. */
    public JsonNode submittedBody(String workflowId) {
        FakeWorkflow workflow = store.find(workflowId);
        return workflow == null ? null : workflow.submittedBody();
    }

    /** Every submitted body, oldest first. */
    public List<JsonNode> submittedBodies() {
        return store.submittedBodies();
    }

    /** How many times this workflow was read with GET; 0 for an unknown id. */
    public int pollCount(String workflowId) {
        FakeWorkflow workflow = store.find(workflowId);
        return workflow == null ? 0 : workflow.polls();
    }

    /** The workflow's current status without counting a poll, or {@code null} for an unknown id. */
    public String workflowStatus(String workflowId) {
        FakeWorkflow workflow = store.find(workflowId);
        return workflow == null ? null : workflow.status();
    }

    /** The raw query string of every upload-URL request, oldest first ({@code ""} for none). */
    public List<String> uploadUrlRequests() {
        return store.uploadUrlRequests();
    }

    /** How many requests the server has received, answered or not. */
    public int requestCount() {
        return router.requests();
    }

    /** How many requests were refused with 401 for lacking a bearer token. */
    public int unauthorizedCount() {
        return router.unauthorized();
    }

    /** Stops the server at once and releases its threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
