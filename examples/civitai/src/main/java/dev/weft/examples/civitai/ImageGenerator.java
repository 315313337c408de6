package dev.weft.examples.civitai;

import dev.weft.examples.civitai.workflows.ImageGenerationPollWorkflow;
import dev.weft.runtime.ArazzoClient;
import java.util.Objects;

/**
 * Application code that calls a generated workflow, as a user of Weft would write it: one image for a prompt, by
 * the {@code image-generation-poll} workflow, or an exception saying why there is none. {@code ImageGeneratorTest}
 * tests it with the Weft test kit, without a server and without waiting for the polls.
 */
public final class ImageGenerator {

    /** A generated image: where it is and what it cost. */
    public record Image(String url, long cost) {}

    /** The job ended without an image. */
    public static final class NoImageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoImageException(String message) {
            super(message);
        }
    }

    private final ImageGenerationPollWorkflow workflow;
    private final String apiKey;
    private final String engine;

    /**
     * An image generator.
     *
     * @param client the client the workflow runs on
     * @param apiKey the Civitai API key
     * @param engine the generation engine, e.g. {@code flux2}
     */
    public ImageGenerator(ArazzoClient client, String apiKey, String engine) {
        this.workflow = new ImageGenerationPollWorkflow(client);
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * Generates one image, waiting while the job runs.
     *
     * @param prompt what to draw
     * @return the image
     * @throws NoImageException if the job failed, expired or was canceled, or left no image
     */
    public Image generate(String prompt) {
        ImageGenerationPollWorkflow.Outputs outputs = workflow.run(ImageGenerationPollWorkflow.Inputs.builder()
                .apiKey(apiKey)
                .engine(engine)
                .prompt(prompt)
                .quantity(1L)
                .build());
        if (!"succeeded".equals(outputs.status()) || outputs.firstBlobUrl() == null) {
            throw new NoImageException(
                    "job " + outputs.workflowId() + " ended without an image (status " + outputs.status() + ")");
        }
        return new Image(outputs.firstBlobUrl(), outputs.cost() == null ? 0 : outputs.cost());
    }
}
