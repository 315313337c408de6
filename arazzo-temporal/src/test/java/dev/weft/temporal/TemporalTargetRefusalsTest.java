package dev.weft.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Temporal target refuses, with a build diagnostic where it stands: a {@code retry} action that runs a
 * step (or a workflow) first, whose durable form would lose the failed response its failure actions are chosen
 * again on; the plain target compiles the same document.
 */
class TemporalTargetRefusalsTest {
    @TempDir
    Path work;

    @Test
    void aRetryActionThatRunsAStepFirstIsRefusedAtTheStepUnderTheTemporalTargetOnly() throws IOException {
        Files.copy(Path.of("src/test/resources/refused/retry-helper.arazzo.yaml"), work.resolve("doc.arazzo.yaml"));
        Files.copy(Path.of("src/test/resources/timeout/reads.openapi.yaml"), work.resolve("reads.openapi.yaml"));

        CompilationResult plain = compile(EnumSet.of(CompilationRequest.Target.PLAIN));
        assertEquals(List.of(), plain.errors(), "the plain target");

        CompilationResult durable =
                compile(EnumSet.of(CompilationRequest.Target.PLAIN, CompilationRequest.Target.TEMPORAL));
        assertEquals(1, durable.errors().size(), durable.errors()::toString);
        Diagnostic refusal = durable.errors().get(0);
        assertEquals(DiagnosticCode.UNSUPPORTED_FEATURE, refusal.code());
        assertEquals(12, refusal.location().line(), "at step 'read': " + refusal);
        assertTrue(
                refusal.message().startsWith("retry action 'refreshFirst' of step 'read' runs step 'refresh' first"),
                refusal.message());
        assertTrue(refusal.message().contains("without the Temporal target"), refusal.message());
        assertTrue(
                durable.files().isEmpty()
                        || durable.files().stream()
                                .noneMatch(f -> f.qualifiedName().endsWith("Temporal")),
                "no durable form is generated for the refused workflow");
    }

    private CompilationResult compile(EnumSet<CompilationRequest.Target> targets) {
        return ArazzoCompiler.compile(CompilationRequest.builder()
                .document(work.resolve("doc.arazzo.yaml"))
                .packageName("refused")
                .targets(targets)
                .build());
    }
}
