package dev.weft.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.weft.compiler.model.Action;
import dev.weft.compiler.model.Effective;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Parameter;
import dev.weft.compiler.model.RequestBody;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.OperationRef;
import dev.weft.compiler.resolve.WorkflowRef;
import io.swagger.v3.oas.models.media.Content;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The two methods of one operation step: one builds its request, the other reads the response:
 * records the outputs, checks the success criteria and picks the next step by the actions.
 *
 * <p>They are two methods, not one, so the same code serves the blocking {@code run} and the
 * non-blocking {@code runAsync}: the run loop sends the request in between.
 */
final class StepCode {
    private final Workflow workflow;
    private final WorkflowNames names;
    private final ValueCode values;
    private final ConditionCode conditions;
    private final ClassName stepEnum;
    private final Budget budget;
    private final BodyCode bodies;

    StepCode(
            Workflow workflow,
            WorkflowNames names,
            ValueCode values,
            ConditionCode conditions,
            ClassName stepEnum,
            Budget budget) {
        this.workflow = workflow;
        this.names = names;
        this.values = values;
        this.conditions = conditions;
        this.stepEnum = stepEnum;
        this.budget = budget;
        this.bodies = new BodyCode(values, budget);
    }

    ValueCode values() {
        return values;
    }

    Budget budget() {
        return budget;
    }

    /** The helper methods long conditions of the steps were split into. */
    List<MethodSpec> conditionHelpers() {
        return conditions.helpers();
    }

    MethodSpec request(Step step, OperationRef op) {
        budget.startMethod();
        CodeBlock.Builder body = CodeBlock.builder();
        ValueCode.Locals locals = new ValueCode.Locals(names.memberNames());
        CodeBlock head = CodeBlock.of(
                "$T.create($L, $L, $L, $L, $L)",
                RuntimeTypes.STEP_REQUEST,
                Literals.of(step.id()),
                Literals.of(op.sourceName()),
                Literals.of(op.serverUrl()),
                Literals.of(op.method()),
                Literals.of(op.path()));
        List<CodeBlock> calls = new ArrayList<>();
        for (Parameter p : Effective.parameters(workflow, step)) {
            String in = p.in().value();
            String method = switch (in) {
                case "path" -> "pathParam";
                case "query" -> "query";
                case "header" -> "header";
                default -> "cookie";
            };
            CodeBlock value = values.value(
                    p.value(),
                    in + " parameter '" + p.name().value() + "'",
                    body,
                    locals,
                    p.name().value());
            budget.add(1);
            String[] style = style(op, p.name().value(), in);
            if (style != null) {
                calls.add(CodeBlock.of(
                        ".$N($L, $L, $L, $L)",
                        method,
                        Literals.of(p.name().value()),
                        value,
                        Literals.of(style[0]),
                        style[1]));
            } else {
                calls.add(
                        CodeBlock.of(".$N($L, $L)", method, Literals.of(p.name().value()), value));
            }
        }
        RequestBody requestBody = step.requestBody();
        if (requestBody != null && requestBody.payload() != null) {
            calls.add(bodies.body(requestBody, contentType(requestBody, op), body, locals));
        }
        body.add(Chains.returning(RuntimeTypes.STEP_REQUEST, locals.next("request"), head, calls, true));
        budget.endMethod(step.location(), "the request of step '" + step.id() + "'");
        return MethodSpec.methodBuilder(names.requestMethod(step.id()))
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(
                        "Builds the request of step {@code $L}: $L.\n", Docs.line(step.id()), Docs.line(op.display()))
                .returns(RuntimeTypes.STEP_REQUEST)
                .addCode(body.build())
                .build();
    }

