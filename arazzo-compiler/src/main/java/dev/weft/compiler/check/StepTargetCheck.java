package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.model.ArazzoVersion;
import dev.weft.compiler.model.ExpressionType;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.RequestBody;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.OperationRef;
import dev.weft.compiler.resolve.ResolvedDocument;
import dev.weft.runtime.internal.JsonPathQuery;
import dev.weft.runtime.internal.JsonPathSyntaxException;
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
                            step.requestBody(),
                            document.target(workflow, step).orElse(null),
                            document.document().version(),
                            diagnostics);
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

    /**
     * BODY-3: a replacement's target is a JSON Pointer for JSON and form bodies, an XPath for XML ones; in 1.1 a
     * {@code targetSelectorType} says which, and a JSONPath target (SEL-5) may stand for JSON ones.
     */
    private static void replacementTargets(
            RequestBody body, OperationRef op, ArazzoVersion arazzo, Diagnostics diagnostics) {
        String contentType = contentType(body, op);
        boolean xml = contentType.toLowerCase(Locale.ROOT).contains("xml");
        for (RequestBody.Replacement r : body.replacements()) {
            String target = r.target().value();
            ExpressionType type = r.targetSelectorType();
            if (type != null && type.name().equals("xpath") != xml) {
                String fix = xml
                        ? "an XML body takes an XPath target ('targetSelectorType: xpath')"
                        : "a JSON or form body takes a JSON Pointer or JSONPath target";
                diagnostics.report(Message.TARGET_TYPE_MISMATCH, type.location(), type.name(), contentType, fix);
            } else if (type != null && type.name().equals("xpath")) {
                XPathVersions.check(r.target(), type.version(), arazzo, Message.MALFORMED_SELECTOR_XPATH, diagnostics);
            } else if (type != null && type.name().equals("jsonpath")) {
                jsonPathTarget(r, type, diagnostics);
            } else if (xml) {
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

    private static void jsonPathTarget(RequestBody.Replacement r, ExpressionType type, Diagnostics diagnostics) {
        if (type.version() != null && !type.version().value().equals("rfc9535")) {
            SelectorCheck.jsonPath(r.target(), type.version(), diagnostics);
            return;
        }
        try {
            JsonPathQuery.compile(r.target().value());
        } catch (JsonPathSyntaxException e) {
            diagnostics.report(
                    Message.TARGET_NOT_JSONPATH,
                    r.target().location().shifted(e.offset()),
                    r.target().value(),
                    e.getMessage());
        }
    }

    /** The body's media type: its own, else the operation's (all of them), else JSON. */
    static String contentType(RequestBody body, OperationRef op) {
        return body.contentType() != null
                ? body.contentType().value()
                : op != null
                                && op.operation().getRequestBody() != null
                                && op.operation().getRequestBody().getContent() != null
                        ? String.join(
                                ",",
                                op.operation().getRequestBody().getContent().keySet())
                        : "application/json";
    }
}
