package dev.weft.compiler;

import dev.weft.compiler.diagnostic.Diagnostic;
import java.util.List;

/**
 * What a compilation produced: the diagnostics, sorted, and the generated files (none when there
 * are errors).
 */
public record CompilationResult(List<Diagnostic> diagnostics, List<GeneratedFile> files) {

    public CompilationResult {
        diagnostics = List.copyOf(diagnostics);
        files = List.copyOf(files);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }
}
