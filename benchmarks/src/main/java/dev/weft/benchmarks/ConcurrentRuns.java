package dev.weft.benchmarks;

import dev.weft.examples.civitai.FakeCivitaiServer;
import dev.weft.examples.civitai.workflows.ImageGenerationPollWorkflow;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowListener;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time and peak heap of 10,000 image-generation-poll runs at once through {@code runAsync} on a pool
 * of 4 threads, against one fake Civitai server; every output is checked. Run it with {@code -Xmx512m}.
 */
public final class ConcurrentRuns {
    private ConcurrentRuns() {}

    /** The heap the last collection of each heap pool left, summed. */
    private static long liveAfterLastGc() {
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage after = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && after != null) {
                live += after.getUsed();
            }
        }
        return live;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (FakeCivitaiServer fake = FakeCivitaiServer.start()) {
            ArazzoClient client = ArazzoClient.builder()
                    .server("civitaiOrchestrationApi", fake.orchestrationUrl())
                    .executor(pool)
                    .requestTimeout(Duration.ofSeconds(120))
                    .pollPolicy(PollPolicy.defaults()
                            .withInitialDelay(Duration.ofMillis(100))
                            .withMaxDelay(Duration.ofMillis(100)))
                    .listener(WorkflowListener.NONE)
                    .build();
            ImageGenerationPollWorkflow workflow = new ImageGenerationPollWorkflow(client);
            AtomicLong maxUsed = new AtomicLong();
            AtomicLong maxLive = new AtomicLong();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(
                    () -> {
                        maxUsed.accumulateAndGet(
                                ManagementFactory.getMemoryMXBean()
                                        .getHeapMemoryUsage()
                                        .getUsed(),
                                Math::max);
                        maxLive.accumulateAndGet(liveAfterLastGc(), Math::max);
                    },
                    0,
                    20,
                    TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            List<CompletableFuture<ImageGenerationPollWorkflow.Outputs>> futures = new ArrayList<>(runs);
            for (int i = 0; i < runs; i++) {
                futures.add(workflow.runAsync(ImageGenerationPollWorkflow.Inputs.builder()
                        .apiKey("key-" + i)
                        .engine("flux2")
                        .prompt("p" + i)
                        .quantity(1L)
                        .build()));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            for (CompletableFuture<ImageGenerationPollWorkflow.Outputs> future : futures) {
                ImageGenerationPollWorkflow.Outputs outputs = future.join();
                if (!"succeeded".equals(outputs.status()) || outputs.cost() != 12L) {
                    throw new IllegalStateException("wrong outputs: " + outputs);
                }
            }
            sampler.shutdownNow();
            // the heap in use sampled every 20 ms (garbage included, so G1 fills what -Xmx allows), and the heap
            // left after a collection (what the open runs hold), within the -Xmx the program ran under
            System.out.printf(
                    "concurrency: %d runAsync runs on 4 threads in %.1f s, max heap in use %d MiB, "
                            + "max live after GC %d MiB (-Xmx %d MiB)%n",
                    runs,
                    seconds,
                    maxUsed.get() / (1024 * 1024),
                    maxLive.get() / (1024 * 1024),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
        } finally {
            pool.shutdownNow();
        }
    }
}
