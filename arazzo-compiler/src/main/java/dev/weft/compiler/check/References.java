package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.diagnostic.Suggestions;
import dev.weft.compiler.expr.JsonPointer;
import dev.weft.compiler.expr.RuntimeExpression;
import dev.weft.compiler.model.ArazzoVersion;
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
        ArazzoVersion version = document.document().version();
        if (!version.atLeast(ArazzoVersion.V1_1)
                && (expression instanceof RuntimeExpression.Self
                        || expression instanceof RuntimeExpression.MessageHeader
                        || expression instanceof RuntimeExpression.MessagePayload)) {
            diagnostics.report(
                    Message.LATER_VERSION_EXPRESSION,
                    at,
                    expression.text(),
                    document.document().arazzo().value());
            return;
        }
        if (version.atLeast(ArazzoVersion.V1_1)) {
            dottedIds(expression, at);
            String text = expression.text();
            int hash = text.indexOf('#');
            if (hash >= 0 && (text.indexOf('{', hash) >= 0 || text.indexOf('}', hash) >= 0)) {
                diagnostics.report(Message.POINTER_BRACES, at, text);
                return;
            }
        }
        if (expression instanceof RuntimeExpression.Self) {
            if (document.document().self() == null) {
                diagnostics.report(
                        Message.SELF_WITHOUT_FIELD,
                        at,
                        document.document().file().toUri().toString());
            }
        } else if (expression instanceof RuntimeExpression.Input in) {
            input(in, at, memberAccessAllowed);
        } else if (expression instanceof RuntimeExpression.StepOutput out) {
            stepOutput(out, at, memberAccessAllowed);
        } else if (expression instanceof RuntimeExpression.Output out) {
            if (scope != Scope.CALL && scope != Scope.ANY_RESULT) {
                diagnostics.report(Message.OUTPUTS_OUTSIDE_CALL, at, out.text(), out.name());
            }
        } else if (expression instanceof RuntimeExpression.WorkflowValue w) {
            Optional<Workflow> target = document.document().workflow(w.workflowId());
            if (target.isEmpty()) {
                diagnostics.report(
                        Message.UNKNOWN_WORKFLOW_VALUE,
                        at,
                        w.text(),
                        w.workflowId(),
                        Suggestions.hint(
                                w.workflowId(),
                                document.document().workflows().stream()
                                        .map(x -> x.workflowId().value())
                                        .toList()));
            } else {
                workflowValue(w, target.get(), at, memberAccessAllowed);
            }
        } else if (expression instanceof RuntimeExpression.SourceDescriptionRef s) {
            if (!version.atLeast(ArazzoVersion.V1_1)) {
                diagnostics.report(Message.SOURCE_DESCRIPTION_AS_VALUE, at, s.text());
            } else {
                sourceReference(s, at);
            }
        } else if (expression instanceof RuntimeExpression.ComponentRef c) {
            diagnostics.report(Message.COMPONENT_AS_VALUE, at, c.text());
        } else if (expression instanceof RuntimeExpression.MessageHeader
                || expression instanceof RuntimeExpression.MessagePayload) {
            if (scope != Scope.MESSAGE && scope != Scope.ANY_RESULT) {
                diagnostics.report(Message.MESSAGE_OUTSIDE_ASYNC_STEP, at, expression.text());
            }
        } else if (scope == Scope.MESSAGE) {
            diagnostics.report(Message.RESPONSE_VALUE_OF_ASYNC_STEP, at, expression.text());
        } else {
            // $url, $method, $statusCode, $request.*, $response.*
            responseOnly(expression, at, scope);
        }
    }

    /** Arazzo 1.1: step, workflow and source ids in expressions are identifier-strict; a dot is a dialect. */
    private void dottedIds(RuntimeExpression expression, Location at) {
        String id = null;
        if (expression instanceof RuntimeExpression.StepOutput out) {
            id = out.stepId();
        } else if (expression instanceof RuntimeExpression.WorkflowValue w) {
            id = w.workflowId();
        }
        if (id != null && id.contains(".")) {
            diagnostics.report(Message.DOTTED_ID, at, expression.text(), id);
        }
    }

    /**
     * Arazzo 1.1 §Source Description Expression Resolution: {@code $sourceDescriptions.<name>.<reference>} is
     * first an operationId (an OpenAPI source) or workflowId (an Arazzo source), which is no value; then a field
     * of the Source Description Object, whose value it is. An AsyncAPI source's operationIds are not known here,
     * so a reference that is no field is taken for one.
     */
    private void sourceReference(RuntimeExpression.SourceDescriptionRef s, Location at) {
        var declared = document.document().source(s.source());
        if (declared.isEmpty()) {
            diagnostics.report(
                    Message.SOURCE_REFERENCE_UNDECLARED,
                    at,
                    s.text(),
                    s.source(),
                    Suggestions.hint(
                            s.source(),
                            document.document().sourceDescriptions().stream()
                                    .map(d -> d.name().value())
                                    .toList()));
            return;
        }
        boolean operation = false;
        boolean known = true;
        var api = document.sources().get(s.source());
        var arazzo = document.arazzoSources().get(s.source());
        if (api != null) {
            operation = api.operation(s.rest()).isPresent();
        } else if (arazzo != null) {
            operation = arazzo.document().workflow(s.rest()).isPresent();
        } else {
            known = false; // an AsyncAPI source, or one that did not load (reported)
        }
        if (operation || !known && !SOURCE_FIELDS.contains(s.rest())) {
            diagnostics.report(Message.SOURCE_DESCRIPTION_AS_VALUE, at, s.text());
        } else if (!SOURCE_FIELDS.contains(s.rest())) {
            diagnostics.report(
                    Message.SOURCE_FIELD_UNKNOWN, at, s.text(), s.source(), Suggestions.hint(s.rest(), SOURCE_FIELDS));
        }
    }

    /** The fields of a Source Description Object a 1.1 expression reads. */
    static final java.util.List<String> SOURCE_FIELDS = java.util.List.of("name", "url", "type");

    private void responseOnly(RuntimeExpression expression, Location at, Scope scope) {
        if (scope == Scope.CALL) {
            diagnostics.report(Message.RESPONSE_VALUE_OF_WORKFLOW_STEP, at, expression.text());
        } else if (scope != Scope.RESPONSE && scope != Scope.ANY_RESULT) {
            diagnostics.report(
                    scope == Scope.REQUEST
                            ? Message.RESPONSE_VALUE_BEFORE_REQUEST
                            : Message.RESPONSE_VALUE_IN_WORKFLOW_OUTPUTS,
                    at,
                    expression.text());
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
                    Message.NO_INPUTS_DECLARED,
                    at,
                    in.text(),
                    workflow.workflowId().value());
            return;
        }
        if (!inputs.isClosed()) {
            return;
        }
        Optional<String> declared =
                DottedKeys.longestDeclared(in.name(), inputs.properties().keySet());
        if (declared.isEmpty()) {
            diagnostics.report(
                    inputs.allowsUnlisted() ? Message.UNLISTED_INPUT : Message.UNKNOWN_INPUT,
                    at,
                    workflow.workflowId().value(),
                    in.name(),
                    Suggestions.hint(in.name(), inputs.properties().keySet()));
        } else if (!declared.get().equals(in.name()) && !memberAccessAllowed) {
            memberAccess(
                    in.text(),
                    "$inputs." + declared.get(),
                    in.name().substring(declared.get().length() + 1),
                    in.pointer(),
                    Message.INPUT_OBJECT.format(declared.get()),
                    at);
        }
    }

    /** A dotted member read of a declared input or output outside a condition: Weft reads the member. */
    private void memberAccess(String text, String base, String rest, JsonPointer pointer, String what, Location at) {
        String fix = base + "#/" + rest.replace('.', '/') + (pointer == null || pointer.isRoot() ? "" : pointer);
        diagnostics.report(Message.MEMBER_ACCESS, at, text, rest, what, fix);
    }

    private void stepOutput(RuntimeExpression.StepOutput out, Location at, boolean memberAccessAllowed) {
        Optional<Step> step = workflow.step(out.stepId());
        if (step.isEmpty()) {
            diagnostics.report(
                    Message.UNKNOWN_STEP,
                    at,
                    out.text(),
                    out.stepId(),
                    workflow.workflowId().value(),
                    Suggestions.hint(
                            out.stepId(),
                            workflow.steps().stream().map(Step::id).toList()));
            return;
        }
        Collection<String> outputs = step.get().outputs().keySet();
        Optional<String> declared = DottedKeys.longestDeclared(out.name(), outputs);
        if (declared.isEmpty()) {
            String known =
                    outputs.isEmpty() ? Message.DECLARES_NO_OUTPUTS.format() : Suggestions.hint(out.name(), outputs);
            diagnostics.report(Message.UNKNOWN_STEP_OUTPUT, at, out.stepId(), out.name(), known);
        } else if (!declared.get().equals(out.name()) && !memberAccessAllowed) {
            memberAccess(
                    out.text(),
                    "$steps." + out.stepId() + ".outputs." + declared.get(),
                    out.name().substring(declared.get().length() + 1),
                    out.pointer(),
                    Message.STEP_OUTPUT_OBJECT.format(declared.get(), out.stepId()),
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
                    ? Message.READ_A_MEMBER.format(
                            declared.get(),
                            w.workflowId(),
                            w.kind().word(),
                            w.name().substring(declared.get().length() + 1).replace('.', '/'))
                    : Suggestions.hint(w.name(), names);
            Message message = outputs
                    ? Message.UNKNOWN_WORKFLOW_OUTPUT
                    : declared.isEmpty() && schema.allowsUnlisted()
                            ? Message.UNLISTED_WORKFLOW_INPUT
                            : Message.UNKNOWN_WORKFLOW_INPUT;
            diagnostics.report(message, at, target.workflowId().value(), w.name(), fix);
        }
        if (!WorkflowRuns.isRunBy(document.document(), target.workflowId().value())) {
            diagnostics.report(
                    Message.WORKFLOW_NOT_RUN, at, w.text(), target.workflowId().value());
        }
    }
}
