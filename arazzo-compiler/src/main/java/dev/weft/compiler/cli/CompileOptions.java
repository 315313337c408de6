package dev.weft.compiler.cli;

import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticFormatter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/** The options every command compiles documents with, and the compilation itself: diagnostics on stderr. */
final class CompileOptions {

    @Option(
            names = "--strict",
            description = "Make the dialect warnings errors (bare expressions in strings, comparison JSONPath, "
                    + "unqualified operationIds, other tools' forms).")
    boolean strict;

    @Option(
            names = "--map",
            paramLabel = "URL=FILE",
            description =
                    "Read FILE wherever a source description's url is URL (remote sources are never " + "downloaded).")
    Map<String, Path> mappings = new LinkedHashMap<>();

    /** What to generate besides the plain classes; set by the commands that generate. */
    Set<CompilationRequest.Target> targets = Set.of(CompilationRequest.Target.PLAIN);

    /** Compiles the documents, printing every diagnostic; the result, or null when there are errors. */
    CompilationResult compile(List<Path> documents, String packageName, PrintWriter err) {
        return compile(documents, packageName, err, true);
    }

    /**
     * Compiles the documents, printing every error and, when {@code warnings}, every warning (else their count);
     * the result, or null when there are errors.
     */
    CompilationResult compile(List<Path> documents, String packageName, PrintWriter err, boolean warnings) {
        CompilationResult result = compileQuietly(documents, packageName);
        return print(result.diagnostics(), err, warnings) ? null : result;
    }

    /** Compiles the documents, printing nothing. */
    CompilationResult compileQuietly(List<Path> documents, String packageName) {
        return ArazzoCompiler.compile(CompilationRequest.builder()
                .documents(documents)
                .packageName(packageName)
                .strict(strict)
                .sourceMappings(mappings)
                .targets(targets)
                .build());
    }

    /**
     * Prints every error and, when {@code warnings}, every warning (else their count), then the number of
     * errors; whether there were errors.
     */
    static boolean print(List<Diagnostic> diagnostics, PrintWriter err, boolean warnings) {
        DiagnosticFormatter formatter = new DiagnosticFormatter(Path.of("").toAbsolutePath());
        diagnostics.stream().filter(d -> warnings || d.isError()).forEach(d -> err.println(formatter.format(d)));
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        long hidden = warnings ? 0 : diagnostics.size() - errors;
        if (hidden > 0) {
            err.println("weft: " + hidden + (hidden == 1 ? " warning" : " warnings")
                    + " not shown; 'weft check' or --verbose shows them");
        }
        if (errors > 0) {
            err.println(errors + (errors == 1 ? " error" : " errors"));
            return true;
        }
        return false;
    }
}