    /**
     * D-53: the operation's {@code style} and {@code explode} for a query or path parameter, when they are
     * not the defaults (query form exploded, path simple); null otherwise.
     */
    private static String[] style(OperationRef op, String name, String in) {
        if (!in.equals("query") && !in.equals("path")) {
            return null;
        }
        var declared = op.parameter(name, in).orElse(null);
        if (declared == null || declared.getStyle() == null && declared.getExplode() == null) {
            return null;
        }
        String style =
                declared.getStyle() != null ? declared.getStyle().toString() : in.equals("query") ? "form" : "simple";
        boolean explode = declared.getExplode() != null ? declared.getExplode() : style.equals("form");
        boolean isDefault = in.equals("query") ? style.equals("form") && explode : style.equals("simple") && !explode;
        return isDefault ? null : new String[] {style, Boolean.toString(explode)};
    }

    /** For a workflow step: the called workflow's inputs, one per parameter, by name (PARAM-5). */
    MethodSpec calleeInputs(Step step, WorkflowRef callee) {
        budget.startMethod();
        CodeBlock.Builder body = CodeBlock.builder();
        ValueCode.Locals locals = new ValueCode.Locals(names.memberNames(), "inputs");
        body.addStatement("$T inputs = $T.object()", RuntimeTypes.OBJECT_NODE, RuntimeTypes.VALUES);
        for (Parameter p : Effective.parameters(workflow, step)) {
            CodeBlock value = values.value(
                    p.value(),
                    "input '" + p.name().value() + "'",
                    body,
                    locals,
                    p.name().value());
            body.addStatement(
                    "$T.put(inputs, $L, $L)",
                    RuntimeTypes.VALUES,
                    Literals.of(p.name().value()),
                    value);
            budget.add(1);
        }
        budget.endMethod(step.location(), "the inputs step '" + step.id() + "' passes");
        return MethodSpec.methodBuilder(names.requestMethod(step.id()))
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(
                        "The inputs step {@code $L} passes to workflow {@code $L}.\n",
                        Docs.line(step.id()),
                        Docs.line(callee.id()))
                .returns(RuntimeTypes.OBJECT_NODE)
                .addCode(body.addStatement("return inputs").build())
                .build();
    }

    MethodSpec handler(Step step, int index) {
        budget.startMethod();
        boolean calls = step.workflowId() != null;
        String ex = calls ? WorkflowNames.CALL : WorkflowNames.EXCHANGE;
        ConditionCode.Scope scope = scope(calls, ex, names.handlerMethod(step.id()));
        CodeBlock.Builder code = CodeBlock.builder();
        if (!step.outputs().isEmpty()) {
            code.add("// Outputs are recorded after every exchange, successful or not.\n");
        }
        recordOutputs(code, step);
        CodeBlock success = !step.successCriteria().isEmpty()
                ? conditions.all(step.successCriteria(), scope)
                : calls
                        ? CodeBlock.of("$N.succeeded()", ex)
                        : CodeBlock.of("$N.statusCode() >= 200 && $N.statusCode() < 300", ex, ex);
        code.beginControlFlow("if ($L)", success);
        if (!actions(code, step, Effective.onSuccess(workflow, step), scope)) {
            if (index + 1 < workflow.steps().size()) {
                code.add("// no action matched: on to the next step\n");
                code.addStatement(
                        "return $T.$N",
                        stepEnum,
                        names.stepConstant(workflow.steps().get(index + 1).id()));
            } else {
                code.add("// the last step succeeded: the workflow ends\n");
                code.addStatement("return null");
            }
        }
        code.endControlFlow();
        if (actions(code, step, Effective.onFailure(workflow, step), scope)) {
            return handlerMethod(step, code);
        }
        String criteria = step.successCriteria().isEmpty()
                ? calls ? "workflow '" + step.workflowId().value() + "' failed" : "status is not 2xx"
                : "success criteria not met: "
                        + String.join(
                                " && ",
                                step.successCriteria().stream()
                                        .map(c -> c.condition().value())
                                        .toList());
        code.addStatement(
                "throw $N.failure($L, $N, $L)",
                WorkflowNames.RUN,
                Literals.of(step.id()),
                ex,
                Literals.of(Docs.shortened(criteria)));
        return handlerMethod(step, code);
    }

