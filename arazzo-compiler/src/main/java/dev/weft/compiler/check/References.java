package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.DiagnosticCode;
import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.diagnostic.Suggestions;
import dev.weft.compiler.expr.JsonPointer;
import dev.weft.compiler.expr.RuntimeExpression;
import dev.weft.compiler.model.DottedKeys;
import dev.weft.compiler.model.InputSchema;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.ResolvedDocument;
import java.util.Collection;
import java.util.Optional;

/** Checks that what an expression reads exists and is in scope where the expression stands. */
final class References {
    private final ResolvedDocument document;
    private final Workflow workflow;
    private final InputSchema inputs;
    private final Diagnostics diagnostics;

    References(ResolvedDocument document, Workflow workflow, Diagnostics diagnostics) {
        this.document = document;
        this.workflow = workflow;
        this.inputs = InputSchema.of(workflow);
        this.diagnostics = diagnostics;
    }

    /**
     * Validates one expression.
     *
     * @param memberAccessAllowed whether a dotted rest after a declared name may read a member (conditions only)
     */
    void check(RuntimeExpression expression, Location at, Scope scope, boolean memberAccessAllowed) {
        if (expression instanceof RuntimeExpression.Input in) {
            input(in, at, memberAccessAllowed);
        } else if (expression instanceof RuntimeExpression.StepOutput out) {
            stepOutput(out, at, memberAccessAllowed);
        } else if (expression instanceof RuntimeExpression.Output out) {
            if (scope != Scope.CALL && scope != Scope.ANY_RESULT) {
                diagnostics.report(
                        DiagnosticCode.EXPRESSION_OUT_OF_SCOPE,
                        at,
                        "'" + out.text()
                                + "' is only available after a step that calls a workflow (in its criteria and "
                                + "outputs); elsewhere use '$steps.<stepId>.outputs." + out.name() + "'");
            }
        } else if (expression instanceof RuntimeExpression.WorkflowValue w) {
            Optional<Workflow> target = document.document().workflow(w.workflowId());
            if (target.isEmpty()) {
                diagnostics.report(
                        DiagnosticCode.UNKNOWN_WORKFLOW,
                        at,
                        "'" + w.text() + "' refers to workflow '" + w.workflowId() + "', which is not in this document"
                                + Suggestions.hint(
                                        w.workflowId(),
                                        document.document().workflows().stream()
                                                .map(x -> x.workflowId().value())
                                                .toList()));
            } else {
                workflowValue(w, target.get(), at, memberAccessAllowed);
            }
        } else if (expression instanceof RuntimeExpression.SourceDescriptionRef s) {
            diagnostics.report(
                    DiagnosticCode.EXPRESSION_OUT_OF_SCOPE,
                    at,
                    "'" + s.text() + "' names a source description, not a value; it is only allowed in operationId, "
                            + "operationPath and workflowId");
        } else if (expression instanceof RuntimeExpression.ComponentRef c) {
            diagnostics.report(
                    DiagnosticCode.EXPRESSION_OUT_OF_SCOPE,
                    at,
                    "'" + c.text() + "' is only allowed as the 'reference' of a reusable object");
        } else {
            // $url, $method, $statusCode, $request.*, $response.*
            responseOnly(expression, at, scope);
        }
    }

    private void responseOnly(RuntimeExpression expression, Location at, Scope scope) {
        if (scope == Scope.CALL) {
            diagnostics.report(
                    DiagnosticCode.EXPRESSION_OUT_OF_SCOPE,
                    at,
                    "'" + expression.text()
                            + "' does not exist for a step that calls a workflow; read the called workflow's "
                            + "outputs with '$outputs.<name>'");
        } else if (scope != Scope.RESPONSE && scope != Scope.ANY_RESULT) {
            String where = scope == Scope.REQUEST ? "before the step's request is sent" : "in workflow outputs";
            diagnostics.report(
                    DiagnosticCode.EXPRESSION_OUT_OF_SCOPE,
                    at,
                    "'" + expression.text() + "' cannot be used " + where
                            + "; it exists only after an operation step's call "
                            + "(in its successCriteria, action criteria and outputs)");
        }
    }

    /**
     * EXPR-5: an input the schema excludes is an error; one it merely does not list (JSON Schema admits
     * unlisted properties unless {@code additionalProperties} is false) is a warning, as the value may be
     * absent at run time; a dotted member read outside a condition is a dialect.
     */
    private void input(RuntimeExpression.Input in, Location at, boolean memberAccessAllowed) {
        if (workflow.inputs() == null) {
            diagnostics.report(
                    DiagnosticCode.UNLISTED_INPUT,
                    at,
                    "'" + in.text() + "' reads an input, but workflow '"
                            + workflow.workflowId().value() + "' declares no inputs (the value is absent)");
            return;
        }
        if (!inputs.isClosed()) {
            return;
        }
        Optional<String> declared =
                DottedKeys.longestDeclared(in.name(), inputs.properties().keySet());
        if (declared.isEmpty()) {
            String message = "workflow '" + workflow.workflowId().value() + "' declares no input '" + in.name() + "'"
                    + Suggestions.hint(in.name(), inputs.properties().keySet());
            if (inputs.allowsUnlisted()) {
                diagnostics.report(
                        DiagnosticCode.UNLISTED_INPUT,
                        at,
                        message + " (its inputs schema admits unlisted ones; the value is absent unless a caller "
                                + "passes it)");
            } else {
                diagnostics.report(
                        DiagnosticCode.UNKNOWN_INPUT,
                        at,
                        message + " (its inputs schema has additionalProperties: false)");
            }
        } else if (!declared.get().equals(in.name()) && !memberAccessAllowed) {
            memberAccess(
                    in.text(),
                    "$inputs." + declared.get(),
                    in.name().substring(declared.get().length() + 1),
                    in.pointer(),
                    "input '" + declared.get() + "'",
                    at);
        }
    }

