package dev.weft.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.checks.ResponseChecks;
import dev.weft.checks.Severities;
import dev.weft.examples.civitai.FakeCivitaiServer;
import dev.weft.examples.civitai.workflows.ImageGenerationPollWorkflow;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.InspectedResponse;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.ResponseFinding;
import dev.weft.runtime.WorkflowListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
 * The cost of the opt-in run-time checks ({@code arazzo-runtime-checks}) on the workflow and fake server of
 * {@link PollOverheadBenchmark}: {@link #noInspector} is a client without a response inspector, the path every
 * run takes unless checks are asked for (to compare with {@code PollOverheadBenchmark.generated}, in alternating
 * forks: {@code benchmarks/checks.sh}); {@link #checksOff} registers the checks with every severity off;
 * {@link #checksOn} checks every response (status, content type, body schema, headers) against Weft's Civitai
 * Orchestration description at severity warn, for information; {@link #inspectOnly} is the checks of one
 * response without HTTP, the CPU they add per response.
 *
 * <p>The description is read from {@code examples/civitai/src/main/arazzo/openapi/} below the working directory,
 * or from system property {@code weft.bench.openapi}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ResponseChecksBenchmark {
    private static final String KEY = "benchmark-key-0123456789";
    private static final String SOURCE = "civitaiOrchestrationApi";

    /** Processing polls before a job succeeds, as in {@link PollOverheadBenchmark}. */
    @Param({"3"})
    public int polls;

    private FakeCivitaiServer fake;
    private ImageGenerationPollWorkflow plain;
    private ImageGenerationPollWorkflow off;
    private ImageGenerationPollWorkflow on;
    private ImageGenerationPollWorkflow.Inputs inputs;
    private ResponseChecks checks;
    private byte[] finished;
    private Map<String, List<String>> finishedHeaders;
    private final ObjectMapper json = new ObjectMapper();

    @Setup(Level.Trial)
    public void start() {
        fake = FakeCivitaiServer.start().pollsUntilDone(polls);
        Path description = Path.of(System.getProperty(
                "weft.bench.openapi",
                "examples/civitai/src/main/arazzo/openapi/civitai-orchestration-api-openapi.yml"));
        try {
            plain = new ImageGenerationPollWorkflow(client().build());
            off = new ImageGenerationPollWorkflow(client().responseInspector(ResponseChecks.builder()
                            .description(SOURCE, description)
                            .severities(Severities.parse("off"))
                            .build())
                    .build());
            checks = ResponseChecks.builder()
                    .description(SOURCE, description)
                    .severities(Severities.parse("warn"))
                    .build();
            on = new ImageGenerationPollWorkflow(
                    client().responseInspector(checks).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        inputs = ImageGenerationPollWorkflow.Inputs.builder()
                .apiKey(KEY)
                .engine("flux2")
                .prompt("a fox")
                .quantity(1L)
                .build();
        // the three do the same work
        noInspector();
        checksOff();
        String id = checksOn().workflowId();
        // the finished workflow, as getWorkflow answers it: what inspectOnly checks
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(fake.orchestrationUrl() + "/v2/consumer/workflows/" + id))
                                    .header("Authorization", "Bearer " + KEY)
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            finished = response.body();
            finishedHeaders = response.headers().map();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!inspectOnly().isEmpty()) {
            throw new IllegalStateException("the fake server's answer breaks the checks: " + inspectOnly());
        }
    }

    private ArazzoClient.Builder client() {
        return ArazzoClient.builder()
                .server(SOURCE, fake.orchestrationUrl())
                .pollPolicy(PollPolicy.noDelay().withMaxIterations(1_000_000))
                .listener(WorkflowListener.NONE);
    }

    @TearDown(Level.Trial)
    public void stop() {
        fake.close();
    }

    /** No inspector registered: the default. */
    @Benchmark
    public ImageGenerationPollWorkflow.Outputs noInspector() {
        return plain.run(inputs);
    }

    /** The checks registered, every one off. */
    @Benchmark
    public ImageGenerationPollWorkflow.Outputs checksOff() {
        return off.run(inputs);
    }

    /**
     * The checks of one response alone, no HTTP: getWorkflow's 200 with a finished workflow, parsed and checked
     * (status, content type, schema, headers).
     */
    @Benchmark
    public List<ResponseFinding> inspectOnly() {
        byte[] body = finished;
        return checks.inspect(new InspectedResponse(
                "image-generation-poll",
                "readOutputs",
                SOURCE,
                "getWorkflow",
                "GET",
                "/v2/consumer/workflows/{workflowId}",
                200,
                finishedHeaders,
                body,
                () -> {
                    try {
                        return json.readTree(body);
                    } catch (IOException e) {
                        return null;
                    }
                }));
    }

    /** Every check at warn: each response validated against the description. */
    @Benchmark
    public ImageGenerationPollWorkflow.Outputs checksOn() {
        return on.run(inputs);
    }
}
