package dev.weft.compiler.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedClasses;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.MessageEvent;
import dev.weft.runtime.WorkflowListener;
import dev.weft.runtime.messaging.InMemoryMessageTransport;
import dev.weft.runtime.messaging.Message;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Arazzo 1.1 fixture {@code fixtures/async/buy-pet.arazzo.yaml} compiled and run: an HTTP step against a
 * server on 127.0.0.1, an AsyncAPI send, a correlated receive (a reply with another correlation id comes first
 * and is passed over), then an HTTP step with the orderId from the message, typed {@code Long} from the AsyncAPI
 * payload schema; and a receive that gets no reply in time fails and takes its onFailure goto. Messages go
 * through the runtime's in-memory transport (module {@code arazzo-kafka} runs the same fixture on a broker).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AsyncStepsEndToEndTest {
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/async/buy-pet.arazzo.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
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
    }

    /** The message events the runs reported. */
    private final List<MessageEvent> messages = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void sendsReceivesTheCorrelatedReplyAndCallsHttpWithItsValue() throws Exception {
        InMemoryMessageTransport transport = new InMemoryMessageTransport();
        transport.onSend("weft.place-order", order -> {
            long petId = order.payload().get("petId").asLong();
            // a reply to someone else's order first: the receive must pass it over
            transport.publish(reply("someone-else", 1, "confirmed"));
            transport.publish(reply(order.header("orderRequestId").orElseThrow(), 1000 + petId, "confirmed"));
        });
        ObjectNode outputs = run(transport, Duration.ofSeconds(10), "r-42");

        assertEquals(1007, outputs.get("orderId").asLong(), outputs::toString);
        assertTrue(outputs.get("orderId").isIntegralNumber(), outputs::toString);
        assertEquals("confirmed", outputs.get("status").asText());
        assertEquals("T-1007", outputs.get("tracking").asText());
        assertEquals(List.of("GET /api/pets/rex", "POST /api/orders/1007/ship"), requests);
        Message sent = transport.messages("weft.place-order").get(0);
        assertEquals(Map.of("orderRequestId", "r-42"), sent.headers());
        assertEquals(7, sent.payload().get("petId").asInt());
        assertEquals(List.of("send weft.place-order null", "receive weft.confirm-order null"), described(messages));
        assertEquals("placeOrder", messages.get(0).operationId());
        // the payload's replacement applied before the send
        assertEquals(
                JSON.readTree("{\"name\": \"rex\", \"channel\": \"web\"}"),
                sent.payload().get("buyer"));
    }

    @Test
    void aReceiveWithoutAReplyInTimeFailsAndTakesItsOnFailureAction() throws Exception {
        InMemoryMessageTransport transport = new InMemoryMessageTransport();
        transport.onSend("weft.place-order", order -> transport.publish(reply("another-request", 1, "confirmed")));
        long start = System.nanoTime();
        ObjectNode outputs = run(transport, Duration.ofSeconds(30), "r-43");

        long waited = System.nanoTime() - start;
        // the step's own timeout (1500 ms), not the client's receive timeout (30 s)
        assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(1500) && waited < TimeUnit.SECONDS.toNanos(20));
        assertEquals(List.of("GET /api/pets/rex", "POST /api/incidents"), requests);
        assertTrue(outputs.get("orderId") == null || outputs.get("orderId").isNull(), outputs::toString);
        assertEquals(2, messages.size(), messages::toString);
        MessageEvent timedOut = messages.get(1);
        assertEquals("receive", timedOut.action());
        assertTrue(
                timedOut.error().contains("no message with its correlation id on channel 'weft.confirm-order'"),
                timedOut::toString);
        assertTrue(timedOut.duration().toMillis() >= 1400, timedOut::toString);
    }

    private static List<String> described(List<MessageEvent> events) {
        return events.stream()
                .map(e -> e.action() + " " + e.channel() + " " + e.error())
                .toList();
    }

    @Test
    void channelAddressParametersAreFilledFromInPathParameters() throws Exception {
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(Path.of("src/test/resources/fixtures/async/regional.arazzo.yaml"))
                .packageName("regional")
                .build());
        assertEquals(List.of(), result.errors());
        assertEquals(
                2,
                result.diagnostics().stream()
                        .filter(d -> d.code().id().equals("channel-parameter"))
                        .count(),
                result.diagnostics()::toString);
        InMemoryMessageTransport transport = new InMemoryMessageTransport();
        transport.onSend(
                "shop.eu.orders",
                order -> transport.publish(new Message(
                        "shop.eu.confirmations",
                        Map.of("requestId", order.header("requestId").orElseThrow()),
                        JSON.createObjectNode().put("status", "taken"),
                        Instant.now())));
        ArazzoClient client = ArazzoClient.builder()
                .messageTransport(transport)
                .listener(WorkflowListener.NONE)
                .build();
        ObjectNode inputs = JSON.createObjectNode().put("region", "eu").put("requestId", "q-1");
        try (URLClassLoader loader = GeneratedClasses.compile(result.files(), work)) {
            ObjectNode outputs = GeneratedClasses.run(loader, "regional.RegionalOrderWorkflow", client, inputs);
            assertEquals("taken", outputs.get("status").asText(), outputs::toString);
        }
        Message sent = transport.messages("shop.eu.orders").get(0);
        assertEquals(Map.of("requestId", "q-1"), sent.headers(), "the path parameter is no header");
    }

    static Message reply(String requestId, long orderId, String status) {
        ObjectNode payload = JSON.createObjectNode().put("orderId", orderId).put("status", status);
        return new Message("weft.confirm-order", Map.of("orderRequestId", requestId), payload, Instant.now());
    }

    private ObjectNode run(InMemoryMessageTransport transport, Duration receiveTimeout, String requestId)
            throws Exception {
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(FIXTURE)
                .packageName("buypet")
                .build());
        assertEquals(List.of(), result.errors());
        ArazzoClient client = ArazzoClient.builder()
                .server("pets", "http://127.0.0.1:" + server.getAddress().getPort() + "/api")
                .messageTransport(transport)
                .receiveTimeout(receiveTimeout)
                .listener(new WorkflowListener() {
                    @Override
                    public void messageExchanged(MessageEvent event) {
                        messages.add(event);
                    }
                })
                .build();
        ObjectNode inputs = JSON.createObjectNode().put("name", "rex").put("requestId", requestId);
        try (URLClassLoader loader = GeneratedClasses.compile(result.files(), work)) {
            return GeneratedClasses.run(loader, "buypet.BuyPetWorkflow", client, inputs);
        }
    }
}
