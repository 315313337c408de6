package dev.weft.benchmarks;

import dev.weft.examples.civitai.workflows.ImageGenerationPollWorkflow;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowListener;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Time and heap of 10,000 image-generation-poll runs at once through {@code runAsync} on a pool of 4 threads,
 * against the fake Civitai server in a process of its own ({@link FakeServerProcess}, 2 polls a run), so that the
 * heap measured is the runtime's: every output is checked as it arrives.
 *
 * <p>It fails fast: the first failed or wrong run, an error on any thread (an {@link OutOfMemoryError} included)
 * or the global timeout ends the program with a message and a non-zero exit status, never a hang. The live heap
 * is measured by a full collection every second while runs are open (the heap in use right after it: what the
 * open runs hold) and, passively, as what each collection left.
 *
 * <p>{@code java -Xmx512m -XX:+ExitOnOutOfMemoryError -cp benchmarks.jar dev.weft.benchmarks.ConcurrentRuns
 * [RUNS] [TIMEOUT_SECONDS]}
 */
public final class ConcurrentRuns {
    /** Exit status: a run failed or returned the wrong outputs. */
    static final int FAILED = 1;
    /** Exit status: the runs did not finish within the timeout. */
    static final int TIMED_OUT = 2;
    /** Exit status: an error escaped on some thread. */
    static final int CRASHED = 3;

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

    /** Lines of the class histogram to print at the peak of the live heap ({@code -Dweft.histogram=N}). */
    private static final int HISTOGRAM = Integer.getInteger("weft.histogram", 0);

    /** The top of the heap's class histogram, through the in-process diagnostic command (no attach). */
    private static String histogram() {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "gcClassHistogram",
                            new Object[] {new String[0]},
                            new String[] {String[].class.getName()});
            String[] lines = text.toString().split("\n");
            StringBuilder top = new StringBuilder();
            for (int i = 0; i < Math.min(lines.length, HISTOGRAM + 3); i++) {
                top.append(lines[i]).append('\n');
            }
            top.append(lines[lines.length - 1]);
            return top.toString();
        } catch (Exception e) {
            return "no histogram: " + e;
        }
    }

    private static void dump() {
        String path = System.getProperty("weft.heapdump");
        if (path == null) {
            return;
        }
        try {
            java.nio.file.Files.deleteIfExists(Path.of(path));
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .dumpHeap(path, true);
        } catch (Exception e) {
            e.printStackTrace();
        }
    }

    /** The first failure, which the main thread reports: a run's callback may be on the client's own threads. */
    private static final AtomicReference<String> FAILURE = new AtomicReference<>();

    private static void fail(String message, Throwable cause) {
        if (FAILURE.compareAndSet(null, message) && cause != null) {
            cause.printStackTrace();
        }
    }

    /** Ends the program at once: a failure must not wait for 10,000 runs or a stuck thread. */
    private static void exit(int status, String message) {
        System.err.println("concurrency: FAILED: " + message);
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }

    /** The fake server in a child process: its base URL is the first line it prints. */
    private static Process server(int polls) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-Xmx1g",
                        // the JDK server closes a connection idle for 30 s (its default), and a client that
                        // takes it from its pool in that instant gets no response, which a POST does not retry;
                        // on a slow machine 10,000 runs take longer than that
                        "-Dsun.net.httpserver.idleInterval=3600",
                        "-cp",
                        System.getProperty("java.class.path"),
                        FakeServerProcess.class.getName(),
                        String.valueOf(polls))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return process;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long timeoutSeconds = args.length > 1 ? Long.parseLong(args[1]) : 300;
        Thread.setDefaultUncaughtExceptionHandler(
                (thread, e) -> fail("uncaught on thread '" + thread.getName() + "': " + e, e));
        Process server = server(2);
        BufferedReader serverOut =
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String url = serverOut.readLine();
        if (url == null || !url.startsWith("http://")) {
            exit(CRASHED, "the fake server did not start (printed " + url + ")");
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        ArazzoClient client = ArazzoClient.builder()
                .server("civitaiOrchestrationApi", url)
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
        AtomicLong maxLiveFullGc = new AtomicLong();
        AtomicLong done = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(runs);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "heap-sampler");
            thread.setDaemon(true);
            return thread;
        });
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
        AtomicReference<Long> submitted = new AtomicReference<>();
        AtomicReference<String> peakHistogram = new AtomicReference<>();
        sampler.scheduleAtFixedRate(
                () -> {
                    if (submitted.get() != null && finished.getCount() > runs / 10) {
                        System.gc(); // a full collection: what is left is what the open runs hold
                        long used = ManagementFactory.getMemoryMXBean()
                                .getHeapMemoryUsage()
                                .getUsed();
                        if (used > maxLiveFullGc.getAndAccumulate(used, Math::max) && HISTOGRAM > 0) {
                            peakHistogram.set("open runs " + finished.getCount() + "\n" + histogram());
                            dump();
                        }
                    }
                },
                500,
                1000,
                TimeUnit.MILLISECONDS);

        long start = System.nanoTime();
        // no list of the futures: a finished run's outputs are checked as they arrive and then let go, so the
        // heap measured is what the open runs hold
        for (int i = 0; i < runs; i++) {
            int run = i;
            CompletableFuture<ImageGenerationPollWorkflow.Outputs> future =
                    workflow.runAsync(ImageGenerationPollWorkflow.Inputs.builder()
                            .apiKey("key-" + i)
                            .engine("flux2")
                            .prompt("p" + i)
                            .quantity(1L)
                            .build());
            future.whenComplete((outputs, error) -> {
                if (error != null) {
                    fail("run " + run + " failed: " + error, error);
                } else if (!"succeeded".equals(outputs.status()) || outputs.cost() != 12L) {
                    fail("run " + run + " returned the wrong outputs: " + outputs, null);
                }
                done.incrementAndGet();
                finished.countDown();
            });
        }
        submitted.set(System.nanoTime());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!finished.await(100, TimeUnit.MILLISECONDS)) {
            if (FAILURE.get() != null) {
                exit(FAILED, FAILURE.get());
            }
            if (System.nanoTime() > deadline) {
                exit(TIMED_OUT, done.get() + " of " + runs + " runs done after " + timeoutSeconds + " s");
            }
        }
        if (FAILURE.get() != null) {
            exit(FAILED, FAILURE.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.shutdownNow();
        pool.shutdownNow();
        server.getOutputStream().close(); // the server stops when its stdin closes
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
        // the heap in use sampled every 20 ms (garbage included, so the collector fills what -Xmx allows), what
        // collections left, and the heap right after a full collection while runs were open
        System.out.printf(
                "concurrency: %d runAsync runs on 4 threads in %.1f s, max heap in use %d MiB, "
                        + "max live after GC %d MiB, max live after a full GC %d MiB (-Xmx %d MiB, server in "
                        + "process %d)%n",
                runs,
                seconds,
                maxUsed.get() / (1024 * 1024),
                maxLive.get() / (1024 * 1024),
                maxLiveFullGc.get() / (1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                server.pid());
        if (peakHistogram.get() != null) {
            System.out.println(peakHistogram.get());
        }
        System.out.flush();
        System.exit(0);
    }
}
