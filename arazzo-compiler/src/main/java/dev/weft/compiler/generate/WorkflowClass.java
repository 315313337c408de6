package dev.weft.compiler.generate;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The Java source of one workflow's class, as the generator made it; the facade hands it to front ends as a
 * {@code GeneratedFile}, so that this package never depends on the facade above it.
 *
 * @param qualifiedName the fully qualified name of the top-level class
 * @param source the Java source text
 * @param document the Arazzo document of the workflow
 * @param workflowId the workflow the class runs
 */
public record WorkflowClass(String qualifiedName, String source, Path document, String workflowId) {

    public WorkflowClass {
        Objects.requireNonNull(qualifiedName, "qualifiedName");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(workflowId, "workflowId");
    }
}
