package dev.weft.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Set;

/**
 * image-generation-poll written by hand on the JDK's {@code HttpRequest} and Jackson: submit, poll while running,
 * read the result. The baseline of {@link PollOverheadBenchmark} (over HTTP) and of {@link RuntimeCpuBenchmark}
 * (on replayed responses), which differ only in how a request gets its response, so both measure the same work.
 */
final class HandWrittenPoll {

    /** The API key both sides send. */
    static final String KEY = "benchmark-key-0123456789";

    private static final Set<String> RUNNING = Set.of("processing", "preparing", "unassigned");

    /** Gets a request's JSON response, failing unless its status is the expected one. */
    interface Exchange {
        JsonNode send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException;
    }

    private HandWrittenPoll() {}

    /**
     * Runs the workflow once.
     *
     * @param json the mapper
     * @param base the server's base URL
     * @param exchange how a request gets its response
     * @return the workflow id, the final status, the first blob's URL and the cost
     */
    static Object[] run(ObjectMapper json, String base, Exchange exchange) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode();
        ObjectNode step = body.putArray("steps").addObject();
        step.put("$type", "imageGen").put("name", "generate");
        step.putObject("input").put("engine", "flux2").put("prompt", "a fox").put("quantity", 1);
        JsonNode submitted = exchange.send(
                HttpRequest.newBuilder(URI.create(base + "/v2/consumer/workflows"))
                        .header("Authorization", "Bearer " + KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))),
                202);
        String id = submitted.get("id").asText();
        URI poll = URI.create(base + "/v2/consumer/workflows/" + id);
        JsonNode status;
        do {
            status = exchange.send(
                    HttpRequest.newBuilder(poll)
                            .header("Authorization", "Bearer " + KEY)
                            .GET(),
                    200);
        } while (RUNNING.contains(status.get("status").asText()));
        JsonNode result = exchange.send(
                HttpRequest.newBuilder(poll)
                        .header("Authorization", "Bearer " + KEY)
                        .GET(),
                200);
        return new Object[] {
            id,
            result.get("status").asText(),
            result.at("/steps/0/jobs/0/result/blobs/0/url").asText(),
            result.at("/cost/total").asLong()
        };
    }
}
