package dev.weft.examples.civitai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.examples.civitai.workflows.ImageGenerationPollTemporal;
import dev.weft.examples.civitai.workflows.ImageGenerationPollWorkflow;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowListener;
import dev.weft.temporal.DurableWorker;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import java.io.Closeable;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's durable run as written, over gRPC to a Temporal server in real time: the one at
 * {@code WEFT_TEMPORAL_TARGET} when it is set (for example {@code 127.0.0.1:7233}, which
 * {@code temporal server start-dev} serves), else Temporal's own test server started here on a free local port.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DurableOnAServerTest {
    private static final String KEY = "civitai-test-key-3b9d1f";

    @Test
    void theReadmesWorkerAndClientCallRunImageGenerationPollOnAServer() throws IOException {
        String target = System.getenv("WEFT_TEMPORAL_TARGET");
        Closeable ownServer = null;
        if (target == null || target.isBlank()) {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            ownServer = TestServer.createPortBoundServer(port, false);
            target = "127.0.0.1:" + port;
            System.out.println("WEFT_TEMPORAL_TARGET is not set: running on Temporal's test server at " + target);
        }
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
        try (FakeCivitaiServer fake = FakeCivitaiServer.start()) {
            fake.pollsUntilDone(2);
            WorkflowClient workflowClient = WorkflowClient.newInstance(service);
            ArazzoClient arazzoClient = ArazzoClient.builder()
                    .server("civitaiOrchestrationApi", fake.orchestrationUrl())
                    .listener(WorkflowListener.NONE)
                    .pollPolicy(PollPolicy.defaults().withInitialDelay(Duration.ofMillis(500)))
                    .build();

            // the README's worker, as written there
            WorkerFactory factory = WorkerFactory.newInstance(workflowClient);
            DurableWorker.builder(factory.newWorker("civitai"), arazzoClient)
                    .secret("apiKey", () -> KEY)
                    .register(ImageGenerationPollTemporal.TYPE)
                    .build();
            factory.start();
            try {
                // the README's client call
                ImageGenerationPollWorkflow.Outputs outputs = ImageGenerationPollTemporal.TYPE.run(
                        workflowClient,
                        WorkflowOptions.newBuilder()
                                .setTaskQueue("civitai")
                                .setWorkflowId("image-" + System.nanoTime())
                                .build(),
                        ImageGenerationPollTemporal.Inputs.builder()
                                .engine("flux2")
                                .prompt("a lighthouse")
                                .build());
                assertEquals("succeeded", outputs.status());
                assertEquals("https://blobs.example/" + outputs.workflowId() + "/0.png", outputs.firstBlobUrl());
                assertEquals(1, fake.submittedBodies().size());
            } finally {
                factory.shutdownNow();
                factory.awaitTermination(10, TimeUnit.SECONDS);
            }
        } finally {
            service.shutdownNow();
            if (ownServer != null) {
                ownServer.close();
            }
        }
    }
}
