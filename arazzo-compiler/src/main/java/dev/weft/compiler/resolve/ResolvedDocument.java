package dev.weft.compiler.resolve;

import dev.weft.compiler.model.ArazzoDocument;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A document with its loaded sources and the operation behind each operation step. */
public record ResolvedDocument(ArazzoDocument document, Map<String, SourceApi> sources,
    Map<String, OperationRef> targets) {

  public ResolvedDocument {
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
  }

  /** The operation a step calls, when it is an operation step that resolved. */
  public Optional<OperationRef> target(Workflow workflow, Step step) {
    return Optional.ofNullable(targets.get(key(workflow, step)));
  }

  static String key(Workflow workflow, Step step) {
    return workflow.workflowId().value() + "\u0000" + step.id();
  }
}
