package dev.weft.compiler.resolve;

import dev.weft.compiler.model.Workflow;

/**
 * A workflow a step, action or {@code dependsOn} entry calls: in the same document, or in another
 * Arazzo document reached through a source description.
 *
 * @param document the resolved document that declares the workflow
 */
public record WorkflowRef(ResolvedDocument document, Workflow workflow) {
    public String id() {
        return workflow.workflowId().value();
    }
}
