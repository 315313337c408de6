package dev.weft.compiler;

import dev.weft.compiler.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a compilation produced: the diagnostics, sorted, the generated files and the signatures of the
 * workflows they run (none when there are errors).
 */
public record CompilationResult(
        List<Diagnostic> diagnostics, List<GeneratedFile> files, List<WorkflowSignature> workflows) {

    public CompilationResult {
        diagnostics = List.copyOf(diagnostics);
        files = List.copyOf(files);
        workflows = List.copyOf(workflows);
    }

    /** A result without workflow signatures. */
    public CompilationResult(List<Diagnostic> diagnostics, List<GeneratedFile> files) {
        this(diagnostics, files, List.of());
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    /** The signature of workflow {@code workflowId} of {@code document}, if it was generated. */
    public Optional<WorkflowSignature> workflow(Path document, String workflowId) {
        Path wanted = document.toAbsolutePath().normalize();
        return workflows.stream()
                .filter(w -> w.workflowId().equals(workflowId)
                        && w.document().toAbsolutePath().normalize().equals(wanted))
                .findFirst();
    }
}
