package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.RequestBody;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.OperationRef;
import dev.weft.compiler.resolve.ResolvedDocument;
import java.util.Locale;
import java.util.stream.Stream;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

/**
 * Each step names exactly one target (STEP-3), preferably by operationId (STEP-7), and only operation
 * steps carry a body (STEP-10).
 */
final class StepTargetCheck implements Check {

    @Override
    public void check(ResolvedDocument document, Diagnostics diagnostics) {
        for (Workflow workflow : document.document().workflows()) {
            for (Step step : workflow.steps()) {
                long targets = Stream.of(step.operationId(), step.operationPath(), step.workflowId())
                        .filter(t -> t != null)
                        .count();
                if (step.isAsync()) {
                    continue; // one of operationId and channelPath: AsyncStepCheck
                }
                if (targets != 1) {
                    diagnostics.report(Message.NOT_ONE_TARGET, step.stepId().location(), step.id(), targets);
                    continue;
                }
                Located<String> workflowId = step.workflowId();
                if (workflowId != null && step.requestBody() != null) {
                    // STEP-10: the spec passes a requestBody to operations only; nothing forbids one here
                    diagnostics.report(
                            Message.BODY_OF_WORKFLOW_STEP, step.requestBody().location(), step.id());
                }
                if (step.requestBody() != null) {
                    replacementTargets(
                            step.requestBody(), document.target(workflow, step).orElse(null), diagnostics);
                }
                if (step.operationPath() != null) {
                    document.target(workflow, step).ifPresent(op -> preferOperationId(document, step, op, diagnostics));
                }
            }
        }
    }

    /** STEP-7: an operation that has an operationId is better named by it than by a JSON Pointer. */
    private static void preferOperationId(
            ResolvedDocument document, Step step, OperationRef op, Diagnostics diagnostics) {
        if (op.operationId() == null) {
            return;
        }
        boolean qualify = document.sources().size() > 1;
        String id = qualify ? "$sourceDescriptions." + op.sourceName() + "." + op.operationId() : op.operationId();
        diagnostics.report(
                Message.PREFER_OPERATION_ID,
                step.operationPath().location(),
                step.id(),
                op.display(),
                op.operationId(),
                id);
    }

    /** BODY-3: a replacement's target is a JSON Pointer for JSON and form bodies, an XPath for XML ones. */
    private static void replacementTargets(RequestBody body, OperationRef op, Diagnostics diagnostics) {
        String contentType = body.contentType() != null
                ? body.contentType().value()
                : op != null
                                && op.operation().getRequestBody() != null
                                && op.operation().getRequestBody().getContent() != null
                        ? String.join(
                                ",",
                                op.operation().getRequestBody().getContent().keySet())
                        : "application/json";
        boolean xml = contentType.toLowerCase(Locale.ROOT).contains("xml");
        for (RequestBody.Replacement r : body.replacements()) {
            String target = r.target().value();
            if (xml) {
                try {
                    XPathFactory.newDefaultInstance().newXPath().compile(target);
                } catch (XPathExpressionException e) {
                    diagnostics.report(Message.TARGET_NOT_XPATH, r.target().location(), target);
                }
            } else if (!target.isEmpty() && !target.startsWith("/") || target.matches(".*~[^01].*|.*~$")) {
                diagnostics.report(Message.TARGET_NOT_A_POINTER, r.target().location(), target, contentType);
            }
        }
    }
}
