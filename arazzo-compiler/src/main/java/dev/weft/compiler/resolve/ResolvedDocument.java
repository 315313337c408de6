package dev.weft.compiler.resolve;

import dev.weft.compiler.model.ArazzoDocument;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A document with its loaded sources, the operation behind each operation step, and the workflow
 * behind each workflow reference ({@code workflowId} of steps and actions, {@code dependsOn}).
 *
 * @param arazzoSources the Arazzo documents reached through {@code arazzo} source descriptions, by source name
 * @param workflowReferences what each workflow reference text of this document resolves to
 */
public record ResolvedDocument(
        ArazzoDocument document,
        Map<String, SourceApi> sources,
        Map<String, OperationRef> targets,
        Map<String, ResolvedDocument> arazzoSources,
        Map<String, WorkflowRef> workflowReferences) {

    public ResolvedDocument {
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        arazzoSources = Collections.unmodifiableMap(new LinkedHashMap<>(arazzoSources));
        workflowReferences = Collections.unmodifiableMap(new LinkedHashMap<>(workflowReferences));
    }

    /** The operation a step calls, when it is an operation step that resolved. */
    public Optional<OperationRef> target(Workflow workflow, Step step) {
        return Optional.ofNullable(targets.get(key(workflow, step)));
    }

    /** The workflow a reference (a plain id or {@code $sourceDescriptions.<name>.<id>}) names, if it resolved. */
    public Optional<WorkflowRef> workflow(String reference) {
        return Optional.ofNullable(workflowReferences.get(reference));
    }

    static String key(Workflow workflow, Step step) {
        return workflow.workflowId().value() + "\u0000" + step.id();
    }
}
