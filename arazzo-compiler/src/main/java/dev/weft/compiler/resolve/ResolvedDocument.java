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
 * <p>Arazzo documents may use each other as sources in a cycle, so {@code arazzoSources} and {@code
 * workflowReferences} are linked in after every document of the compilation is created; equality is
 * identity, as a structural comparison of a cycle would not end.
 *
 * @param arazzoSources the Arazzo documents reached through {@code arazzo} source descriptions, by source name
 * @param workflowReferences what each workflow reference text of this document resolves to
 * @param messageTargets the channel behind each AsyncAPI step (Arazzo 1.1), keyed like {@code targets}
 */
public record ResolvedDocument(
        ArazzoDocument document,
        Map<String, SourceApi> sources,
        Map<String, OperationRef> targets,
        Map<String, ResolvedDocument> arazzoSources,
        Map<String, WorkflowRef> workflowReferences,
        Map<String, MessageRef> messageTargets) {

    public ResolvedDocument {
        messageTargets = Collections.unmodifiableMap(new LinkedHashMap<>(messageTargets));
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        arazzoSources = new LinkedHashMap<>(arazzoSources);
        workflowReferences = new LinkedHashMap<>(workflowReferences);
    }

    @Override
    public Map<String, ResolvedDocument> arazzoSources() {
        return Collections.unmodifiableMap(arazzoSources);
    }

    @Override
    public Map<String, WorkflowRef> workflowReferences() {
        return Collections.unmodifiableMap(workflowReferences);
    }

    /** Links the document an {@code arazzo} source names, once it exists (it may be on a cycle). */
    void linkSource(String name, ResolvedDocument source) {
        arazzoSources.put(name, source);
    }

    /** Links what the workflow references resolve to, once every document they may name is linked. */
    void linkWorkflows(Map<String, WorkflowRef> references) {
        workflowReferences.putAll(references);
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "ResolvedDocument[" + document.file() + "]";
    }

    /** The operation a step calls, when it is an operation step that resolved. */
    public Optional<OperationRef> target(Workflow workflow, Step step) {
        return Optional.ofNullable(targets.get(key(workflow, step)));
    }

    /** The channel an AsyncAPI step sends to or receives from, when it resolved. */
    public Optional<MessageRef> messageTarget(Workflow workflow, Step step) {
        return Optional.ofNullable(messageTargets.get(key(workflow, step)));
    }

    /** The workflow a reference (a plain id or {@code $sourceDescriptions.<name>.<id>}) names, if it resolved. */
    public Optional<WorkflowRef> workflow(String reference) {
        return Optional.ofNullable(workflowReferences.get(reference));
    }

    static String key(Workflow workflow, Step step) {
        return workflow.workflowId().value() + "\u0000" + step.id();
    }
}
