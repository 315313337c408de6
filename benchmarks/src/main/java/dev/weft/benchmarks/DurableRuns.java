package dev.weft.benchmarks;

import dev.weft.examples.civitai.FakeCivitaiServer;
import dev.weft.examples.civitai.workflows.ImageGenerationPollTemporal;
import dev.weft.examples.civitai.workflows.ImageGenerationPollWorkflow;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowListener;
import dev.weft.temporal.DurableRun;
import dev.weft.temporal.DurableWorker;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * 1,000 concurrent durable runs of {@code image-generation-poll} on Temporal's in-memory test service (time
 * skipping; poll delays of 5 s and more are timers), against the fake Civitai server on 127.0.0.1: the time
 * until all have ended with the right outputs, and the heap in use, sampled.
 */
public final class DurableRuns {
    private DurableRuns() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        try (FakeCivitaiServer fake = FakeCivitaiServer.start();
                TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            fake.pollsUntilDone(3);
            ArazzoClient client = ArazzoClient.builder()
                    .server("civitaiOrchestrationApi", fake.orchestrationUrl())
                    .listener(WorkflowListener.NONE)
                    .pollPolicy(PollPolicy.defaults().withInitialDelay(Duration.ofSeconds(5)))
                    .build();
            WorkerOptions options = WorkerOptions.newBuilder()
                    .setMaxConcurrentActivityExecutionSize(64)
                    .setMaxConcurrentWorkflowTaskExecutionSize(64)
                    .build();
            DurableWorker.builder(env.newWorker("bench", options), client)
                    .secret("apiKey", "bench-key-0000")
                    .register(ImageGenerationPollTemporal.TYPE)
                    .build();
            env.start();
            long[] maxHeap = {0};
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    maxHeap[0] = Math.max(maxHeap[0], heapInUse());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long start = System.nanoTime();
            List<CompletableFuture<ImageGenerationPollWorkflow.Outputs>> results = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                DurableRun<ImageGenerationPollWorkflow.Outputs> run = ImageGenerationPollTemporal.TYPE.start(
                        env.getWorkflowClient(),
                        WorkflowOptions.newBuilder()
                                .setTaskQueue("bench")
                                .setWorkflowId("bench-" + i)
                                .build(),
                        ImageGenerationPollTemporal.Inputs.builder()
                                .engine("flux2")
                                .prompt("run " + i)
                                .build());
                results.add(run.resultAsync());
            }
            int ok = 0;
            for (CompletableFuture<ImageGenerationPollWorkflow.Outputs> result : results) {
                if ("succeeded".equals(result.get(10, TimeUnit.MINUTES).status())) {
                    ok++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            System.out.printf(
                    "durable: %d of %d durable runs succeeded in %.1f s (%d requests), max heap in use %d MiB "
                            + "(-Xmx %d MiB)%n",
                    ok,
                    runs,
                    seconds,
                    fake.requestCount(),
                    maxHeap[0] >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private static long heapInUse() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }
}
