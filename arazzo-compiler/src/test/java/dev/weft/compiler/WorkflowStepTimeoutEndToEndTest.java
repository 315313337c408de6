package dev.weft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.Severity;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Arazzo 1.1 {@code timeout} on a step that calls a workflow, and {@code parameters} of a retry action that runs a
 * workflow first, compiled by Weft and javac and run over real HTTP against a JDK server on 127.0.0.1. Workflow
 * {@code caller}'s step {@code wait} calls {@code poll}, which polls {@code /status} until it is done: for a job that
 * never ends (each answer 250 ms late) the 600 ms timeout cancels the called run, its request in flight or its poll
 * wait, no request is sent after it, and the step's failure action goes to {@code fallback}; a job done in time
 * (the second answer, 100 ms later) is unaffected. Workflow {@code retrying}'s retry action runs {@code setup} with
 * its parameters as inputs before it retries the step.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkflowStepTimeoutEndToEndTest {
    private static final Path FIXTURE =
            Path.of("src/test/resources/fixtures/arazzo11/workflow-step-timeout.arazzo.yaml");
    /** How late a request may reach the server after the timeout: one already on its way when it passed. */
    private static final long TOLERANCE_MILLIS = 250;

    private static ClassLoader loader;

    private HttpServer server;
    private ExecutorService serverThreads;
    private final List<String> received = new CopyOnWriteArrayList<>();
    /** When each {@code /status} request arrived, in {@link System#nanoTime()}. */
    private final List<Long> statusArrivals = new CopyOnWriteArrayList<>();

    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    private final AtomicInteger flaky = new AtomicInteger();
    private ArazzoClient client;

    @BeforeAll
    static void compile() throws IOException {
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(FIXTURE)
                .packageName("e2e.wftimeout")
                .build());
        assertEquals(
                List.of(),
                result.diagnostics().stream()
                        .filter(d -> d.severity() == Severity.ERROR)
                        .toList());
        loader = Arazzo11EndToEndTest.compileAndLoad(result.files());
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.createContext("/", this::handle);
        server.start();
        client = ArazzoClient.builder()
                .server("api", "http://127.0.0.1:" + server.getAddress().getPort())
                .pollPolicy(new PollPolicy(
                        Duration.ofMillis(100), 1.0, Duration.ofMillis(100), 1000, Duration.ofMinutes(1)))
                .build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        received.add(path + (query == null ? "" : "?" + query));
        int status = 200;
        String answer;
        if (path.equals("/status")) {
            statusArrivals.add(System.nanoTime());
            String job = query.substring(query.indexOf('=') + 1);
            if (job.equals("slow")) {
                sleep(250);
            }
            int seen = polls.computeIfAbsent(job, j -> new AtomicInteger()).incrementAndGet();
            answer = job.equals("fast") && seen >= 2 ? "{\"state\": \"done\"}" : "{\"state\": \"pending\"}";
        } else if (path.equals("/flaky")) {
            status = flaky.getAndIncrement() == 0 ? 503 : 200;
            answer = "{}";
        } else {
            answer = "{\"name\": \"item " + path.substring(path.lastIndexOf('/') + 1) + "\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException closedByTheClient) {
            // the timed-out run aborted the request: nothing to answer
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aWorkflowStepPastItsTimeoutFailsStopsTheCalledRunAndItsFailureActionRuns() throws Exception {
        long start = System.nanoTime();
        Object outputs = run("caller", "slow", false);
        long returned = System.nanoTime();
        assertTimedOut(outputs, start, returned);
    }

    @Test
    void anAsyncRunTimesOutTheSameWay() throws Exception {
        long start = System.nanoTime();
        Object outputs = run("caller", "slow", true);
        long returned = System.nanoTime();
        assertTimedOut(outputs, start, returned);
    }

    private void assertTimedOut(Object outputs, long start, long returned) throws Exception {
        long millis = (returned - start) / 1_000_000;
        assertNull(outputs.getClass().getMethod("state").invoke(outputs), "the called workflow did not finish");
        assertEquals("item 9", outputs.getClass().getMethod("fallback").invoke(outputs));
        assertTrue(millis >= 600, "the called run had its 600 ms, took " + millis + " ms");
        assertTrue(millis < 1500, "the called run was cut at the timeout, took " + millis + " ms");
        assertTrue(received.contains("/items/9"), "the failure action went to fallback: " + received);
        int statusRequests = statusArrivals.size();
        assertTrue(statusRequests >= 2, "the called workflow polled: " + received);
        Thread.sleep(700);
        assertEquals(statusRequests, statusArrivals.size(), "no poll after the timeout: " + received);
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(600 + TOLERANCE_MILLIS);
        for (long arrival : statusArrivals) {
            assertTrue(
                    arrival <= deadline,
                    "a poll reached the server " + (arrival - start) / 1_000_000 + " ms after the start");
        }
    }

    @Test
    void aCalledWorkflowDoneInTimeIsUnaffected() throws Exception {
        for (boolean async : new boolean[] {false, true}) {
            polls.clear();
            received.clear();
            Object outputs = run("caller", "fast", async);
            // an untyped output (a workflow step's): the JSON value
            assertEquals(
                    "\"done\"",
                    String.valueOf(outputs.getClass().getMethod("state").invoke(outputs)));
            assertNull(outputs.getClass().getMethod("fallback").invoke(outputs));
            assertEquals(List.of("/status?job=fast", "/status?job=fast"), received);
        }
    }

    @Test
    void withoutAFailureActionTheWorkflowFailsWithTheStepTimeout() throws Exception {
        Class<?> workflow = loader.loadClass("e2e.wftimeout.StrictWorkflow");
        InvocationTargetException thrown =
                assertThrows(InvocationTargetException.class, () -> runWithoutInputs("Strict"));
        WorkflowException failure = assertInstanceOf(WorkflowException.class, thrown.getCause());
        assertEquals("wait", failure.stepId());
        String chain = messages(failure);
        assertTrue(chain.contains("step 'wait' did not complete within its timeout of 400 ms"), chain);
    }

    @Test
    void aRetryActionPassesItsParametersAsTheInputsOfTheWorkflowItRunsFirst() throws Exception {
        runWithoutInputs("Retrying");
        assertEquals(List.of("/flaky", "/items/5", "/flaky"), received, "setup ran with id 5, then the retry");
    }

    @Test
    void theTemporalTargetRefusesATimeoutOnAWorkflowStep() {
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(FIXTURE)
                .packageName("e2e.wftimeout")
                .targets(EnumSet.of(CompilationRequest.Target.TEMPORAL))
                .build());
        List<Diagnostic> errors = result.diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .toList();
        List<Diagnostic> timeouts = errors.stream()
                .filter(d -> d.message().contains("with a timeout, which the Temporal target"))
                .toList();
        assertEquals(2, timeouts.size(), errors.toString());
        for (Diagnostic error : timeouts) {
            assertEquals("unsupported-feature", error.code().id(), error.toString());
        }
        // and retrying with a workflow first stays refused there, parameters or not
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(d -> d.message().contains("retry action 'prepare'")), errors.toString());
    }

    private Object run(String workflowId, String job, boolean async) throws Exception {
        String simple = Character.toUpperCase(workflowId.charAt(0)) + workflowId.substring(1) + "Workflow";
        Class<?> workflow = loader.loadClass("e2e.wftimeout." + simple);
        Class<?> inputs = loader.loadClass("e2e.wftimeout." + simple + "$Inputs");
        Object in = inputs.getMethod("builder").invoke(null);
        in = in.getClass().getMethod("job", String.class).invoke(in, job);
        in = in.getClass().getMethod("build").invoke(in);
        Object instance = workflow.getConstructor(ArazzoClient.class).newInstance(client);
        if (async) {
            CompletableFuture<?> future = (CompletableFuture<?>)
                    workflow.getMethod("runAsync", inputs).invoke(instance, in);
            return future.get(20, TimeUnit.SECONDS);
        }
        return workflow.getMethod("run", inputs).invoke(instance, in);
    }

    private void runWithoutInputs(String simple) throws Exception {
        Class<?> workflow = loader.loadClass("e2e.wftimeout." + simple + "Workflow");
        Class<?> inputs = loader.loadClass("e2e.wftimeout." + simple + "Workflow$Inputs");
        Object in = inputs.getMethod("builder").invoke(null);
        in = in.getClass().getMethod("build").invoke(in);
        Object instance = workflow.getConstructor(ArazzoClient.class).newInstance(client);
        workflow.getMethod("run", inputs).invoke(instance, in);
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
