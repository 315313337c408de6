package dev.weft.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.WorkflowListener;
import dev.weft.runtime.internal.Values;
import dev.weft.temporal.internal.DurableLoop;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.ActivityTaskScheduledEventAttributes;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arazzo 1.1 step {@code timeout} under the Temporal target, from {@code timeout/timed.arazzo.yaml} compiled here
 * and run on the in-memory test service over real HTTP to a server that answers {@code /slow} after seconds: the
 * step's activity is bounded by the timeout, the request's own timeout fails the step inside it, once (no
 * activity retry), and the step's {@code onFailure} sees it, or the workflow fails naming the step.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StepTimeoutTest {
    private static final String QUEUE = "timeouts";

    @TempDir
    static Path work;

    private static HttpServer server;
    private static ExecutorService serverThreads;
    private static final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private static TestWorkflowEnvironment env;
    private static URLClassLoader loader;
    private static DurableType<?, ?> withFallback;
    private static DurableType<?, ?> timedOut;

    @BeforeAll
    static void start() throws Exception {
        Path source = Path.of("src/test/resources/timeout");
        for (String file : List.of("timed.arazzo.yaml", "reads.openapi.yaml")) {
            Files.copy(source.resolve(file), work.resolve(file));
        }
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(work.resolve("timed.arazzo.yaml"))
                .packageName("durable.timeouts")
                .targets(EnumSet.of(CompilationRequest.Target.PLAIN, CompilationRequest.Target.TEMPORAL))
                .build());
        assertEquals(List.of(), result.errors());
        assertTrue(
                result.files().stream().anyMatch(f -> f.source().contains(".operation(\"slowRead\", \"GET\", 300L)")),
                "the step's timeout is not in the generated STEPWISE");
        loader = ChildWorkflowsTest.compile(work, result.files());
        withFallback = type("TimedWithFallbackTemporal");
        timedOut = type("TimedOutTemporal");

        serverThreads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "slow-server");
            thread.setDaemon(true);
            return thread;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", StepTimeoutTest::handle);
        server.setExecutor(serverThreads);
        server.start();
        env = TestWorkflowEnvironment.newInstance();
        ArazzoClient client = ArazzoClient.builder()
                .server("reads", "http://127.0.0.1:" + server.getAddress().getPort())
                .listener(WorkflowListener.NONE)
                .build();
        DurableWorker.builder(env.newWorker(QUEUE), client)
                .register(withFallback, timedOut)
                .build();
        env.start();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            if (path.equals("/slow")) {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] body = ("{\"value\":\"" + path.substring(1) + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException gone) {
            // the client stopped waiting: its timeout
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (env != null) {
            env.close();
        }
        if (server != null) {
            server.stop(0);
            serverThreads.shutdownNow();
        }
        if (loader != null) {
            loader.close();
        }
    }

    @Test
    void aStepThatTimesOutFailsOnceAndItsOnFailureGoesOn() {
        int slow = count("/slow");
        DurableRun<?> run = start(withFallback);
        assertEquals("Outputs[value=fast]", run.result().toString(), "the fallback's outputs");
        assertEquals(slow + 1, count("/slow"), "the slow read is sent once, not again by an activity retry");

        Map<String, ActivityTaskScheduledEventAttributes> activities = scheduled(run.workflowId());
        Duration bound = Duration.ofMillis(300).plus(DurableLoop.TIMEOUT_GRACE);
        ActivityTaskScheduledEventAttributes timed = activities.get("timed-with-fallback.slowRead");
        assertEquals(bound.toMillis(), millis(timed.getStartToCloseTimeout()), "slowRead's start-to-close");
        assertEquals(bound.toMillis(), millis(timed.getScheduleToCloseTimeout()), "slowRead's schedule-to-close");
        // a step without a timeout keeps the client's request timeout (60 s by default) and 30 s more per attempt
        ActivityTaskScheduledEventAttributes untimed = activities.get("timed-with-fallback.fastRead");
        assertEquals(90_000, millis(untimed.getStartToCloseTimeout()), "fastRead's start-to-close");
    }

    @Test
    void aStepThatTimesOutWithoutFailureActionsFailsTheWorkflowNamingIt() {
        DurableRun<?> run = start(timedOut);
        WorkflowException failure = assertThrows(WorkflowException.class, run::result);
        assertEquals("timed-out", failure.workflowId());
        assertEquals("slowRead", failure.stepId());
        assertTrue(
                failure.getMessage().contains("did not complete within its timeout of 300 ms"), failure.getMessage());
    }

    private static DurableRun<?> start(DurableType<?, ?> type) {
        ObjectNode inputs = Values.object();
        WorkflowOptions options = WorkflowOptions.newBuilder()
                .setTaskQueue(QUEUE)
                .setWorkflowId(type.workflowType() + "-" + System.nanoTime())
                .build();
        return type.startJson(env.getWorkflowClient(), options, inputs);
    }

    private static int count(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    private static Map<String, ActivityTaskScheduledEventAttributes> scheduled(String workflowId) {
        return env.getWorkflowClient().fetchHistory(workflowId).getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .map(e -> e.getActivityTaskScheduledEventAttributes())
                .collect(Collectors.toMap(a -> a.getActivityType().getName(), a -> a, (a, b) -> a));
    }

    private static long millis(com.google.protobuf.Duration duration) {
        return duration.getSeconds() * 1000 + duration.getNanos() / 1_000_000;
    }

    private static DurableType<?, ?> type(String simpleName) throws ReflectiveOperationException {
        return (DurableType<?, ?>) loader.loadClass("durable.timeouts." + simpleName)
                .getField("TYPE")
                .get(null);
    }
}
