package dev.weft.compiler.resolve;

import dev.weft.compiler.diagnostic.DiagnosticCode;
import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.model.ArazzoDocument;
import dev.weft.compiler.model.SourceDescription;
import dev.weft.compiler.read.DocumentBinder;
import dev.weft.compiler.read.NodeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Follows source descriptions of type {@code arazzo}: each such document is read, bound and resolved
 * once per compilation, recursively; a cycle of documents is an error (D-64).
 */
final class ArazzoSources {
    private final Diagnostics diagnostics;
    private final Resolver resolver;
    private final Map<Path, Optional<ResolvedDocument>> resolved = new HashMap<>();
    private final Map<Path, Boolean> kinds = new HashMap<>();
    private final Deque<Path> loading = new ArrayDeque<>();

    private final SourceFiles files;
    private final DescriptionReader reader;

    ArazzoSources(Diagnostics diagnostics, Resolver resolver, SourceFiles files, DescriptionReader reader) {
        this.diagnostics = diagnostics;
        this.resolver = resolver;
        this.files = files;
        this.reader = reader;
    }

    ResolvedDocument resolve(ArazzoDocument document) {
        Path file = document.file().toAbsolutePath().normalize();
        Optional<ResolvedDocument> done = resolved.get(file);
        if (done != null && done.isPresent()) {
            return done.get();
        }
        loading.push(file);
        try {
            Map<String, ResolvedDocument> sources = new LinkedHashMap<>();
            for (SourceDescription source : document.sourceDescriptions()) {
                if (isArazzo(document, source)) {
                    load(document, source)
                            .ifPresent(d -> sources.put(source.name().value(), d));
                }
            }
            ResolvedDocument result = resolver.resolve(document, sources);
            resolved.put(file, Optional.of(result));
            return result;
        } finally {
            loading.pop();
        }
    }

    /** Whether a source is an Arazzo document: declared so, or (no type) a file whose root has {@code arazzo}. */
    boolean isArazzo(ArazzoDocument document, SourceDescription source) {
        if (source.type() != null) {
            return source.type().value().equals("arazzo");
        }
        Path file = files.locate(document.file(), source.url().value()).orElse(null);
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

    private Optional<ResolvedDocument> load(ArazzoDocument document, SourceDescription source) {
        Path file = files.locate(document.file(), source.url().value()).orElse(null);
        if (file == null) {
            diagnostics.error(
                    DiagnosticCode.INVALID_SOURCE_DESCRIPTION,
                    source.url().location(),
                    "source description '" + source.name().value()
                            + "' must be a relative URL or a file URL to an Arazzo "
                            + "document; Weft never downloads at build time");
            return Optional.empty();
        }
        if (loading.contains(file)) {
            diagnostics.error(
                    DiagnosticCode.DEPENDENCY_CYCLE,
                    source.url().location(),
                    "source description '" + source.name().value() + "' leads back to '" + file.getFileName()
                            + "', which is being loaded: Arazzo documents must not reference each other in a cycle");
            return Optional.empty();
        }
        Optional<ResolvedDocument> known = resolved.get(file);
        if (known != null) {
            return known;
        }
        if (!Files.isRegularFile(file)) {
            diagnostics.error(
                    DiagnosticCode.MISSING_FILE,
                    source.url().location(),
                    "source description '" + source.name().value() + "' points at '" + file
                            + "', which does not exist");
            resolved.put(file, Optional.empty());
            return Optional.empty();
        }
        Optional<ResolvedDocument> result = new NodeReader(diagnostics)
                .read(file, source.url().location())
                .flatMap(root -> new DocumentBinder(diagnostics).bind(file, root))
                .map(this::resolve);
        resolved.putIfAbsent(file, result);
        return result;
    }
}
