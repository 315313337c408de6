package dev.weft.compiler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One generated Java source file.
 *
 * @param qualifiedName the fully qualified name of the top-level class
 * @param source the Java source text
 * @param document the Arazzo document the class was generated from, or null
 * @param workflowId the workflow the class runs, or null
 */
public record GeneratedFile(String qualifiedName, String source, Path document, String workflowId) {

    public GeneratedFile {
        Objects.requireNonNull(qualifiedName, "qualifiedName");
        Objects.requireNonNull(source, "source");
    }

    /** A file generated from no particular workflow. */
    public GeneratedFile(String qualifiedName, String source) {
        this(qualifiedName, source, null, null);
    }

    /** Whether this is the class of workflow {@code workflowId} of {@code document}. */
    public boolean runs(Path document, String workflowId) {
        return this.document != null
                && workflowId.equals(this.workflowId)
                && this.document
                        .toAbsolutePath()
                        .normalize()
                        .equals(document.toAbsolutePath().normalize());
    }

    /** The path of this file below a source root, e.g. {@code com/acme/FooWorkflow.java}. */
    public Path relativePath() {
        return Path.of(qualifiedName.replace('.', '/') + ".java");
    }

    /** Writes the file below {@code sourceRoot}, creating folders; returns the written path. */
    public Path writeTo(Path sourceRoot) throws IOException {
        Path target = sourceRoot.resolve(relativePath());
        Files.createDirectories(target.getParent());
        Files.writeString(target, source, StandardCharsets.UTF_8);
        return target;
    }
}
