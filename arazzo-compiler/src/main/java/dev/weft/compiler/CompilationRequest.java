package dev.weft.compiler;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to compile and how: the Arazzo documents, the Java package of the generated classes, and
 * whether dialect warnings are errors.
 *
 * @param documents the Arazzo documents to compile (source descriptions they name are loaded too)
 * @param packageName the Java package of the generated classes
 * @param strict whether the dialect warnings (bare expressions in strings, comparison JSONPath, bare
 *     operationIds with several sources, other tools' {@code $faker} and dotted member reads, Goessner
 *     JSONPath: the codes {@code DiagnosticCode.isDialect()} marks) are errors instead of warnings
 * @param sourceMappings local files to read instead of absolute source description URLs (D-28: Weft
 *     never downloads at build time), by URL
 */
public record CompilationRequest(
        List<Path> documents, String packageName, boolean strict, Map<String, Path> sourceMappings) {

    public CompilationRequest {
        documents = List.copyOf(documents);
        Objects.requireNonNull(packageName, "packageName");
        sourceMappings = Map.copyOf(sourceMappings);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request step by step. */
    public static final class Builder {
        private List<Path> documents = List.of();
        private String packageName = "arazzo.generated";
        private boolean strict;
        private final Map<String, Path> sourceMappings = new LinkedHashMap<>();

        public Builder documents(List<Path> documents) {
            this.documents = List.copyOf(documents);
            return this;
        }

        public Builder document(Path document) {
            this.documents = List.of(document);
            return this;
        }

        public Builder packageName(String packageName) {
            this.packageName = packageName;
            return this;
        }

        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** Reads {@code file} wherever a source description's url is {@code url}. */
        public Builder sourceMapping(String url, Path file) {
            this.sourceMappings.put(url, file);
            return this;
        }

        public Builder sourceMappings(Map<String, Path> mappings) {
            this.sourceMappings.putAll(mappings);
            return this;
        }

        public CompilationRequest build() {
            return new CompilationRequest(documents, packageName, strict, sourceMappings);
        }
    }
}
