package dev.weft.examples.civitai;

import dev.weft.examples.civitai.workflows.ImageGenerationPollWorkflow;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The README's demo: runs the {@code image-generation-poll} workflow, by default against an
 * embedded fake Civitai server, or against the real API when {@code CIVITAI_API_KEY} is set.
 *
 * <p>Options: {@code --prompt TEXT}, {@code --engine NAME}, {@code --base-url URL} (the
 * Orchestration API base URL; also {@code CIVITAI_ORCHESTRATION_URL}). The API key is read from the
 * environment only, the way the Naftiko capability binds {@code CIVITAI_API_KEY}, and is sent as
 * a Bearer token by the workflow's own {@code Authorization} parameter.
 */
public final class Main {
    private static final String SOURCE = "civitaiOrchestrationApi";

    private Main() {}

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        String apiKey = System.getenv("CIVITAI_API_KEY");
        PrintStream out = System.out;
        try {
            if (apiKey == null || apiKey.isBlank()) {
                runAgainstFake(options, out);
            } else {
                runAgainstCivitai(apiKey, options, out);
            }
        } catch (WorkflowException e) {
            System.err.println("workflow failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void runAgainstFake(Map<String, String> options, PrintStream out) {
        try (FakeCivitaiServer fake = FakeCivitaiServer.start()) {
            out.println("No CIVITAI_API_KEY set: running against an embedded fake Civitai server at "
                    + fake.orchestrationUrl());
            ArazzoClient client = ArazzoClient.builder()
                    .server(SOURCE, fake.orchestrationUrl())
                    .pollPolicy(PollPolicy.defaults()
                            .withInitialDelay(Duration.ofMillis(200))
                            .withMaxDelay(Duration.ofSeconds(1)))
                    .build();
            ImageGenerationPollWorkflow.Outputs outputs = run(client, "demo-key", options);
            print(outputs, out);
            out.println("getWorkflow calls: " + fake.pollCount(outputs.workflowId())
                    + " (polling until done, then the final read)");
        }
    }

    private static void runAgainstCivitai(String apiKey, Map<String, String> options, PrintStream out) {
        ArazzoClient.Builder client = ArazzoClient.builder()
                .pollPolicy(PollPolicy.defaults()
                        .withInitialDelay(Duration.ofSeconds(2))
                        .withMaxDelay(Duration.ofSeconds(15)));
        String baseUrl = options.getOrDefault("base-url", System.getenv("CIVITAI_ORCHESTRATION_URL"));
        if (baseUrl != null && !baseUrl.isBlank()) {
            client.server(SOURCE, baseUrl);
        }
        out.println("Running image-generation-poll against the Civitai Orchestration API");
        print(run(client.build(), apiKey, options), out);
    }

    private static ImageGenerationPollWorkflow.Outputs run(
            ArazzoClient client, String apiKey, Map<String, String> options) {
        ImageGenerationPollWorkflow.Inputs inputs = ImageGenerationPollWorkflow.Inputs.builder()
                .apiKey(apiKey)
                .engine(options.getOrDefault("engine", "flux2"))
                .prompt(options.getOrDefault("prompt", "a lighthouse on a cliff at dusk, oil painting"))
                .quantity(1L)
                .build();
        return new ImageGenerationPollWorkflow(client).run(inputs);
    }

    private static void print(ImageGenerationPollWorkflow.Outputs outputs, PrintStream out) {
        out.println("workflowId:   " + outputs.workflowId());
        out.println("status:       " + outputs.status());
        out.println("firstBlobUrl: " + outputs.firstBlobUrl());
        out.println("cost:         " + outputs.cost());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException(
                        "unexpected argument '" + args[i] + "'; use --prompt TEXT, --engine NAME or --base-url URL");
            }
        }
        return options;
    }
}
