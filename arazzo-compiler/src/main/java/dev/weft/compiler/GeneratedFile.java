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
 */
public record GeneratedFile(String qualifiedName, String source) {

    public GeneratedFile {
        Objects.requireNonNull(qualifiedName, "qualifiedName");
        Objects.requireNonNull(source, "source");
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
