package dev.weft.maven.compile;

import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import dev.weft.compiler.diagnostic.DiagnosticFormatter;
import dev.weft.compiler.diagnostic.Severity;
import dev.weft.maven.CompilerBridge;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** Builds the {@link CompilationRequest}, calls {@link ArazzoCompiler#compile} and renders its diagnostics. */
public final class ArazzoCompilerBridge implements CompilerBridge {

    @Override
    public Outcome compile(Job job) throws MojoExecutionException, MojoFailureException {
        CompilationRequest request = CompilationRequest.builder()
                .documents(job.documents())
                .packageName(job.packageName())
                .strict(job.strict())
                .sourceMappings(job.sourceMappings())
                .targets(targets(job.targets()))
                .build();
        CompilationResult result;
        try {
            result = ArazzoCompiler.compile(request);
        } catch (RuntimeException e) {
            // The compiler reports every user error as a diagnostic, so anything thrown is Weft's fault.
            throw new MojoExecutionException("Weft failed while compiling the Arazzo documents; please report it", e);
        }
        DiagnosticFormatter formatter = new DiagnosticFormatter(job.baseDirectory());
        result.diagnostics().forEach(d -> log(job.log(), formatter, d));
        new IdeMarkers(job.buildContext()).replace(job.markedFiles(), result.diagnostics());
        List<Diagnostic> warnings = result.diagnostics().stream()
                .filter(d -> d.severity() == Severity.WARNING)
                .toList();
        failOnProblems(result, warnings, job.failOnWarnings(), formatter);
        return new Outcome(
                result.files().stream()
                        .map(file -> new Generated(file.qualifiedName(), file.source()))
                        .toList(),
                warnings.size());
    }

    private static Set<CompilationRequest.Target> targets(String names) throws MojoFailureException {
        try {
            return CompilationRequest.Target.parse(names);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("<targets>: " + e.getMessage(), e);
        }
    }

    private static void log(Log log, DiagnosticFormatter formatter, Diagnostic d) {
        String text = formatter.format(d);
        switch (d.severity()) {
            case ERROR -> log.error(text);
            case WARNING -> log.warn(text);
            case NOTE -> log.info(text);
        }
    }

    private static void failOnProblems(
            CompilationResult result, List<Diagnostic> warnings, boolean failOnWarnings, DiagnosticFormatter formatter)
            throws MojoExecutionException, MojoFailureException {
        List<Diagnostic> errors = result.errors();
        if (errors.stream().anyMatch(d -> d.code() == DiagnosticCode.INTERNAL_ERROR)) {
            throw new MojoExecutionException(summary(
                    "Weft failed while compiling the Arazzo documents; please report it." + " It found",
                    errors,
                    "error",
                    formatter));
        }
        if (!errors.isEmpty()) {
            throw new MojoFailureException(summary("Arazzo compilation failed with", errors, "error", formatter));
        }
        if (failOnWarnings && !warnings.isEmpty()) {
            throw new MojoFailureException(
                    summary("Arazzo compilation failed (failOnWarnings is set) with", warnings, "warning", formatter));
        }
    }

    private static String summary(
            String lead, List<Diagnostic> diagnostics, String noun, DiagnosticFormatter formatter) {
        String count = diagnostics.size() + " " + noun + (diagnostics.size() == 1 ? "" : "s");
        return diagnostics.stream()
                .map(formatter::headline)
                .collect(Collectors.joining(
                        System.lineSeparator(), lead + " " + count + ":" + System.lineSeparator(), ""));
    }
}
