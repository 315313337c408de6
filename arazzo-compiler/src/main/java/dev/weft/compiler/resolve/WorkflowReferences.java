package dev.weft.compiler.resolve;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.diagnostic.Suggestions;
import dev.weft.compiler.model.ArazzoDocument;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.SourceDescription;
import dev.weft.compiler.model.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves every workflow reference of a document (step and action {@code workflowId}s, {@code
 * dependsOn}): a plain id names a workflow of the same document (STEP-8), {@code
 * $sourceDescriptions.<name>.<id>} one of an {@code arazzo} source.
 */
final class WorkflowReferences {
    private static final String QUALIFIED = "$sourceDescriptions.";

    private final Diagnostics diagnostics;
    private final ResolvedDocument document;
    private final Map<String, WorkflowRef> resolved = new LinkedHashMap<>();

    WorkflowReferences(Diagnostics diagnostics, ResolvedDocument document) {
        this.diagnostics = diagnostics;
        this.document = document;
    }

    Map<String, WorkflowRef> resolveAll() {
        for (Located<String> reference : references(document.document())) {
            resolve(reference).ifPresent(ref -> resolved.put(reference.value(), ref));
        }
        return resolved;
    }

    private static List<Located<String>> references(ArazzoDocument doc) {
        List<Located<String>> references = new ArrayList<>();
        doc.workflows().forEach(w -> references.addAll(w.workflowReferences()));
        return references;
    }

    private Optional<WorkflowRef> resolve(Located<String> reference) {
        String text = reference.value();
        if (!text.startsWith(QUALIFIED)) {
            Optional<Workflow> local = document.document().workflow(text);
            Optional<WorkflowRef> external = local.isEmpty() ? unqualified(reference) : Optional.empty();
            if (external.isPresent()) {
                return external;
            }
            if (local.isEmpty()) {
                diagnostics.report(
                        Message.WORKFLOW_NOT_IN_DOCUMENT,
                        reference.location(),
                        text,
                        Suggestions.hint(
                                text,
                                document.document().workflows().stream()
                                        .map(w -> w.workflowId().value())
                                        .toList()),
                        hintQualified(text));
            }
            return local.map(w -> new WorkflowRef(document, w));
        }
        String rest = text.substring(QUALIFIED.length());
        int dot = rest.indexOf('.');
        String sourceName = dot < 0 ? rest : rest.substring(0, dot);
        String id = dot < 0 ? "" : rest.substring(dot + 1);
        Optional<SourceDescription> source = document.document().source(sourceName);
        if (source.isEmpty()) {
            diagnostics.report(Message.UNDECLARED_WORKFLOW_SOURCE, reference.location(), text, sourceName);
            return Optional.empty();
        }
        ResolvedDocument other = document.arazzoSources().get(sourceName);
        if (other == null) {
            if (document.sources().containsKey(sourceName)) {
                diagnostics.report(Message.WORKFLOW_SOURCE_IS_OPENAPI, reference.location(), sourceName);
            }
            return Optional.empty(); // an arazzo source that failed to load is reported already
        }
        Optional<Workflow> workflow = other.document().workflow(id);
        if (workflow.isEmpty()) {
            diagnostics.report(
                    Message.WORKFLOW_NOT_IN_SOURCE,
                    reference.location(),
                    id,
                    sourceName,
                    Suggestions.hint(
                            id,
                            other.document().workflows().stream()
                                    .map(w -> w.workflowId().value())
                                    .toList()));
        }
        return workflow.map(w -> new WorkflowRef(other, w));
    }

    /**
     * D-31: Arazzo 1.0.0 let a plain id name a workflow of the document's only {@code arazzo} source;
     * such a reference resolves there, with a dialect warning.
     */
    private Optional<WorkflowRef> unqualified(Located<String> reference) {
        if (!document.document().arazzo().value().equals("1.0.0")
                || document.arazzoSources().size() != 1) {
            return Optional.empty();
        }
        Map.Entry<String, ResolvedDocument> source =
                document.arazzoSources().entrySet().iterator().next();
        Optional<Workflow> workflow = source.getValue().document().workflow(reference.value());
        workflow.ifPresent(w -> diagnostics.report(
                Message.UNQUALIFIED_WORKFLOW, reference.location(), reference.value(), source.getKey()));
        return workflow.map(w -> new WorkflowRef(source.getValue(), w));
    }

    /** A plain id that names a workflow of an arazzo source: in 1.0.1 it must be qualified. */
    private String hintQualified(String id) {
        for (Map.Entry<String, ResolvedDocument> source :
                document.arazzoSources().entrySet()) {
            if (source.getValue().document().workflow(id).isPresent()) {
                return Message.QUALIFY_TO_CALL.format(source.getKey(), id);
            }
        }
        return "";
    }
}
