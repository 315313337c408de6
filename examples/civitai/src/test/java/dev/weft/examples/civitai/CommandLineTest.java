package dev.weft.examples.civitai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.compiler.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code weft} command line checks, generates and runs the four seed workflows against the fake server. */
class CommandLineTest {
    private static final Path SEEDS = Path.of("src/main/arazzo/arazzo");
    private static final String KEY = "cli-test-key-0123456789";

    private FakeCivitaiServer fake;

    @BeforeEach
    void start() {
        fake = FakeCivitaiServer.start();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private record Result(int status, String out, String err) {}

    private static Result weft(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Result run(String seed, String workflow, String... inputs) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                SEEDS.resolve(seed).toString(),
                "--workflow",
                workflow,
                "--server",
                "civitaiOrchestrationApi=" + fake.orchestrationUrl(),
                "--poll-delay",
                "0",
                "--input",
                "apiKey=" + KEY));
        if (seed.contains("model-version")) {
            // only this seed calls the Site API; a --server for a source a document lacks is an error
            args.addAll(List.of("--server", "civitaiSiteApi=" + fake.siteUrl()));
        }
        for (String input : inputs) {
            args.add("--input");
            args.add(input);
        }
        return weft(args.toArray(String[]::new));
    }

    private static JsonNode json(Result result) throws Exception {
        assertEquals(0, result.status(), result.err());
        return new ObjectMapper().readTree(result.out());
    }

    @Test
    void checkAcceptsTheSeedsWithDialectWarnings() throws Exception {
        List<String> args = new ArrayList<>(List.of("check"));
        try (var files = Files.list(SEEDS)) {
            files.sorted().forEach(f -> args.add(f.toString()));
        }
        Result result = weft(args.toArray(String[]::new));

        assertEquals(0, result.status(), result.err());
        assertTrue(result.err().contains("warning: [bare-expression]"), result.err());
        assertFalse(result.err().contains("error:"), result.err());
    }

    @Test
    void checkStrictFailsOnTheDialects() {
        Result result = weft(
                "check",
                "--strict",
                SEEDS.resolve("civitai-image-generation-poll-workflow.yml").toString());

        assertEquals(Main.INVALID, result.status());
        assertTrue(result.err().contains("error: [jsonpath-comparison]"), result.err());
    }

    @Test
    void generateWritesTheClasses(@TempDir Path out) {
        Result result = weft(
                "generate",
                SEEDS.resolve("civitai-workflow-query-cancel-workflow.yml").toString(),
                "-d",
                out.toString(),
                "-p",
                "com.example.civitai");

        assertEquals(0, result.status(), result.err());
        assertTrue(Files.exists(out.resolve("com/example/civitai/WorkflowQueryCancelWorkflow.java")));
    }

    @Test
    void runsImageGenerationPoll() throws Exception {
        JsonNode outputs = json(run(
                "civitai-image-generation-poll-workflow.yml",
                "image-generation-poll",
                "engine=flux2",
                "prompt=a harbour at night",
                "quantity=1"));

        assertEquals("succeeded", outputs.get("status").asText());
        assertEquals(
                "https://blobs.example/" + outputs.get("workflowId").asText() + "/0.png",
                outputs.get("firstBlobUrl").asText());
        assertEquals(12, outputs.get("cost").asInt());
    }

    @Test
    void runsQueryCancel() throws Exception {
        String running = fake.seedWorkflow("processing");

        JsonNode outputs =
                json(run("civitai-workflow-query-cancel-workflow.yml", "workflow-query-cancel", "status=processing"));

        assertEquals(running, outputs.get("workflowId").asText());
        assertEquals("canceled", outputs.get("finalStatus").asText());
    }

    @Test
    void runsModelVersionToGeneration() throws Exception {
        JsonNode outputs = json(run(
                "civitai-model-version-to-generation-workflow.yml",
                "model-version-to-generation",
                "modelVersionId=7",
                "engine=sdxl",
                "prompt=a fox"));

        assertEquals(
                "urn:air:sdxl:checkpoint:civitai:1007@7", outputs.get("air").asText());
        assertEquals(
                outputs.get("air").asText(),
                fake.submittedBody(outputs.get("workflowId").asText())
                        .at("/steps/0/input/model")
                        .asText());
    }

    @Test
    void runsPresignedBlobGenerate() throws Exception {
        JsonNode outputs = json(run(
                "civitai-presigned-blob-generate-workflow.yml",
                "presigned-blob-generate",
                "mimeType=image/png",
                "engine=flux2",
                "prompt=a cat",
                "callbackUrl=https://hooks.example/x"));

        assertTrue(outputs.get("blobId").asText().startsWith("blob-"));
        assertEquals(
                outputs.get("blobId").asText(),
                fake.submittedBody(outputs.get("workflowId").asText())
                        .at("/steps/0/input/images/0")
                        .asText());
    }

    @Test
    void aFailedRunExitsNonZeroWithoutTheKey() {
        Result result = weft(
                "run",
                SEEDS.resolve("civitai-image-generation-poll-workflow.yml").toString(),
                "--workflow",
                "image-generation-poll",
                "--server",
                "civitaiOrchestrationApi=http://127.0.0.1:9",
                "--input",
                "apiKey=" + KEY,
                "--input",
                "engine=x",
                "--input",
                "prompt=y");

        assertEquals(Main.FAILED, result.status());
        assertTrue(result.err().contains("failed"), result.err());
        assertFalse(result.err().contains(KEY) || result.out().contains(KEY), result.err());
    }

    @Test
    void inputsThatDoNotFitExitNonZeroNamingTheInput() {
        Result result = run("civitai-image-generation-poll-workflow.yml", "image-generation-poll", "engine=flux2");

        assertEquals(Main.USAGE, result.status(), result.err());
        assertTrue(
                result.err()
                        .contains("\nweft: workflow 'image-generation-poll' needs input 'prompt': "
                                + "add --input prompt=VALUE\n"),
                result.err());
        assertFalse(result.err().contains("internal error") || result.err().contains(KEY), result.err());
    }

    @Test
    void aWrongCommandLineExitsWithUsage() {
        Result result = weft("run", "x.yml", "--worklfow", "x");

        assertEquals(Main.USAGE, result.status());
        assertTrue(
                result.err().startsWith("weft: unknown option '--worklfow'; did you mean '--workflow'?"), result.err());
    }
}
