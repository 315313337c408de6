package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.diagnostic.Suggestions;
import dev.weft.compiler.model.Action;
import dev.weft.compiler.model.Parameter;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.ResolvedDocument;
import java.util.HashSet;
import java.util.Set;

/** Success and failure actions: targets exist and fields fit the type (SA-1..5, FA-1..6). */
final class ActionCheck implements Check {

    @Override
    public void check(ResolvedDocument document, Diagnostics diagnostics) {
        for (Workflow workflow : document.document().workflows()) {
            workflow.actions().forEach(a -> check(workflow, a, diagnostics));
        }
    }

    private static void check(Workflow workflow, Action action, Diagnostics diagnostics) {
        if (!shape(action, diagnostics)) {
            return;
        }
        String type = action.type().value();
        String name = action.name().value();
        if (action.stepId() != null
                && !type.equals("end")
                && workflow.step(action.stepId().value()).isEmpty()) {
            diagnostics.report(
                    Message.UNKNOWN_GOTO_TARGET,
                    action.stepId().location(),
                    type,
                    name,
                    action.stepId().value(),
                    workflow.workflowId().value(),
                    Suggestions.hint(
                            action.stepId().value(),
                            workflow.steps().stream().map(Step::id).toList()));
        }
    }

    /**
     * The rules an action obeys wherever it is used, so also as a component nobody references: its fields fit
     * its type. False when it has no single target, so its target is not looked up.
     */
    /**
     * Arazzo 1.1 action {@code parameters}: the inputs of the workflow a goto goes to, so without {@code in}
     * (MUST NOT), and of no use on an action that names no workflow.
     */
    private static void parameters(Action action, Diagnostics diagnostics) {
        if (action.parameters().isEmpty()) {
            return;
        }
        String name = action.name().value();
        Set<String> seen = new HashSet<>();
        for (Parameter p : action.parameters()) {
            if (p.in() != null) {
                diagnostics.report(Message.IN_OF_ACTION_PARAMETER, p.in().location(), name);
            }
            if (!seen.add(p.name().value())) {
                diagnostics.report(
                        Message.DUPLICATE_ID,
                        p.name().location(),
                        "parameter",
                        p.name().value(),
                        p.name().location().line());
            }
            ExpressionCheck.syntax(p, diagnostics);
        }
        Location at = action.parameters().get(0).location();
        if (action.workflowId() == null) {
            diagnostics.report(Message.ACTION_PARAMETERS_WITHOUT_WORKFLOW, at, name);
        }
    }

    static boolean shape(Action action, Diagnostics diagnostics) {
        String type = action.type().value();
        String name = action.name().value();
        boolean hasStep = action.stepId() != null;
        boolean hasWorkflow = action.workflowId() != null;
        if (type.equals("goto") && hasStep == hasWorkflow) {
            diagnostics.report(Message.GOTO_NOT_ONE_TARGET, action.type().location(), name);
            return false;
        }
        if (type.equals("retry") && hasStep && hasWorkflow) {
            diagnostics.report(Message.RETRY_TWO_TARGETS, action.type().location(), name);
            return false;
        }
        if (type.equals("end") && (hasStep || hasWorkflow)) {
            diagnostics.report(Message.END_WITH_TARGET, action.type().location(), name);
        }
        if (!type.equals("retry") && (action.retryAfter() != null || action.retryLimit() != null)) {
            diagnostics.report(
                    Message.RETRY_FIELDS_OF_OTHER_ACTION, action.type().location(), type, name);
        }
        if (action.retryAfter() != null && action.retryAfter().value() < 0) {
            diagnostics.report(Message.NEGATIVE_RETRY_AFTER, action.retryAfter().location());
        }
        if (action.retryLimit() != null && action.retryLimit().value() < 0) {
            diagnostics.report(Message.NEGATIVE_RETRY_LIMIT, action.retryLimit().location());
        }
        parameters(action, diagnostics);
        return true;
    }
}
