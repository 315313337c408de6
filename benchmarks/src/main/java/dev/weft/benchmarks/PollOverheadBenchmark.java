package dev.weft.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.examples.civitai.FakeCivitaiServer;
import dev.weft.examples.civitai.workflows.ImageGenerationPollWorkflow;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowListener;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of a generated workflow over the same HTTP calls written by hand: image-generation-poll
 * (submit, poll until done, read the result) against the fake Civitai server on 127.0.0.1, poll delay
 * zero, both on one JDK {@code HttpClient} setup and one Jackson mapper. The ratio of the two is the
 * per-step overhead of Weft's generated code and runtime. The generated side runs with
 * {@link WorkflowListener#NONE}, as the hand-written side reports nothing either.
 *
 * <p>Warm-up is long on purpose: on two cores kept busy by client, server and benchmark, the JIT needs about
 * twenty to thirty seconds to compile the generated path (more code than the hand-written one), and a shorter warm-up
 * measures the compiler, not the code. On such a machine every microsecond the calling thread spends costs about
 * two of wall time, as it competes with the server and the client's threads for the cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PollOverheadBenchmark {
    private static final String KEY = HandWrittenPoll.KEY;

    /** Processing polls before a job succeeds: requests per run = 1 submit + (polls + 2) GETs. */
    @Param({"3"})
    public int polls;

    private FakeCivitaiServer fake;
    private ImageGenerationPollWorkflow workflow;
    private ImageGenerationPollWorkflow.Inputs inputs;
    private HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final HandWrittenPoll.Exchange overHttp = this::send;

    @Setup(Level.Trial)
    public void start() {
        fake = FakeCivitaiServer.start().pollsUntilDone(polls);
        ArazzoClient client = ArazzoClient.builder()
                .server("civitaiOrchestrationApi", fake.orchestrationUrl())
                .pollPolicy(PollPolicy.noDelay().withMaxIterations(1_000_000))
                .listener(WorkflowListener.NONE)
                .build();
        workflow = new ImageGenerationPollWorkflow(client);
        inputs = ImageGenerationPollWorkflow.Inputs.builder()
                .apiKey(KEY)
                .engine("flux2")
                .prompt("a fox")
                .quantity(1L)
                .build();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // both sides must make the same requests: check once
        int before = fake.requestCount();
        String id = generated().workflowId();
        int generatedRequests = fake.requestCount() - before;
        before = fake.requestCount();
        handWritten();
        int handRequests = fake.requestCount() - before;
        if (generatedRequests != handRequests || fake.pollCount(id) != polls + 2) {
            throw new IllegalStateException(
                    "unequal work: generated " + generatedRequests + " requests, by hand " + handRequests);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        fake.close();
    }

    @Benchmark
    public ImageGenerationPollWorkflow.Outputs generated() {
        return workflow.run(inputs);
    }

    /** The same three steps written by hand ({@link HandWrittenPoll}): submit, poll while running, read the result. */
    @Benchmark
    public Object[] handWritten() {
        try {
            return HandWrittenPoll.run(json, fake.orchestrationUrl(), overHttp);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    "HTTP " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return json.readTree(response.body());
    }
}
