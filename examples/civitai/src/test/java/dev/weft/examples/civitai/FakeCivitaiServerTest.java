package dev.weft.examples.civitai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeCivitaiServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORKFLOWS = "/v2/consumer/workflows";
    private static final String TOKEN = "Bearer test-token";

    private FakeCivitaiServer fake;

    @BeforeEach
    void start() {
        fake = FakeCivitaiServer.start();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void submitAnswers202WithAnUnassignedWorkflow() throws Exception {
        String body = imageGen("a red fox", 1);
        Reply reply = send("POST", WORKFLOWS, body);
        assertEquals(202, reply.status());
        assertEquals("wf-1", reply.json().path("id").asText());
        assertEquals("unassigned", reply.json().path("status").asText());
        assertEquals(JSON.readTree(body), fake.submittedBody("wf-1"));
        assertEquals(List.of(JSON.readTree(body)), fake.submittedBodies());
    }

    @Test
    void pollsProgressToSucceededWithBlobsAndCost() throws Exception {
        String id = send("POST", WORKFLOWS, imageGen("a red fox", 2))
                .json()
                .path("id")
                .asText();
        assertEquals("processing", get(WORKFLOWS + "/" + id).path("status").asText());
        assertEquals("processing", get(WORKFLOWS + "/" + id).path("status").asText());
        JsonNode done = get(WORKFLOWS + "/" + id);
        assertEquals("succeeded", done.path("status").asText());
        JsonNode blobs = done.at("/steps/0/jobs/0/result/blobs");
        assertEquals(2, blobs.size());
        assertEquals(
                "https://blobs.example/" + id + "/0.png",
                blobs.path(0).path("url").asText());
        assertEquals(
                "https://blobs.example/" + id + "/1.png",
                blobs.path(1).path("url").asText());
        assertEquals(24, done.at("/cost/total").asInt());
        assertTrue(done.at("/cost/total").isInt());
        assertEquals("BUZZ", done.at("/cost/currency").asText());
        assertEquals("succeeded", get(WORKFLOWS + "/" + id).path("status").asText());
        assertEquals(4, fake.pollCount(id));
    }

    @Test
    void failMarkerInThePromptEndsFailedWithoutBlobs() throws Exception {
        fake.pollsUntilDone(0);
        String id = send("POST", WORKFLOWS, imageGen("please FAIL", 1))
                .json()
                .path("id")
                .asText();
        JsonNode done = get(WORKFLOWS + "/" + id);
        assertEquals("failed", done.path("status").asText());
        assertTrue(done.at("/steps/0/jobs/0/result").isMissingNode());
    }

    @Test
    void submitRejectsBadBodies() throws Exception {
        assertEquals(400, send("POST", WORKFLOWS, "{\"steps\": []}").status());
        assertEquals(400, send("POST", WORKFLOWS, "{\"tags\": [\"x\"]}").status());
        Reply malformed = send("POST", WORKFLOWS, "{\"steps\": [");
        assertEquals(400, malformed.status());
        assertEquals("bad_request", malformed.json().path("code").asText());
        assertTrue(fake.submittedBodies().isEmpty());
    }

    @Test
    void queryFiltersByStatusNewestFirstAndPages() throws Exception {
        String older = fake.seedWorkflow("processing");
        fake.seedWorkflow("succeeded");
        String newer = fake.seedWorkflow("processing");
        JsonNode first = get(WORKFLOWS + "?status=PROCESSING&take=1");
        assertEquals(List.of(newer), ids(first));
        assertEquals("1", first.path("nextCursor").asText());
        JsonNode second = get(WORKFLOWS + "?status=processing&take=1&cursor=1");
        assertEquals(List.of(older), ids(second));
        assertTrue(second.path("nextCursor").isNull());
        assertEquals(3, ids(get(WORKFLOWS)).size());
        assertEquals(400, send("GET", WORKFLOWS + "?status=sleeping", null).status());
    }

    @Test
    void putCanceledCancelsAndTheStatusSticks() throws Exception {
        String id = fake.seedWorkflow("processing");
        assertEquals("processing", get(WORKFLOWS + "/" + id).path("status").asText());
        Reply canceled = send("PUT", WORKFLOWS + "/" + id, "{\"status\": \"canceled\"}");
        assertEquals(200, canceled.status());
        assertEquals("canceled", canceled.json().path("status").asText());
        assertEquals("canceled", get(WORKFLOWS + "/" + id).path("status").asText());
        assertEquals(
                400,
                send("PUT", WORKFLOWS + "/" + id, "{\"status\": \"processing\"}")
                        .status());
    }

    @Test
    void patchAnswersTheWorkflowAndDeleteRemovesIt() throws Exception {
        String id = fake.seedWorkflow("processing");
        Reply patched =
                send("PATCH", WORKFLOWS + "/" + id, "[{\"op\": \"add\", \"path\": \"/tags/-\", \"value\": \"x\"}]");
        assertEquals(200, patched.status());
        assertEquals(id, patched.json().path("id").asText());
        assertEquals("[\"x\"]", patched.json().path("tags").toString(), "the tag was added");
        Reply removed = send("PATCH", WORKFLOWS + "/" + id, "[{\"op\": \"remove\", \"path\": \"/tags/0\"}]");
        assertEquals("[]", removed.json().path("tags").toString());
        assertEquals(
                400,
                send("PATCH", WORKFLOWS + "/" + id, "[{\"op\": \"move\", \"path\": \"/x\"}]")
                        .status());
        assertEquals(204, send("DELETE", WORKFLOWS + "/" + id, null).status());
        assertEquals(404, send("GET", WORKFLOWS + "/" + id, null).status());
    }

    @Test
    void uploadUrlAnswersABlobIdAndRecordsTheQuery() throws Exception {
        JsonNode answer = get("/v2/consumer/blobs/upload-url?mimeType=image%2Fpng&sizeBytes=1234");
        assertEquals("blob-1", answer.path("blobId").asText());
        assertEquals(
                fake.orchestrationUrl() + "/upload/blob-1",
                answer.path("uploadUrl").asText());
        assertTrue(Instant.parse(answer.path("expiresAt").asText()).isAfter(Instant.now()));
        assertEquals(
                400,
                send("GET", "/v2/consumer/blobs/upload-url?sizeBytes=1", null).status());
        assertEquals(List.of("mimeType=image%2Fpng&sizeBytes=1234", "sizeBytes=1"), fake.uploadUrlRequests());
    }

    @Test
    void modelVersionHasAnAir() throws Exception {
        JsonNode version = getAt(fake.siteUrl() + "/model-versions/101");
        assertEquals(101, version.path("id").asInt());
        assertEquals(1101, version.path("modelId").asInt());
        assertEquals(
                "urn:air:sdxl:checkpoint:civitai:1101@101", version.path("air").asText());
        assertEquals("SDXL 1.0", version.path("baseModel").asText());
        assertEquals(
                404,
                sendTo("GET", fake.siteUrl() + "/model-versions/404", null, TOKEN)
                        .status());
        assertEquals(
                400,
                sendTo("GET", fake.siteUrl() + "/model-versions/abc", null, TOKEN)
                        .status());
    }

    @Test
    void requestsWithoutABearerTokenAre401() throws Exception {
        Reply none = sendTo("GET", fake.siteUrl() + "/model-versions/1", null, null);
        assertEquals(401, none.status());
        assertEquals("unauthorized", none.json().path("code").asText());
        assertEquals(
                401,
                sendTo("POST", fake.orchestrationUrl() + WORKFLOWS, imageGen("x", 1), "Bearer  ")
                        .status());
        assertEquals(
                401,
                sendTo("GET", fake.orchestrationUrl() + "/nowhere", null, "Basic abc")
                        .status());
        assertEquals(3, fake.unauthorizedCount());
        assertTrue(fake.submittedBodies().isEmpty());
    }

    @Test
    void unknownRoutesAndWorkflowsAre404() throws Exception {
        Reply route = send("GET", "/v2/nowhere", null);
        assertEquals(404, route.status());
        assertEquals("not_found", route.json().path("code").asText());
        assertEquals(404, send("GET", WORKFLOWS + "/wf-999", null).status());
        assertEquals(
                404,
                send("PUT", WORKFLOWS + "/wf-999", "{\"status\": \"canceled\"}").status());
    }

    @Test
    void concurrentSubmissionsGetDistinctIds() {
        fake.pollsUntilDone(0);
        List<CompletableFuture<String>> runs = IntStream.range(0, 200)
                .mapToObj(i -> submitAndPollAsync("fox " + i))
                .toList();
        Set<String> ids = runs.stream().map(CompletableFuture::join).collect(Collectors.toSet());
        assertEquals(200, ids.size());
        assertEquals(200, fake.submittedBodies().size());
        ids.forEach(id -> assertEquals("succeeded", fake.workflowStatus(id)));
    }

    private CompletableFuture<String> submitAndPollAsync(String prompt) {
        HttpRequest submit = request("POST", fake.orchestrationUrl() + WORKFLOWS, imageGen(prompt, 1), TOKEN);
        return HTTP.sendAsync(submit, BodyHandlers.ofString())
                .thenApply(response -> parse(response.body()).path("id").asText())
                .thenCompose(id -> HTTP.sendAsync(
                                request("GET", fake.orchestrationUrl() + WORKFLOWS + "/" + id, null, TOKEN),
                                BodyHandlers.ofString())
                        .thenApply(response -> {
                            assertFalse(parse(response.body())
                                    .path("status")
                                    .asText()
                                    .isEmpty());
                            return id;
                        }));
    }

    private static String imageGen(String prompt, int quantity) {
        return """
        {"steps": [{"$type": "imageGen", "name": "generate",
                    "input": {"engine": "sdxl", "prompt": "%s", "quantity": %d}}]}
        """.formatted(prompt, quantity);
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .map(item -> item.path("id").asText())
                .toList();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return getAt(fake.orchestrationUrl() + path);
    }

    private JsonNode getAt(String url) throws IOException, InterruptedException {
        Reply reply = sendTo("GET", url, null, TOKEN);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private Reply send(String method, String path, String body) throws IOException, InterruptedException {
        return sendTo(method, fake.orchestrationUrl() + path, body, TOKEN);
    }

    private static Reply sendTo(String method, String url, String body, String authorization)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request(method, url, body, authorization), BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    private static HttpRequest request(String method, String url, String body, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private record Reply(int status, String body) {
        JsonNode json() {
            return parse(body);
        }
    }
}
