package dev.weft.compiler.resolve;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.model.ArazzoDocument;
import dev.weft.compiler.model.SourceDescription;
import dev.weft.compiler.read.DocumentBinder;
import dev.weft.compiler.read.NodeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follows source descriptions of type {@code arazzo}: each such document is read, bound and resolved
 * once per compilation, recursively. Documents may use each other in a cycle (D-64: nothing in the
 * specification forbids it, and each is still compiled once); only a cycle of {@code dependsOn} is an
 * error, which the checks report.
 */
final class ArazzoSources {
    private final Diagnostics diagnostics;
    private final Resolver resolver;
    private final Map<Path, Optional<ResolvedDocument>> resolved = new HashMap<>();
    private final Map<Path, Boolean> kinds = new HashMap<>();

    private final SourceFiles files;
    private final DescriptionReader reader;

    ArazzoSources(Diagnostics diagnostics, Resolver resolver, SourceFiles files, DescriptionReader reader) {
        this.diagnostics = diagnostics;
        this.resolver = resolver;
        this.files = files;
        this.reader = reader;
    }

    /**
     * Resolves a document and the Arazzo documents it reaches; workflow references are resolved last, once
     * every document they may name exists.
     */
    ResolvedDocument resolve(ArazzoDocument document) {
        List<ResolvedDocument> created = new ArrayList<>();
        ResolvedDocument result = build(document, created);
        created.forEach(resolver::linkWorkflows);
        return result;
    }

    private ResolvedDocument build(ArazzoDocument document, List<ResolvedDocument> created) {
        Path file = document.file().toAbsolutePath().normalize();
        Optional<ResolvedDocument> done = resolved.get(file);
        if (done != null && done.isPresent()) {
            return done.get();
        }
        ResolvedDocument result = resolver.resolveOperations(document);
        resolved.put(file, Optional.of(result)); // before its sources: a cycle comes back to it
        created.add(result);
        for (SourceDescription source : document.sourceDescriptions()) {
            if (isArazzo(document, source)) {
                load(document, source, created)
                        .ifPresent(d -> result.linkSource(source.name().value(), d));
            }
        }
        return result;
    }

    /** Whether a source is an Arazzo document: declared so, or (no type) a file whose root has {@code arazzo}. */
    boolean isArazzo(ArazzoDocument document, SourceDescription source) {
        if (source.type() != null) {
            return source.type().value().equals("arazzo");
        }
        Path file = files.locate(
                        document.file(), Resolver.self(document), source.url().value())
                .orElse(null);
        if (file == null || !Files.isRegularFile(file)) {
            return false;
        }
        // read as a description: if it is not Arazzo, the source loader reads it again from the same cache
        return kinds.computeIfAbsent(
                file,
                f -> reader.read(f, source.url().location())
                        .map(root -> root.has("arazzo"))
                        .orElse(false));
    }

    private Optional<ResolvedDocument> load(
            ArazzoDocument document, SourceDescription source, List<ResolvedDocument> created) {
        Path file = files.locate(
                        document.file(), Resolver.self(document), source.url().value())
                .orElse(null);
        if (file == null) {
            diagnostics.report(
                    Message.ARAZZO_SOURCE_NOT_A_FILE,
                    source.url().location(),
                    source.name().value());
            return Optional.empty();
        }
        Optional<ResolvedDocument> known = resolved.get(file);
        if (known != null) {
            return known;
        }
        if (!Files.isRegularFile(file)) {
            diagnostics.report(
                    Message.MISSING_SOURCE_FILE,
                    source.url().location(),
                    source.name().value(),
                    file);
            resolved.put(file, Optional.empty());
            return Optional.empty();
        }
        Optional<ResolvedDocument> result = new NodeReader(diagnostics)
                .read(file, source.url().location())
                .flatMap(root -> new DocumentBinder(diagnostics).bind(file, root))
                .map(d -> build(d, created));
        resolved.putIfAbsent(file, result);
        return result;
    }
}
