package dev.weft.examples.civitai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.examples.civitai.workflows.ImageGenerationPollWorkflow;
import dev.weft.examples.civitai.workflows.ModelVersionToGenerationWorkflow;
import dev.weft.examples.civitai.workflows.PresignedBlobGenerateWorkflow;
import dev.weft.examples.civitai.workflows.WorkflowQueryCancelWorkflow;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The four seed workflows' generated classes, run over real HTTP against the fake Civitai server. */
class SeedWorkflowsTest {
    private static final String KEY = "test-key-0123456789";

    private FakeCivitaiServer fake;
    private ArazzoClient client;

    @BeforeEach
    void start() {
        fake = FakeCivitaiServer.start();
        client = ArazzoClient.builder()
                .server("civitaiOrchestrationApi", fake.orchestrationUrl())
                .server("civitaiSiteApi", fake.siteUrl())
                .pollPolicy(PollPolicy.noDelay())
                .build();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void imageGenerationPollPollsUntilSucceededAndReadsTheResult() {
        var outputs = new ImageGenerationPollWorkflow(client)
                .run(ImageGenerationPollWorkflow.Inputs.builder()
                        .apiKey(KEY)
                        .engine("flux2")
                        .prompt("a red fox")
                        .quantity(2L)
                        .build());

        assertEquals("succeeded", outputs.status());
        assertEquals("https://blobs.example/" + outputs.workflowId() + "/0.png", outputs.firstBlobUrl());
        assertEquals(24L, outputs.cost());
        // unassigned, processing, processing, succeeded: the poll step looped, then readOutputs read once more
        assertTrue(fake.pollCount(outputs.workflowId()) > 2, "polled " + fake.pollCount(outputs.workflowId()));
        JsonNode input = fake.submittedBody(outputs.workflowId()).at("/steps/0/input");
        assertEquals("a red fox", input.get("prompt").asText());
        assertEquals(2, input.get("quantity").asInt());
        assertTrue(input.get("quantity").isIntegralNumber(), "an integer input stays a JSON number");
        assertTrue(!input.has("negativePrompt") && !input.has("width"), "unset optional inputs are omitted: " + input);
    }

    @Test
    void imageGenerationPollEndsEarlyWhenTheJobFails() {
        var outputs = new ImageGenerationPollWorkflow(client)
                .run(ImageGenerationPollWorkflow.Inputs.builder()
                        .apiKey(KEY)
                        .engine("flux2")
                        .prompt("please FAIL")
                        .build());

        assertNotNull(outputs.workflowId());
        assertEquals("failed", fake.workflowStatus(outputs.workflowId()));
        assertNull(outputs.status(), "readOutputs never ran, so its outputs are absent");
        assertNull(outputs.firstBlobUrl());
    }

    @Test
    void imageGenerationPollRunsAsync() throws Exception {
        var outputs = new ImageGenerationPollWorkflow(client)
                .runAsync(ImageGenerationPollWorkflow.Inputs.builder()
                        .apiKey(KEY)
                        .engine("sdxl")
                        .prompt("a lighthouse")
                        .build())
                .get(30, TimeUnit.SECONDS);

        assertEquals("succeeded", outputs.status());
        assertEquals(12L, outputs.cost());
    }

    @Test
    void queryCancelEndsCanceled() {
        String running = fake.seedWorkflow("processing");

        var outputs = new WorkflowQueryCancelWorkflow(client)
                .run(WorkflowQueryCancelWorkflow.Inputs.builder()
                        .apiKey(KEY)
                        .status("processing")
                        .take(5L)
                        .build());

        assertEquals(running, outputs.workflowId());
        assertEquals("canceled", outputs.finalStatus());
        assertEquals("canceled", fake.workflowStatus(running));
    }

    @Test
    void modelVersionToGenerationUsesTheResolvedAir() {
        var outputs = new ModelVersionToGenerationWorkflow(client)
                .run(ModelVersionToGenerationWorkflow.Inputs.builder()
                        .apiKey(KEY)
                        .modelVersionId(42L)
                        .engine("sdxl")
                        .prompt("a castle")
                        .build());

        assertEquals("urn:air:sdxl:checkpoint:civitai:1042@42", outputs.air());
        JsonNode submitted = fake.submittedBody(outputs.workflowId());
        assertEquals(outputs.air(), submitted.at("/steps/0/input/model").asText(), "the fake server received the air");
        assertEquals("https://blobs.example/" + outputs.workflowId() + "/0.png", outputs.outputBlobUrl());
        assertEquals(12L, outputs.cost());
    }

    @Test
    void presignedBlobGenerateSendsCallbacksAndTheBlobId() {
        var outputs = new PresignedBlobGenerateWorkflow(client)
                .run(PresignedBlobGenerateWorkflow.Inputs.builder()
                        .apiKey(KEY)
                        .mimeType("image/png")
                        .sizeBytes(2048L)
                        .engine("flux2")
                        .prompt("a cat")
                        .callbackUrl("https://hooks.example/civitai")
                        .build());

        assertTrue(outputs.blobId().startsWith("blob-"), outputs.blobId());
        assertEquals(fake.orchestrationUrl() + "/upload/" + outputs.blobId(), outputs.uploadUrl());
        assertEquals("https://blobs.example/" + outputs.workflowId() + "/0.png", outputs.outputBlobUrl());
        JsonNode submitted = fake.submittedBody(outputs.workflowId());
        assertEquals(
                "https://hooks.example/civitai", submitted.get("callbackUrl").asText());
        assertEquals("workflow:succeeded", submitted.at("/callbackEvents/0").asText());
        assertEquals("workflow:failed", submitted.at("/callbackEvents/1").asText());
        assertEquals(outputs.blobId(), submitted.at("/steps/0/input/images/0").asText());
        assertTrue(
                fake.uploadUrlRequests().get(0).contains("mimeType=image%2Fpng")
                        || fake.uploadUrlRequests().get(0).contains("mimeType=image/png"),
                fake.uploadUrlRequests().toString());
    }
}
