package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.DiagnosticCode;
import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.ResolvedDocument;
import java.util.Set;
import java.util.stream.Stream;

/** Each step names exactly one target (STEP-3) and only operation steps carry a body (STEP-10, STEP-11). */
final class StepTargetCheck implements Check {
  private static final Set<String> BODYLESS = Set.of("GET", "HEAD", "DELETE");

  @Override
  public void check(ResolvedDocument document, Diagnostics diagnostics) {
    for (Workflow workflow : document.document().workflows()) {
      for (Step step : workflow.steps()) {
        long targets = Stream.of(step.operationId(), step.operationPath(), step.workflowId())
            .filter(t -> t != null).count();
        if (targets != 1) {
          diagnostics.error(DiagnosticCode.INVALID_STEP_TARGET, step.stepId().location(),
              "step '" + step.id() + "' must have exactly one of operationId, operationPath and workflowId, found "
                  + targets);
          continue;
        }
        Located<String> workflowId = step.workflowId();
        if (workflowId != null && step.requestBody() != null) {
          diagnostics.error(DiagnosticCode.INVALID_STEP_TARGET, step.requestBody().location(),
              "step '" + step.id() + "' calls a workflow and cannot have a requestBody; pass values as parameters");
        }
        if (step.requestBody() != null && !step.requestBody().replacements().isEmpty()) {
          diagnostics.report(DiagnosticCode.UNSUPPORTED_FEATURE, step.requestBody().replacements().get(0).location(),
              "payload replacements are not supported yet");
        }
        document.target(workflow, step).ifPresent(op -> {
          if (step.requestBody() != null && BODYLESS.contains(op.method())) {
            diagnostics.warning(DiagnosticCode.UNKNOWN_PARAMETER, step.requestBody().location(),
                "step '" + step.id() + "' sends a request body with " + op.method() + ", which servers may ignore");
          }
        });
      }
    }
  }
}