    private MethodSpec handlerMethod(Step step, CodeBlock.Builder code) {
        budget.endMethod(step.location(), "the handling of the result of step '" + step.id() + "'");
        boolean calls = step.workflowId() != null;
        String ex = calls ? WorkflowNames.CALL : WorkflowNames.EXCHANGE;
        return MethodSpec.methodBuilder(names.handlerMethod(step.id()))
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(
                        "Step {@code $L}$L\n",
                        Docs.line(step.id()),
                        step.description() == null ? "." : ": " + Docs.javadoc(step.description()))
                .addJavadoc("\n@return the next step, or null when the workflow ends\n")
                .returns(stepEnum)
                .addParameter(calls ? RuntimeTypes.WORKFLOW_CALL : RuntimeTypes.EXCHANGE, ex)
                .addCode(code.build())
                .build();
    }

    /**
     * After a retry action's helper step or workflow ran: retry the failed step when the helper succeeded
     * (a helper step's own success criteria decide, its actions are not followed); else that retry action
     * is spent and the failed step's failure actions are chosen again (CHECKLIST §4).
     */
    MethodSpec retryHelper(WorkflowNames.RetryHelper helper, Step helperStep) {
        Step failed = workflow.step(helper.stepId()).orElseThrow();
        boolean calls = helperStep == null || helperStep.workflowId() != null;
        String result = calls ? WorkflowNames.CALL : WorkflowNames.EXCHANGE;
        ConditionCode.Scope scope = scope(calls, result, helper.method());
        budget.startMethod();
        CodeBlock.Builder code = CodeBlock.builder();
        CodeBlock succeeded;
        if (helperStep != null) {
            recordOutputs(code, helperStep);
            succeeded = !helperStep.successCriteria().isEmpty()
                    ? conditions.all(helperStep.successCriteria(), scope)
                    : calls
                            ? CodeBlock.of("$N.succeeded()", result)
                            : CodeBlock.of("$N.statusCode() >= 200 && $N.statusCode() < 300", result, result);
        } else {
            succeeded = CodeBlock.of("$N.succeeded()", result);
        }
        code.beginControlFlow("if ($L)", succeeded)
                .addStatement("return $T.$N", stepEnum, names.stepConstant(failed.id()))
                .endControlFlow()
                .addStatement(
                        "$N.exhaust($L, $L)",
                        WorkflowNames.RUN,
                        Literals.of(failed.id()),
                        Literals.of(helper.actionName()))
                .addStatement("return $N($N)", names.handlerMethod(failed.id()), names.failedField(failed.id()));
        budget.endMethod(failed.location(), "retry action '" + helper.actionName() + "' of step '" + failed.id() + "'");
        return MethodSpec.methodBuilder(helper.method())
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(
                        "Retry action {@code $L} of step {@code $L} ran $L {@code $L} first; retries the step "
                                + "when that\n"
                                + "succeeded, else spends the action and chooses the step's failure actions again.\n",
                        Docs.line(helper.actionName()),
                        Docs.line(failed.id()),
                        helper.isStep() ? "step" : "workflow",
                        Docs.line(helper.target()))
                .returns(stepEnum)
                .addParameter(calls ? RuntimeTypes.WORKFLOW_CALL : RuntimeTypes.EXCHANGE, result)
                .addCode(code.build())
                .build();
    }

    private static ConditionCode.Scope scope(boolean calls, String parameter, String method) {
        return new ConditionCode.Scope(calls ? RuntimeTypes.WORKFLOW_CALL : RuntimeTypes.EXCHANGE, parameter, method);
    }

    private void recordOutputs(CodeBlock.Builder code, Step step) {
        for (Map.Entry<String, Located<String>> output : step.outputs().entrySet()) {
            budget.addToClass(1); // its field
            code.addStatement(
                    "$N = $L",
                    names.outputField(step.id(), output.getKey()),
                    values.template(output.getValue().value(), "output '" + output.getKey() + "'"));
        }
    }

