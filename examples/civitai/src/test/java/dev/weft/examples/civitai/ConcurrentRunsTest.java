package dev.weft.examples.civitai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.examples.civitai.workflows.ImageGenerationPollWorkflow;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 1,000 image-generation-poll runs at once through {@code runAsync}, on a pool of 4 threads: none
 * blocks a thread while it waits, so all complete, each with its own correct outputs.
 */
class ConcurrentRunsTest {
    private static final int RUNS = 1_000;

    @Test
    @Timeout(120)
    void aThousandConcurrentRunsOnFourThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (FakeCivitaiServer fake = FakeCivitaiServer.start()) {
            ArazzoClient client = ArazzoClient.builder()
                    .server("civitaiOrchestrationApi", fake.orchestrationUrl())
                    .executor(pool)
                    // a real poll delay: 1,000 runs waiting at once must not hold 1,000 threads
                    .pollPolicy(PollPolicy.defaults()
                            .withInitialDelay(Duration.ofMillis(50))
                            .withMaxDelay(Duration.ofMillis(50)))
                    .listener(WorkflowListener.NONE) // keep the test's log quiet
                    .build();
            ImageGenerationPollWorkflow workflow = new ImageGenerationPollWorkflow(client);

            List<CompletableFuture<ImageGenerationPollWorkflow.Outputs>> runs = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                runs.add(workflow.runAsync(ImageGenerationPollWorkflow.Inputs.builder()
                        .apiKey("key-" + i)
                        .engine("flux2")
                        .prompt("prompt " + i)
                        .quantity(1L + i % 3)
                        .build()));
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(100, TimeUnit.SECONDS);

            Set<String> ids = new HashSet<>();
            for (int i = 0; i < RUNS; i++) {
                ImageGenerationPollWorkflow.Outputs outputs = runs.get(i).join();
                long quantity = 1L + i % 3;
                assertEquals("succeeded", outputs.status());
                assertEquals(12L * quantity, outputs.cost(), "run " + i + " got its own workflow's cost");
                assertEquals("https://blobs.example/" + outputs.workflowId() + "/0.png", outputs.firstBlobUrl());
                assertEquals(
                        "prompt " + i,
                        fake.submittedBody(outputs.workflowId())
                                .at("/steps/0/input/prompt")
                                .asText());
                assertTrue(fake.pollCount(outputs.workflowId()) > 2);
                ids.add(outputs.workflowId());
            }
            assertEquals(RUNS, ids.size(), "every run submitted its own workflow");
        } finally {
            pool.shutdownNow();
        }
    }
}
