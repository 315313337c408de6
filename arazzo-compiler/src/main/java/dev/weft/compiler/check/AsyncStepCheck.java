package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.model.Effective;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Parameter;
import dev.weft.compiler.model.SourceDescription;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.MessageRef;
import dev.weft.compiler.resolve.ResolvedDocument;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * AsyncAPI steps (Arazzo 1.1): {@code action}, {@code channelPath} and {@code correlationId} stand on AsyncAPI
 * steps only, an AsyncAPI step has an action and one of operationId and channelPath, a correlationId belongs to
 * a receive, its messages declare where the correlation id is, and a message has only header parameters.
 */
final class AsyncStepCheck implements Check {

    @Override
    public void check(ResolvedDocument document, Diagnostics diagnostics) {
        for (Workflow workflow : document.document().workflows()) {
            for (Step step : workflow.steps()) {
                if (step.workflowId() != null || step.operationPath() != null) {
                    String object =
                            step.workflowId() != null ? "a step that calls a workflow" : "an operationPath step";
                    if (operationPathAsOperationId(step, diagnostics)) {
                        continue;
                    }
                    misplaced(step, step.action(), "action", object, diagnostics);
                    misplaced(step, step.channelPath(), "channelPath", object, diagnostics);
                    misplaced(step, step.correlationId(), "correlationId", object, diagnostics);
                    continue;
                }
                if (!step.isAsync()) {
                    misplaced(step, step.correlationId(), "correlationId", "an OpenAPI step", diagnostics);
                    asyncOperationWithoutAction(document, step, diagnostics);
                    continue;
                }
                asyncStep(document, workflow, step, diagnostics);
            }
        }
    }

    private static void asyncStep(ResolvedDocument document, Workflow workflow, Step step, Diagnostics diagnostics) {
        if (step.operationId() != null && step.channelPath() != null) {
            diagnostics.report(
                    Message.ASYNC_STEP_TWO_TARGETS, step.channelPath().location(), step.id());
        }
        if (step.action() == null) {
            diagnostics.report(Message.ASYNC_STEP_WITHOUT_ACTION, step.stepId().location(), step.id());
            return;
        }
        boolean receive = step.action().value().equals("receive");
        if (!receive && step.correlationId() != null) {
            diagnostics.report(
                    Message.CORRELATION_ID_ON_SEND, step.correlationId().location(), step.id());
        }
        MessageRef target = document.messageTarget(workflow, step).orElse(null);
        List<String> addressParameters =
                target == null ? List.of() : target.channel().parameters();
        Set<String> given = new HashSet<>();
        for (Parameter p : Effective.parameters(workflow, step)) {
            if (p.in() == null || p.in().value().equals("header")) {
                continue;
            }
            if (p.in().value().equals("path")
                    && addressParameters.contains(p.name().value())) {
                // Arazzo 1.1 defines no channel parameters: 'in: path' fills the address, as a path's variables
                given.add(p.name().value());
                diagnostics.report(
                        Message.CHANNEL_PARAMETER,
                        p.in().location(),
                        p.name().value(),
                        target.channel().address());
                continue;
            }
            diagnostics.report(
                    Message.ASYNC_PARAMETER_NOT_HEADER,
                    p.in().location(),
                    p.name().value(),
                    step.id(),
                    p.in().value());
        }
        for (String name : addressParameters) {
            if (!given.contains(name)) {
                diagnostics.report(
                        Message.MISSING_CHANNEL_PARAMETER,
                        step.stepId().location(),
                        step.id(),
                        target.channel().address(),
                        name);
            }
        }
        if (!receive || step.correlationId() == null) {
            return;
        }
        if (target == null) {
            return;
        }
        String location = target.correlationLocation();
        if (location == null) {
            diagnostics.report(
                    Message.NO_CORRELATION_LOCATION,
                    step.correlationId().location(),
                    step.id(),
                    target.channel().key());
        } else if (target.correlation() == null) {
            diagnostics.report(
                    Message.UNSUPPORTED_CORRELATION_LOCATION,
                    step.correlationId().location(),
                    location,
                    target.channel().key());
        }
    }

    /** An operationId qualified by an AsyncAPI source on a step without an action. */
    private static void asyncOperationWithoutAction(ResolvedDocument document, Step step, Diagnostics diagnostics) {
        Located<String> id = step.operationId();
        String prefix = "$sourceDescriptions.";
        if (id == null || !id.value().startsWith(prefix)) {
            return;
        }
        String rest = id.value().substring(prefix.length());
        String source = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        if (document.document()
                .source(source)
                .map(SourceDescription::isAsyncApi)
                .orElse(false)) {
            diagnostics.report(Message.ASYNC_STEP_WITHOUT_ACTION, step.stepId().location(), step.id());
        }
    }

    /**
     * An operationPath that is {@code $sourceDescriptions.<name>.<id>}, no pointer: the operationId it means
     * (the 1.1 root example's async steps, SOURCE.md). The action and correlationId then belong to it.
     */
    private static boolean operationPathAsOperationId(Step step, Diagnostics diagnostics) {
        Located<String> path = step.operationPath();
        if (path == null
                || step.action() == null && step.correlationId() == null
                || !path.value().startsWith("$sourceDescriptions.")
                || path.value().contains("#")) {
            return false;
        }
        diagnostics.report(Message.OPERATION_PATH_AS_OPERATION_ID, path.location(), path.value(), step.id());
        return true;
    }

    private static void misplaced(
            Step step, Located<String> field, String name, String object, Diagnostics diagnostics) {
        if (field != null) {
            diagnostics.report(Message.ASYNC_FIELD_OUTSIDE_ASYNC_STEP, field.location(), name, step.id(), object);
        }
    }
}
