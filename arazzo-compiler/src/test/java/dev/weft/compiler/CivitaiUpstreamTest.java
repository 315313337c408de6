package dev.weft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seeds were written against a hand-made description, not Civitai's own. Pointed at Civitai's
 * published description (in the shared reference folder, not in this repository), Weft names each
 * mismatch plainly. Skipped, with the reason printed, only when that folder is absent.
 */
class CivitaiUpstreamTest {
    private static final Path UPSTREAM = Path.of(System.getProperty("weft.shared", "../../shared"))
            .resolve("civitai/openapi/upstream/civitai-orchestration-v2-consumers.json");
    private static final Path SEED =
            SeedWorkflowsCompileTest.SEEDS.resolve("civitai-image-generation-poll-workflow.yml");

    @Test
    void pascalCaseOperationIdsAreNamed() {
        if (!Files.isRegularFile(UPSTREAM)) {
            System.out.println("CivitaiUpstreamTest skipped: " + UPSTREAM.toAbsolutePath() + " is absent");
        }
        assumeTrue(Files.isRegularFile(UPSTREAM), UPSTREAM.toAbsolutePath() + " is absent");

        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(SEED)
                .packageName("civitai.upstream")
                .sourceMapping("../openapi/civitai-orchestration-api-openapi.yml", UPSTREAM)
                .build());

        List<String> unknown = result.diagnostics().stream()
                .filter(d -> d.code() == DiagnosticCode.UNKNOWN_OPERATION)
                .map(Diagnostic::message)
                .toList();
        assertEquals(
                List.of(
                        "step 'submitGeneration' refers to operationId 'submitWorkflow', which is not in "
                                + "'civitaiOrchestrationApi';"
                                + " did you mean 'SubmitWorkflow'?",
                        "step 'pollWorkflow' refers to operationId 'getWorkflow', which is not in "
                                + "'civitaiOrchestrationApi';"
                                + " did you mean 'GetWorkflow'?",
                        "step 'readOutputs' refers to operationId 'getWorkflow', which is not in "
                                + "'civitaiOrchestrationApi';"
                                + " did you mean 'GetWorkflow'?"),
                unknown);
    }
}
