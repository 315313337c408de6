package dev.weft.examples.civitai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.examples.civitai.workflows.CancelWorkflow;
import dev.weft.examples.civitai.workflows.GetWorkflow;
import dev.weft.examples.civitai.workflows.PatchWorkflow;
import dev.weft.examples.civitai.workflows.QueryWorkflow;
import dev.weft.examples.civitai.workflows.SubmitWorkflow;
import dev.weft.examples.civitai.workflows.UpdateWorkflow;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The six single-operation workflows of {@code civitai-orchestration-operations.yml}: every operation the Naftiko
 * capability consumes, called from Java over real HTTP against the fake server.
 */
@Timeout(30)
class OperationWorkflowsTest {
    private static final String KEY = "test-key-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeCivitaiServer fake;
    private ArazzoClient client;

    @BeforeEach
    void start() {
        fake = FakeCivitaiServer.start();
        client = ArazzoClient.builder()
                .server("civitaiOrchestrationApi", fake.orchestrationUrl())
                .pollPolicy(PollPolicy.noDelay())
                .build();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void submitGetQueryUpdatePatchAndCancelAWorkflow() throws Exception {
        JsonNode request = JSON.readTree("{\"steps\": [{\"$type\": \"imageGen\", \"input\":"
                + " {\"engine\": \"flux2\", \"prompt\": \"a heron\"}}], \"tags\": [\"birds\"]}");
        JsonNode submitted = new SubmitWorkflow(client)
                .run(SubmitWorkflow.Inputs.builder().apiKey(KEY).body(request).build())
                .result();
        String id = submitted.path("id").asText();
        assertEquals("unassigned", submitted.path("status").asText());
        assertEquals(
                "a heron", fake.submittedBody(id).at("/steps/0/input/prompt").asText());

        JsonNode read = new GetWorkflow(client)
                .run(GetWorkflow.Inputs.builder().apiKey(KEY).workflowId(id).build())
                .result();
        assertEquals(id, read.path("id").asText());
        assertEquals(1, fake.pollCount(id));

        JsonNode page = new QueryWorkflow(client)
                .run(QueryWorkflow.Inputs.builder().apiKey(KEY).take(5L).build())
                .result();
        assertEquals(id, page.at("/items/0/id").asText());

        JsonNode patched = new PatchWorkflow(client)
                .run(PatchWorkflow.Inputs.builder()
                        .apiKey(KEY)
                        .workflowId(id)
                        .operations(
                                List.of(JSON.readTree("{\"op\": \"add\", \"path\": \"/tags/-\", \"value\": \"x\"}")))
                        .build())
                .result();
        assertEquals("[\"birds\",\"x\"]", patched.path("tags").toString());

        JsonNode updated = new UpdateWorkflow(client)
                .run(UpdateWorkflow.Inputs.builder()
                        .apiKey(KEY)
                        .workflowId(id)
                        .body(JSON.readTree("{\"status\": \"canceled\"}"))
                        .build())
                .result();
        assertEquals("canceled", updated.path("status").asText());
        assertEquals("canceled", fake.workflowStatus(id));

        CancelWorkflow.Outputs deleted = new CancelWorkflow(client)
                .run(CancelWorkflow.Inputs.builder().apiKey(KEY).workflowId(id).build());
        assertEquals(204L, deleted.status());
        WorkflowException gone = assertThrows(
                WorkflowException.class,
                () -> new GetWorkflow(client)
                        .run(GetWorkflow.Inputs.builder()
                                .apiKey(KEY)
                                .workflowId(id)
                                .build()));
        assertEquals(404, gone.httpStatus());
        assertEquals("getWorkflow", gone.stepId());
        assertEquals(0, fake.unauthorizedCount());
    }

    @Test
    void aQueryFilterThatTheServerRefusesFailsTheRunNamingTheStep() {
        WorkflowException e = assertThrows(
                WorkflowException.class,
                () -> new QueryWorkflow(client)
                        .run(QueryWorkflow.Inputs.builder()
                                .apiKey(KEY)
                                .status("sleeping")
                                .build()));
        assertEquals(400, e.httpStatus());
        assertTrue(e.responseExcerpt().contains("unknown status 'sleeping'"), e.responseExcerpt());
        assertFalse(e.getMessage().contains(KEY), "the key is not in the message");
    }
}
