package dev.weft.examples.civitai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.test.ArazzoExtension;
import dev.weft.test.StubResponse;
import dev.weft.test.StubTransport;
import dev.weft.test.VirtualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tests {@link ImageGenerator}, user code that calls the generated {@code ImageGenerationPollWorkflow}, with the Weft
 * test kit: replies scripted per operationId, the requests asserted, the poll delays on a virtual clock.
 */
@ExtendWith(ArazzoExtension.class)
@Timeout(20)
class ImageGeneratorTest {

    private static final String KEY = "test-key-0123456789";
    private static final String WORKFLOW = "{\"id\":\"wf-1\",\"status\":\"%s\"}";
    private static final String SUCCEEDED = "{\"id\":\"wf-1\",\"status\":\"succeeded\",\"cost\":{\"total\":12},"
            + "\"steps\":[{\"jobs\":[{\"result\":{\"blobs\":[{\"url\":\"https://blobs.example/wf-1/0.png\"}]}}]}]}";

    private static StubResponse workflow(String status) {
        return StubResponse.json(200, WORKFLOW.formatted(status));
    }

    @Test
    void waitsForThreePollsWithoutWaiting(ArazzoClient client, StubTransport stub, VirtualClock clock) {
        stub.on("submitWorkflow").reply(StubResponse.json(202, WORKFLOW.formatted("unassigned")));
        // three polls: processing, processing, succeeded; the final read gets the last reply again
        stub.on("getWorkflow").reply(workflow("processing"), workflow("processing"), StubResponse.json(200, SUCCEEDED));

        long start = System.nanoTime();
        ImageGenerator.Image image = new ImageGenerator(client, KEY, "flux2").generate("a lighthouse at dusk");
        Duration wall = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(new ImageGenerator.Image("https://blobs.example/wf-1/0.png", 12), image);
        stub.assertRequestCount("getWorkflow", 4);
        // the default poll policy waited 1 s and 1.5 s between the polls: on the virtual clock only
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofMillis(1500)), clock.waits());
        assertTrue(wall.compareTo(clock.totalWaited()) < 0, "no wall-time wait: " + wall);
        stub.onlyRequest("submitWorkflow")
                .assertMethod("POST")
                .assertPath("/v2/consumer/workflows")
                .assertHeader("Authorization", "Bearer " + KEY)
                .assertJsonAt("/steps/0/input/prompt", "\"a lighthouse at dusk\"")
                .assertJsonAt("/steps/0/input/quantity", "1");
        stub.requests("getWorkflow").forEach(poll -> poll.assertPath("/v2/consumer/workflows/wf-1"));
    }

    @Test
    void aLongPollCostsNoWallTimeEither(ArazzoClient.Builder builder, StubTransport stub, VirtualClock clock) {
        stub.on("submitWorkflow").reply(StubResponse.json(202, WORKFLOW.formatted("unassigned")));
        StubResponse[] replies = new StubResponse[31];
        java.util.Arrays.fill(replies, workflow("processing"));
        replies[30] = StubResponse.json(200, SUCCEEDED);
        stub.on("getWorkflow").reply(replies);
        ArazzoClient client = builder.pollPolicy(PollPolicy.defaults().withMaxDelay(Duration.ofSeconds(30)))
                .build();

        new ImageGenerator(client, KEY, "flux2").generate("a fox");

        assertEquals(30, clock.waits().size());
        assertTrue(clock.totalWaited().compareTo(Duration.ofMinutes(10)) > 0, "waited " + clock.totalWaited());
    }

    @Test
    void aFailedJobIsAnError(ArazzoClient client, StubTransport stub) {
        stub.on("submitWorkflow").reply(StubResponse.json(202, WORKFLOW.formatted("unassigned")));
        stub.on("getWorkflow").reply(workflow("processing"), workflow("failed"));

        ImageGenerator.NoImageException e = assertThrows(
                ImageGenerator.NoImageException.class,
                () -> new ImageGenerator(client, KEY, "flux2").generate("a fox"));
        assertEquals("job wf-1 ended without an image (status null)", e.getMessage());
        // the workflow's 'failed' action ends it after the poll: no final read
        stub.assertRequestCount("getWorkflow", 2);
    }
}
