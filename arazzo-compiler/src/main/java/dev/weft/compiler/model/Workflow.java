package dev.weft.compiler.model;

import dev.weft.compiler.diagnostic.Location;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workflow: its inputs schema, steps, outputs and workflow-level parameters and actions.
 *
 * @param inputs the inputs JSON Schema, or null when the workflow takes none
 * @param outputs output name to the runtime expression that computes it, in document order
 */
public record Workflow(
    Located<String> workflowId,
    String summary,
    String description,
    Node inputs,
    List<Located<String>> dependsOn,
    List<Step> steps,
    List<Action> successActions,
    List<Action> failureActions,
    Map<String, Located<String>> outputs,
    List<Parameter> parameters,
    Location location) {

  public Workflow {
    dependsOn = List.copyOf(dependsOn);
    steps = List.copyOf(steps);
    successActions = List.copyOf(successActions);
    failureActions = List.copyOf(failureActions);
    outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
    parameters = List.copyOf(parameters);
  }

  public Optional<Step> step(String id) {
    return steps.stream().filter(s -> s.stepId().value().equals(id)).findFirst();
  }
}
