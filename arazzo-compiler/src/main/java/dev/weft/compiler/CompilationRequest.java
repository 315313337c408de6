package dev.weft.compiler;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
 * @param targets what is generated for each workflow: the plain class always, and with {@link Target#TEMPORAL}
 *     its durable form too
 */
public record CompilationRequest(
        List<Path> documents,
        String packageName,
        boolean strict,
        Map<String, Path> sourceMappings,
        Set<Target> targets) {

    /** What can be generated for a workflow. */
    public enum Target {
        /** The plain class, always generated. */
        PLAIN,
        /**
         * The durable form on Temporal: a workflow interface and implementation, an activities interface and
         * implementation, beside the plain class (they need {@code dev.weft:arazzo-temporal}).
         */
        TEMPORAL;

        /**
         * Reads targets as front ends take them: names separated by commas or spaces, in any case.
         *
         * @param text the names, e.g. {@code "plain,temporal"}
         * @return the targets, the plain one included
         * @throws IllegalArgumentException naming an unknown target and the known ones
         */
        public static Set<Target> parse(String text) {
            Set<Target> targets = EnumSet.of(PLAIN);
            for (String name : text.split("[,\\s]+")) {
                if (name.isEmpty()) {
                    continue;
                }
                try {
                    targets.add(valueOf(name.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "unknown target '" + name + "'; the targets are plain and temporal", e);
                }
            }
            return targets;
        }
    }

    public CompilationRequest {
        documents = List.copyOf(documents);
        Objects.requireNonNull(packageName, "packageName");
        sourceMappings = Map.copyOf(sourceMappings);
        EnumSet<Target> all = EnumSet.of(Target.PLAIN);
        all.addAll(targets);
        targets = Collections.unmodifiableSet(all);
    }

    /** A request for the plain classes only. */
    public CompilationRequest(List<Path> documents, String packageName, boolean strict, Map<String, Path> mappings) {
        this(documents, packageName, strict, mappings, Set.of(Target.PLAIN));
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
        private Set<Target> targets = Set.of(Target.PLAIN);

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

        /** What to generate besides the plain classes. */
        public Builder targets(Set<Target> targets) {
            this.targets = Set.copyOf(targets);
            return this;
        }

        public CompilationRequest build() {
            return new CompilationRequest(documents, packageName, strict, sourceMappings, targets);
        }
    }
}