    /** A dotted member read of a declared input or output outside a condition: Weft reads the member. */
    private void memberAccess(String text, String base, String rest, JsonPointer pointer, String what, Location at) {
        String fix = base + "#/" + rest.replace('.', '/') + (pointer == null || pointer.isRoot() ? "" : pointer);
        diagnostics.report(
                DiagnosticCode.MEMBER_ACCESS,
                at,
                "'" + text + "' reads member '" + rest + "' of " + what + " with a dot, which only conditions "
                        + "allow; Weft reads the member; write '" + fix + "'");
    }

    private void stepOutput(RuntimeExpression.StepOutput out, Location at, boolean memberAccessAllowed) {
        Optional<Step> step = workflow.step(out.stepId());
        if (step.isEmpty()) {
            diagnostics.report(
                    DiagnosticCode.UNKNOWN_STEP,
                    at,
                    "'" + out.text() + "' refers to step '" + out.stepId() + "', which is not in workflow '"
                            + workflow.workflowId().value() + "'"
                            + Suggestions.hint(
                                    out.stepId(),
                                    workflow.steps().stream().map(Step::id).toList()));
            return;
        }
        Collection<String> outputs = step.get().outputs().keySet();
        Optional<String> declared = DottedKeys.longestDeclared(out.name(), outputs);
        if (declared.isEmpty()) {
            String known = outputs.isEmpty() ? "; it declares no outputs" : Suggestions.hint(out.name(), outputs);
            diagnostics.report(
                    DiagnosticCode.UNKNOWN_OUTPUT,
                    at,
                    "step '" + out.stepId() + "' has no output '" + out.name() + "'" + known);
        } else if (!declared.get().equals(out.name()) && !memberAccessAllowed) {
            memberAccess(
                    out.text(),
                    "$steps." + out.stepId() + ".outputs." + declared.get(),
                    out.name().substring(declared.get().length() + 1),
                    out.pointer(),
                    "output '" + declared.get() + "' of step '" + out.stepId() + "'",
                    at);
        }
    }

    /**
     * EXPR-5 for {@code $workflows.<id>.inputs|outputs.<name>}: the name is declared; D-16: something in
     * this document runs the workflow, or the value can never be there.
     */
    private void workflowValue(
            RuntimeExpression.WorkflowValue w, Workflow target, Location at, boolean memberAccessAllowed) {
        Collection<String> names = w.kind() == RuntimeExpression.WorkflowValue.Kind.OUTPUTS
                ? target.outputs().keySet()
                : InputSchema.of(target).properties().keySet();
        boolean outputs = w.kind() == RuntimeExpression.WorkflowValue.Kind.OUTPUTS;
        InputSchema schema = InputSchema.of(target);
        boolean checkable = outputs || schema.isClosed();
        Optional<String> declared = DottedKeys.longestDeclared(w.name(), names);
        if (checkable && (declared.isEmpty() || !declared.get().equals(w.name()) && !memberAccessAllowed)) {
            String fix = declared.isPresent() && !declared.get().equals(w.name())
                    ? "; to read a member of '" + declared.get() + "' write '$workflows." + w.workflowId() + "."
                            + w.kind().word() + "." + declared.get() + "#/"
                            + w.name().substring(declared.get().length() + 1).replace('.', '/') + "'"
                    : Suggestions.hint(w.name(), names);
            String message = "workflow '" + target.workflowId().value() + "' declares no "
                    + (outputs ? "output" : "input") + " '" + w.name() + "'" + fix;
            DiagnosticCode code = outputs
                    ? DiagnosticCode.UNKNOWN_OUTPUT
                    : declared.isEmpty() && schema.allowsUnlisted()
                            ? DiagnosticCode.UNLISTED_INPUT
                            : DiagnosticCode.UNKNOWN_INPUT;
            diagnostics.report(code, at, message);
        }
        if (!WorkflowRuns.isRunBy(document.document(), target.workflowId().value())) {
            diagnostics.report(
                    DiagnosticCode.WORKFLOW_NOT_RUN,
                    at,
                    "'" + w.text() + "' reads the latest run of workflow '"
                            + target.workflowId().value()
                            + "', but nothing in this document runs it (dependsOn, a workflow step or a goto); the value will be "
                            + "absent");
        }
    }
}
