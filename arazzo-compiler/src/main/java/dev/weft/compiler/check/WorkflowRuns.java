package dev.weft.compiler.check;

import dev.weft.compiler.model.ArazzoDocument;

/** Which workflows a document runs from inside a run: through dependsOn, workflow steps and gotos (D-16). */
final class WorkflowRuns {
    private WorkflowRuns() {}

    /** Whether some workflow of {@code document} runs workflow {@code id} as part of its own run. */
    static boolean isRunBy(ArazzoDocument document, String id) {
        return document.workflows().stream()
                .flatMap(w -> w.workflowReferences().stream())
                .anyMatch(reference -> reference.value().equals(id));
    }
}
