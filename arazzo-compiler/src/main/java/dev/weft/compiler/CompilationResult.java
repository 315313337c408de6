package dev.weft.compiler;

import dev.weft.compiler.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a compilation produced: the diagnostics, sorted, the generated files and the signatures of the
 * workflows they run (none when there are errors), and the files it read, on which all of them depend.
 *
 * @param inputs every file the compilation read or tried to read (documents, descriptions, referenced files),
 *     absolute; a cache of the result stands while none of them changes
 */
public record CompilationResult(
        List<Diagnostic> diagnostics, List<GeneratedFile> files, List<WorkflowSignature> workflows, List<Path> inputs) {

    public CompilationResult {
        diagnostics = List.copyOf(diagnostics);
        files = List.copyOf(files);
        workflows = List.copyOf(workflows);
        inputs = List.copyOf(inputs);
    }

    /** A result whose inputs are not known. */
    public CompilationResult(
            List<Diagnostic> diagnostics, List<GeneratedFile> files, List<WorkflowSignature> workflows) {
        this(diagnostics, files, workflows, List.of());
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
