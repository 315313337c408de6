package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.diagnostic.Suggestions;
import dev.weft.compiler.model.Action;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.ResolvedDocument;

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
        return true;
    }
}
