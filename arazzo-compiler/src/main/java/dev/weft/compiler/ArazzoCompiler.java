package dev.weft.compiler;

import dev.weft.compiler.check.Checks;
import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.generate.WorkflowClassGenerator;
import dev.weft.compiler.model.ArazzoDocument;
import dev.weft.compiler.names.WorkflowClassNames;
import dev.weft.compiler.read.DocumentBinder;
import dev.weft.compiler.read.NodeReader;
import dev.weft.compiler.resolve.ResolvedDocument;
import dev.weft.compiler.resolve.Resolver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compiler's one entry point: read, resolve, check and generate.
 *
 * <p>User errors come back as diagnostics; this method does not throw for any document, however
 * broken. A bug inside Weft becomes a single {@code internal-error} diagnostic. Arazzo documents
 * reached through {@code arazzo} source descriptions are compiled too, each once.
 */
public final class ArazzoCompiler {
    private ArazzoCompiler() {}

    public static CompilationResult compile(CompilationRequest request) {
        Diagnostics diagnostics = new Diagnostics(request.strict());
        Resolver resolver = new Resolver(diagnostics, request.sourceMappings());
        Map<Path, ResolvedDocument> documents = new LinkedHashMap<>();
        Map<Path, ArazzoDocument> bound = new LinkedHashMap<>();
        for (Path file : request.documents()) {
            guarded(
                    file,
                    diagnostics,
                    () -> read(file, diagnostics).ifPresent(d -> {
                        bound.put(file, d);
                        resolver.identify(d);
                    }));
        }
        for (Map.Entry<Path, ArazzoDocument> document : bound.entrySet()) {
            guarded(document.getKey(), diagnostics, () -> collect(resolver.resolve(document.getValue()), documents));
        }
        for (Map.Entry<Path, ResolvedDocument> document : documents.entrySet()) {
            guarded(document.getKey(), diagnostics, () -> Checks.run(document.getValue(), diagnostics));
        }
        Checks.runAcross(documents.values(), diagnostics);
        List<GeneratedFile> files = new ArrayList<>();
        List<WorkflowSignature> workflows = new ArrayList<>();
        if (!diagnostics.hasErrors()) {
            WorkflowClassGenerator generator = new WorkflowClassGenerator(
                    request.packageName(),
                    WorkflowClassNames.of(documents.values()),
                    request.targets().contains(CompilationRequest.Target.TEMPORAL));
            for (Map.Entry<Path, ResolvedDocument> document : documents.entrySet()) {
                guarded(
                        document.getKey(),
                        diagnostics,
                        () -> generator.generate(document.getValue(), diagnostics).stream()
                                .map(c ->
                                        new GeneratedFile(c.qualifiedName(), c.source(), c.document(), c.workflowId()))
                                .forEach(files::add));
                ArazzoDocument read = document.getValue().document();
                read.workflows().forEach(w -> workflows.add(WorkflowSignature.of(read, w)));
            }
        }
        if (diagnostics.hasErrors()) {
            files.clear();
            workflows.clear();
        }
        return new CompilationResult(diagnostics.sorted(), files, workflows, diagnostics.inputs());
    }

    private static Optional<ArazzoDocument> read(Path file, Diagnostics diagnostics) {
        return new NodeReader(diagnostics)
                .read(file, Location.startOf(file))
                .flatMap(root -> new DocumentBinder(diagnostics).bind(file, root));
    }

    /** A document and, depth first, the Arazzo documents it uses, each once. */
    private static void collect(ResolvedDocument document, Map<Path, ResolvedDocument> into) {
        Path key = document.document().file().toAbsolutePath().normalize();
        if (into.putIfAbsent(key, document) == null) {
            document.arazzoSources().values().forEach(source -> collect(source, into));
        }
    }

    private static void guarded(Path file, Diagnostics diagnostics, Runnable phase) {
        try {
            phase.run();
        } catch (RuntimeException | StackOverflowError e) {
            diagnostics.report(Message.INTERNAL_ERROR, Location.startOf(file), stackTrace(e));
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
