package dev.weft.compiler.check;

import dev.weft.compiler.model.Action;
import dev.weft.compiler.model.ArazzoDocument;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import java.util.ArrayList;
import java.util.List;

/** Which workflows a document runs from inside a run: through dependsOn, workflow steps and gotos (D-16). */
final class WorkflowRuns {
  private WorkflowRuns() {}

  /** Whether some workflow of {@code document} runs workflow {@code id} as part of its own run. */
  static boolean isRunBy(ArazzoDocument document, String id) {
    for (Workflow workflow : document.workflows()) {
      List<Located<String>> calls = new ArrayList<>(workflow.dependsOn());
      List<Action> actions = new ArrayList<>(workflow.successActions());
      actions.addAll(workflow.failureActions());
      for (Step step : workflow.steps()) {
        if (step.workflowId() != null) {
          calls.add(step.workflowId());
        }
        actions.addAll(step.onSuccess());
        actions.addAll(step.onFailure());
      }
      actions.stream().filter(a -> a.workflowId() != null).forEach(a -> calls.add(a.workflowId()));
      if (calls.stream().anyMatch(c -> c.value().equals(id))) {
        return true;
      }
    }
    return false;
  }
}
