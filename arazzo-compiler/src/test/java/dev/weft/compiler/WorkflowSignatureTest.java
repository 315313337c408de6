package dev.weft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A compilation names each workflow's inputs (required, secret, typed) and sources, and none when it fails. */
class WorkflowSignatureTest {
    private static final Path TASKS = Path.of("src/test/resources/cli/tasks.arazzo.yaml");

    @Test
    void eachWorkflowHasItsSignature() {
        CompilationResult result = ArazzoCompiler.compile(
                CompilationRequest.builder().document(TASKS).build());

        assertFalse(result.hasErrors(), result.diagnostics().toString());
        assertEquals(
                List.of("create-task", "break-it"),
                result.workflows().stream().map(WorkflowSignature::workflowId).toList());
        WorkflowSignature create = result.workflow(TASKS, "create-task").orElseThrow();
        assertEquals(List.of("apiKey", "title", "owner", "priority"), create.inputNames());
        assertEquals(List.of("tasks"), create.sources());
        WorkflowSignature.Input key = create.input("apiKey").orElseThrow();
        assertTrue(key.required() && key.secret());
        assertEquals("the bearer token", key.description());
        WorkflowSignature.Input priority = create.input("priority").orElseThrow();
        assertEquals("integer", priority.type());
        assertFalse(priority.required() || priority.secret());
        assertTrue(result.workflow(TASKS.toAbsolutePath(), "create-task").isPresent(), "found by any path");
        assertEquals(List.of(), result.workflow(TASKS, "break-it").orElseThrow().inputs());
    }

    @Test
    void aFailedCompilationHasNone() {
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(Path.of("src/test/resources/cli/broken.arazzo.yaml"))
                .build());

        assertTrue(result.hasErrors());
        assertEquals(List.of(), result.workflows());
    }
}