    /** Emits actions in order; true when one always matches, so nothing after it can run. */
    private boolean actions(CodeBlock.Builder code, Step step, List<Action> actions, ConditionCode.Scope scope) {
        for (Action action : actions) {
            budget.add(2);
            if (action(code, step, action, scope)) {
                return true;
            }
        }
        return false;
    }

    private boolean action(CodeBlock.Builder code, Step step, Action action, ConditionCode.Scope scope) {
        String type = action.type().value();
        CodeBlock criteria = conditions.all(action.criteria(), scope);
        boolean always = action.criteria().isEmpty();
        String name = action.name().value();
        if (type.equals("retry")) {
            long limit = action.retryLimit() == null ? 1 : action.retryLimit().value();
            double after = action.retryAfter() == null ? 0 : action.retryAfter().value();
            CodeBlock exchange =
                    step.workflowId() != null ? CodeBlock.of("null") : CodeBlock.of("$N", WorkflowNames.EXCHANGE);
            CodeBlock retry = CodeBlock.of(
                    "$N.retry($L, $L, $LL, $L, $L)",
                    WorkflowNames.RUN,
                    Literals.of(step.id()),
                    Literals.of(name),
                    limit,
                    Double.toString(after),
                    exchange);
            code.beginControlFlow("if ($L)", always ? retry : CodeBlock.of("($L) && $L", criteria, retry));
            WorkflowNames.RetryHelper helper = names.retryHelper(step.id(), name);
            if (helper == null) {
                code.add("// retry action '$L'\n", Docs.line(name));
                code.addStatement("return $T.$N", stepEnum, names.stepConstant(step.id()));
            } else {
                code.add(
                        "// retry action '$L': $L '$L' runs first, then this step again\n",
                        Docs.line(name),
                        helper.isStep() ? "step" : "workflow",
                        Docs.line(helper.target()));
                code.addStatement(
                        "$N = $N",
                        names.failedField(step.id()),
                        step.workflowId() != null ? WorkflowNames.CALL : WorkflowNames.EXCHANGE);
                code.addStatement("return $T.$N", stepEnum, helper.constant());
            }
            code.endControlFlow();
            return false;
        }
        CodeBlock result;
        String ex = step.workflowId() != null ? WorkflowNames.CALL : WorkflowNames.EXCHANGE;
        if (type.equals("goto") && action.workflowId() != null) {
            result = CodeBlock.of(
                    "return $T.$N",
                    stepEnum,
                    names.gotoConstant(action.workflowId().value()));
        } else if (type.equals("goto")) {
            result = CodeBlock.of(
                    "return $T.$N", stepEnum, names.stepConstant(action.stepId().value()));
        } else if (action.kind() == Action.Kind.SUCCESS) {
            result = CodeBlock.of("return null");
        } else {
            result = CodeBlock.of(
                    "throw $N.failure($L, $N, $L)",
                    WorkflowNames.RUN,
                    Literals.of(step.id()),
                    ex,
                    Literals.of("failure action '" + name + "' ended the workflow"));
        }
        if (always) {
            code.add("// $L action '$L'\n", type, Docs.line(name));
            code.addStatement(result);
            return true;
        }
        code.beginControlFlow("if ($L)", criteria);
        code.add("// $L action '$L'\n", type, Docs.line(name));
        code.addStatement(result);
        code.endControlFlow();
        return false;
    }

    /** D-52: the step's contentType, else the operation's single (or JSON) request media type. */
    private static String contentType(RequestBody body, OperationRef op) {
        if (body.contentType() != null) {
            return body.contentType().value();
        }
        var requestBody = op.operation().getRequestBody();
        Content content = requestBody == null ? null : requestBody.getContent();
        if (content == null || content.isEmpty()) {
            return "application/json";
        }
        List<String> types = List.copyOf(content.keySet());
        return types.stream().filter(StepCode::isJson).findFirst().orElse(types.get(0));
    }

    static boolean isJson(String contentType) {
        String lower = contentType.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/json") || lower.contains("+json");
    }
}
