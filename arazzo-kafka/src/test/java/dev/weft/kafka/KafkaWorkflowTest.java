package dev.weft.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedFile;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.JsonWorkflow;
import dev.weft.runtime.WorkflowListener;
import dev.weft.runtime.messaging.Message;
import dev.weft.runtime.messaging.Subscription;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Arazzo 1.1 fixture workflow of the compiler's tests ({@code fixtures/async/buy-pet.arazzo.yaml}: an HTTP
 * step, an AsyncAPI send, a correlated receive, an HTTP step with the received orderId), compiled, and run by
 * its generated code against a real Kafka broker started in-process (KRaft, one combined node on 127.0.0.1) and
 * an HTTP server on 127.0.0.1; a shop answers orders on the reply topic. And a receive without a reply in time
 * fails the step and takes its onFailure action.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KafkaWorkflowTest {
    private static final Path FIXTURE =
            Path.of("../arazzo-compiler/src/test/resources/fixtures/async/buy-pet.arazzo.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KafkaClusterTestKit broker;
    private static KafkaMessageTransport transport;
    private static HttpServer server;
    private static final List<String> requests = new CopyOnWriteArrayList<>();

    @TempDir
    static Path work;

    private static URLClassLoader loader;

    @BeforeAll
    static void start() throws Exception {
        broker = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("num.partitions", "1")
                .build();
        broker.format();
        broker.startup();
        broker.waitForReadyBrokers();
        try (var admin = broker.admin()) {
            admin.createTopics(List.of(
                            new NewTopic("weft.place-order", 1, (short) 1),
                            new NewTopic("weft.confirm-order", 2, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        transport = KafkaMessageTransport.create(broker.bootstrapServers());
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
        loader = compile();
    }

    @AfterAll
    static void stop() throws Exception {
        if (loader != null) {
            loader.close();
        }
        if (server != null) {
            server.stop(0);
        }
        if (transport != null) {
            transport.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theWorkflowSendsAnOrderAndShipsWithTheOrderIdOfTheCorrelatedReply() throws Exception {
        requests.clear();
        // the shop: takes one order from the order topic and replies on the confirmation topic, after a reply
        // to another request that the workflow must pass over
        CompletableFuture<Void> shop = transport
                .receive(new Subscription("shop", "weft.place-order", Instant.now(), Duration.ofSeconds(60), m -> true))
                .thenCompose(order -> {
                    String id = order.header("orderRequestId").orElseThrow();
                    long petId = order.payload().get("petId").asLong();
                    return transport
                            .send(reply("not-" + id, 1, "confirmed"))
                            .thenCompose(sent -> transport.send(reply(id, 1000 + petId, "confirmed")));
                });

        ObjectNode outputs = run("k-1", Duration.ofSeconds(30));

        shop.get(10, TimeUnit.SECONDS);
        assertEquals(1007, outputs.get("orderId").asLong(), outputs::toString);
        assertTrue(outputs.get("orderId").isIntegralNumber(), outputs::toString);
        assertEquals("confirmed", outputs.get("status").asText());
        assertEquals("T-1007", outputs.get("tracking").asText());
        assertEquals(List.of("GET /api/pets/rex", "POST /api/orders/1007/ship"), requests);
    }

    @Test
    void aReceiveWithoutAReplyInTimeTakesItsOnFailureAction() throws Exception {
        requests.clear();
        ObjectNode outputs = run("k-2", Duration.ofSeconds(30));

        assertEquals(List.of("GET /api/pets/rex", "POST /api/incidents"), requests);
        assertTrue(outputs.get("orderId") == null || outputs.get("orderId").isNull(), outputs::toString);
    }

    private static Message reply(String requestId, long orderId, String status) {
        ObjectNode payload = JSON.createObjectNode().put("orderId", orderId).put("status", status);
        return new Message("weft.confirm-order", Map.of("orderRequestId", requestId), payload, Instant.now());
    }

    private static ObjectNode run(String requestId, Duration receiveTimeout) throws Exception {
        ArazzoClient client = ArazzoClient.builder()
                .server("pets", "http://127.0.0.1:" + server.getAddress().getPort() + "/api")
                .messageTransport(transport)
                .receiveTimeout(receiveTimeout)
                .listener(WorkflowListener.NONE)
                .build();
        ObjectNode inputs = JSON.createObjectNode().put("name", "rex").put("requestId", requestId);
        return JsonWorkflow.of(loader.loadClass("buypet.BuyPetWorkflow")).run(client, inputs);
    }

    /** The fixture compiled by Weft, then by javac under {@code -Xlint:all -Werror}, and loaded. */
    private static URLClassLoader compile() throws Exception {
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(FIXTURE)
                .packageName("buypet")
                .build());
        assertEquals(List.of(), result.errors());
        List<String> options = new ArrayList<>(List.of(
                "-Xlint:all",
                "-Xlint:-processing",
                "-Werror",
                "-proc:none",
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                Files.createDirectories(work.resolve("classes")).toString()));
        for (GeneratedFile file : result.files()) {
            options.add(file.writeTo(work.resolve("src")).toString());
        }
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, messages, messages, options.toArray(String[]::new));
        assertEquals(0, status, messages.toString(StandardCharsets.UTF_8));
        return new URLClassLoader(
                new URL[] {work.resolve("classes").toUri().toURL()}, KafkaWorkflowTest.class.getClassLoader());
    }
}
