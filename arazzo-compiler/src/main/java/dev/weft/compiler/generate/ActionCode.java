package dev.weft.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.weft.compiler.model.Action;
import dev.weft.compiler.model.Step;
import java.util.List;

/**
 * A step's success or failure actions, in order, as {@code if} statements returning the next step: a goto
 * names its target, an end returns null (or throws, after a failure), a retry asks the run whether its
 * budget lasts; each says, in a comment, which action of the document it is.
 */
final class ActionCode {
    private final WorkflowNames names;
    private final ConditionCode conditions;
    private final ClassConstants constants;
    private final ClassName stepEnum;
    private final Budget budget;

    ActionCode(
            WorkflowNames names,
            ConditionCode conditions,
            ClassConstants constants,
            ClassName stepEnum,
            Budget budget) {
        this.names = names;
        this.conditions = conditions;
        this.constants = constants;
        this.stepEnum = stepEnum;
        this.budget = budget;
    }

    /** Emits actions in order; true when one always matches, so nothing after it can run. */
    boolean emit(CodeBlock.Builder code, Step step, List<Action> actions, ConditionCode.Scope scope) {
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
        boolean always = action.criteria().isEmpty();
        String name = action.name().value();
        if (type.equals("retry")) {
            CodeBlock retry =
                    CodeBlock.of("$N.retry($N, $N)", WorkflowNames.RUN, retryConstant(step, action), scope.parameter());
            code.beginControlFlow(
                    "if ($L)",
                    always ? retry : CodeBlock.of("$L$W&& $L", conditions.all(action.criteria(), scope, false), retry));
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
                code.addStatement("$N = $N", names.failedField(step.id()), scope.parameter());
                code.addStatement("return $T.$N", stepEnum, helper.constant());
            }
            code.endControlFlow();
            return false;
        }
        CodeBlock result;
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
                    "throw $N.failure($L, $N,$W$L)",
                    WorkflowNames.RUN,
                    Literals.of(step.id()),
                    scope.parameter(),
                    Literals.of("failure action '" + name + "' ended the workflow"));
        }
        if (!always) {
            code.beginControlFlow("if ($L)", conditions.all(action.criteria(), scope, true));
        }
        code.add("// $L action '$L'\n", type, Docs.line(name));
        if (type.equals("goto") && action.workflowId() != null && names.gotoInputsField() != null) {
            String inputs = names.actionInputsMethod(action);
            if (inputs != null) {
                code.addStatement("$N = $N()", names.gotoInputsField(), inputs);
            } else {
                code.addStatement("$N = null", names.gotoInputsField());
            }
        }
        code.addStatement(result);
        if (!always) {
            code.endControlFlow();
        }
        return always;
    }

    /** The constant holding a retry action of a step. */
    String retryConstant(Step step, Action action) {
        return constants.retry(
                step.id(),
                action.name().value(),
                action.retryLimit() == null ? null : action.retryLimit().value(),
                action.retryAfter() == null ? null : action.retryAfter().value());
    }
}
