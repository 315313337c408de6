package dev.weft.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.WorkflowListener;
import dev.weft.runtime.messaging.InMemoryMessageTransport;
import dev.weft.runtime.messaging.Message;
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
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * AsyncAPI steps under the Temporal target: the compiler's Arazzo 1.1 fixture {@code fixtures/async/buy-pet}
 * (an HTTP step, a send, a correlated receive with a 1500 ms timeout, an HTTP step with the received orderId)
 * compiled here and run durably on the in-memory test service, over real HTTP to a server on 127.0.0.1 and the
 * runtime's in-memory message transport: the send and the receive are activities, the receive bounded by the
 * step's timeout, and a receive that gets no reply takes its onFailure action.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AsyncStepsDurableTest {
    private static final Path FIXTURES = Path.of("../arazzo-compiler/src/test/resources/fixtures/async");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUEUE = "messages";

    @TempDir
    static Path work;

    private static HttpServer server;
    private static final List<String> requests = new CopyOnWriteArrayList<>();
    private static final InMemoryMessageTransport transport = new InMemoryMessageTransport();
    private static TestWorkflowEnvironment env;
    private static URLClassLoader loader;
    private static DurableType<?, ?> buyPet;

    @BeforeAll
    static void start() throws Exception {
        for (String file : List.of("buy-pet.arazzo.yaml", "pets.openapi.yaml", "orders.asyncapi.yaml")) {
            Files.copy(FIXTURES.resolve(file), work.resolve(file));
        }
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(work.resolve("buy-pet.arazzo.yaml"))
                .packageName("durable.buypet")
                .targets(EnumSet.of(CompilationRequest.Target.PLAIN, CompilationRequest.Target.TEMPORAL))
                .build());
        assertEquals(List.of(), result.errors());
        loader = ChildWorkflowsTest.compile(work, result.files());
        buyPet = (DurableType<?, ?>) loader.loadClass("durable.buypet.BuyPetTemporal")
                .getField("TYPE")
                .get(null);

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + path);
            String body = path.startsWith("/api/pets/")
                    ? "{\"id\":7}"
                    : path.endsWith("/ship") ? "{\"tracking\":\"T-" + path.split("/")[3] + "\"}" : "{}";
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(path.equals("/api/incidents") ? 201 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        // the order service: confirms the orders of requests named 'confirm-...', after a reply to another one
        transport.onSend("weft.place-order", order -> {
            String requestId = order.header("orderRequestId").orElseThrow();
            transport.publish(reply("someone-else", 1, "confirmed"));
            if (requestId.startsWith("confirm-")) {
                transport.publish(
                        reply(requestId, 1000 + order.payload().get("petId").asLong(), "confirmed"));
            }
        });
        env = TestWorkflowEnvironment.newInstance();
        ArazzoClient client = ArazzoClient.builder()
                .server("pets", "http://127.0.0.1:" + server.getAddress().getPort() + "/api")
                .messageTransport(transport)
                .listener(WorkflowListener.NONE)
                .build();
        DurableWorker.builder(env.newWorker(QUEUE), client).register(buyPet).build();
        env.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (env != null) {
            env.close();
        }
        if (server != null) {
            server.stop(0);
        }
        if (loader != null) {
            loader.close();
        }
    }

    @Test
    void theSendAndTheCorrelatedReceiveAreActivitiesAndTheRunEndsWithTheReceivedValues() {
        requests.clear();
        int sent = transport.messages("weft.place-order").size();
        DurableRun<?> run = start("confirm-1");
        String outputs = run.result().toString();

        assertTrue(outputs.contains("orderId=1007"), outputs);
        assertTrue(outputs.contains("status=confirmed"), outputs);
        assertTrue(outputs.contains("tracking=T-1007"), outputs);
        assertEquals(List.of("GET /api/pets/rex", "POST /api/orders/1007/ship"), requests);
        List<Message> orders = transport.messages("weft.place-order");
        assertEquals(sent + 1, orders.size(), "one message sent");
        assertEquals(Map.of("orderRequestId", "confirm-1"), orders.get(sent).headers());

        Map<String, ActivityTaskScheduledEventAttributes> activities = scheduled(run.workflowId());
        assertEquals(
                List.of("buy-pet.findPet", "buy-pet.placeOrder", "buy-pet.confirmOrder", "buy-pet.ship"),
                List.copyOf(activities.keySet()),
                "the steps' activities");
        Duration bound = Duration.ofMillis(1500).plus(DurableLoop.TIMEOUT_GRACE);
        assertEquals(
                bound.toMillis(),
                millis(activities.get("buy-pet.confirmOrder").getStartToCloseTimeout()),
                "the receive's activity is bounded by the step's timeout");
        // a send is not idempotent: a second attempt (after a lost worker) tells the step, it does not send again
        assertEquals(2, activities.get("buy-pet.placeOrder").getRetryPolicy().getMaximumAttempts(), "send");
        assertEquals(
                DurableWorker.DEFAULT_ACTIVITY_ATTEMPTS,
                activities.get("buy-pet.confirmOrder").getRetryPolicy().getMaximumAttempts(),
                "a receive changes nothing, so it may be attempted again");
    }

    @Test
    void aReceiveWithoutAReplyInTimeTakesItsOnFailureAction() {
        requests.clear();
        DurableRun<?> run = start("unanswered-1");
        String outputs = run.result().toString();

        assertEquals(List.of("GET /api/pets/rex", "POST /api/incidents"), requests);
        assertTrue(outputs.contains("orderId=null"), outputs);
        assertTrue(scheduled(run.workflowId()).containsKey("buy-pet.reportIncident"), "the incident's activity");
    }

    private static Message reply(String requestId, long orderId, String status) {
        ObjectNode payload = JSON.createObjectNode().put("orderId", orderId).put("status", status);
        return new Message("weft.confirm-order", Map.of("orderRequestId", requestId), payload, Instant.now());
    }

    private static DurableRun<?> start(String requestId) {
        ObjectNode inputs = JSON.createObjectNode().put("name", "rex").put("requestId", requestId);
        WorkflowOptions options = WorkflowOptions.newBuilder()
                .setTaskQueue(QUEUE)
                .setWorkflowId("buy-pet-" + System.nanoTime())
                .build();
        return buyPet.startJson(env.getWorkflowClient(), options, inputs);
    }

    private static Map<String, ActivityTaskScheduledEventAttributes> scheduled(String workflowId) {
        Map<String, ActivityTaskScheduledEventAttributes> activities = new java.util.LinkedHashMap<>();
        env.getWorkflowClient().fetchHistory(workflowId).getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .map(e -> e.getActivityTaskScheduledEventAttributes())
                .forEach(a -> activities.putIfAbsent(a.getActivityType().getName(), a));
        return activities;
    }

    private static long millis(com.google.protobuf.Duration duration) {
        return duration.getSeconds() * 1000 + duration.getNanos() / 1_000_000;
    }
}
