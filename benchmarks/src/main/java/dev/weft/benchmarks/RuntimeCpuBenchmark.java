package dev.weft.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.examples.civitai.FakeCivitaiServer;
import dev.weft.examples.civitai.workflows.ImageGenerationPollWorkflow;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowListener;
import dev.weft.runtime.http.HttpCall;
import dev.weft.runtime.http.HttpResult;
import dev.weft.runtime.http.HttpTransport;
import dev.weft.runtime.http.JdkHttpTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU a run of image-generation-poll costs on the calling thread without the wire: the responses of one real
 * run against the fake Civitai server are recorded once, then replayed by a transport that answers at once.
 * {@link #generated} is the generated workflow and the runtime (request building, criteria, outputs, secrets,
 * events, poll guard); {@link #byHand} is the same work as {@code PollOverheadBenchmark.handWritten} does apart
 * from sending (the JSON bodies written and read, the JDK requests built). Their difference is Weft's own cost
 * per run, which {@code PollOverheadBenchmark} measures diluted by the HTTP exchanges; this one measures it alone,
 * steadily enough to tell a change of a microsecond. It leaves out the default transport's own work around the
 * JDK client (its deadline, request gate and body limit), which only the HTTP benchmark includes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class RuntimeCpuBenchmark {
    private static final String KEY = HandWrittenPoll.KEY;

    /** Processing polls before a job succeeds, as in {@link PollOverheadBenchmark}. */
    @Param({"3"})
    public int polls;

    /**
     * Kilobytes of memory written at each exchange, standing for the HTTP client's, the server's and the other
     * threads' use of the caches while a request is out: 0 (the default) measures the runtime with warm caches;
     * {@code -p evictKb=2048} with caches about as cold as real exchanges leave them on a small machine, where the
     * walk costs far more than the runtime and the difference of the two sides is noisy (3 to 25 us per run in
     * four runs of 2 forks).
     */
    @Param({"0"})
    public int evictKb;

    private static byte[] evicted = new byte[0];
    private static int sink;

    private ImageGenerationPollWorkflow workflow;
    private ImageGenerationPollWorkflow.Inputs inputs;
    private List<HttpResult> recorded;
    private final ObjectMapper json = new ObjectMapper();
    private String base;
    private final HandWrittenPoll.Exchange replayed = this::read;
    /** The recorded response {@link #byHand}'s next request gets; a run takes them all, in order. */
    private int nextResponse;

    /** Answers with the recorded responses, in order, over and over. */
    private static final class Replay implements HttpTransport {
        private final List<HttpResult> results;
        private int next;

        Replay(List<HttpResult> results) {
            this.results = results;
        }

        @Override
        public HttpResult send(HttpCall call) {
            evict();
            HttpResult result = results.get(next);
            next = (next + 1) % results.size();
            return result;
        }

        @Override
        public CompletableFuture<HttpResult> sendAsync(HttpCall call) {
            return CompletableFuture.completedFuture(send(call));
        }
    }

    @Setup(Level.Trial)
    public void start() throws Exception {
        List<HttpResult> results = new ArrayList<>();
        try (FakeCivitaiServer fake = FakeCivitaiServer.start().pollsUntilDone(polls)) {
            base = fake.orchestrationUrl();
            JdkHttpTransport http = new JdkHttpTransport(Duration.ofSeconds(10), 1 << 20);
            HttpTransport recording = new HttpTransport() {
                @Override
                public HttpResult send(HttpCall call) throws IOException, InterruptedException {
                    HttpResult result = http.send(call);
                    results.add(result);
                    return result;
                }

                @Override
                public CompletableFuture<HttpResult> sendAsync(HttpCall call) {
                    throw new UnsupportedOperationException();
                }
            };
            new ImageGenerationPollWorkflow(client(recording)).run(inputs());
        }
        if (results.size() != polls + 3) {
            throw new IllegalStateException("recorded " + results.size() + " responses, expected " + (polls + 3));
        }
        recorded = List.copyOf(results);
        evicted = new byte[evictKb * 1024];
        inputs = inputs();
        workflow = new ImageGenerationPollWorkflow(client(new Replay(recorded)));
    }

    private ArazzoClient client(HttpTransport transport) {
        return ArazzoClient.builder()
                .server("civitaiOrchestrationApi", base)
                .transport(transport)
                .pollPolicy(PollPolicy.noDelay().withMaxIterations(1_000_000))
                .listener(WorkflowListener.NONE)
                .build();
    }

    private static ImageGenerationPollWorkflow.Inputs inputs() {
        return ImageGenerationPollWorkflow.Inputs.builder()
                .apiKey(KEY)
                .engine("flux2")
                .prompt("a fox")
                .quantity(1L)
                .build();
    }

    @Benchmark
    public ImageGenerationPollWorkflow.Outputs generated() {
        return workflow.run(inputs);
    }

    /** What the hand-written side of {@code PollOverheadBenchmark} does besides sending, on the same bytes. */
    @Benchmark
    public Object[] byHand() {
        try {
            return HandWrittenPoll.run(json, base, replayed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Walks the eviction buffer, a write to each cache line, as other threads would between two requests. */
    private static void evict() {
        byte[] buffer = evicted;
        int sum = 0;
        for (int i = 0; i < buffer.length; i += 64) {
            sum += buffer[i]++;
        }
        sink += sum;
    }

    /** The next recorded response, its request built as it would be to send it. */
    private JsonNode read(HttpRequest.Builder request, int expected) throws IOException {
        evict();
        HttpResult response = recorded.get(nextResponse);
        nextResponse = (nextResponse + 1) % recorded.size();
        if (response.statusCode() != expected || request.build().uri() == null) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        return json.readTree(response.body());
    }
}
