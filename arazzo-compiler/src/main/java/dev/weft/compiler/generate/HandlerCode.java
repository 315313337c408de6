package dev.weft.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.weft.compiler.expr.ExpressionParser;
import dev.weft.compiler.expr.RuntimeExpression;
import dev.weft.compiler.expr.Template;
import dev.weft.compiler.model.Action;
import dev.weft.compiler.model.Criterion;
import dev.weft.compiler.model.Effective;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Selector;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The second of the two methods of a step: it reads the response (or the called workflow's outcome),
 * records the step's outputs, tests its success criteria and picks the next step by its actions; and the
 * method a retry action's helper step or workflow returns to.
 */
final class HandlerCode {
    private final Workflow workflow;
    private final WorkflowNames names;
    private final ValueCode values;
    private final ConditionCode conditions;
    private final ClassName stepEnum;
    private final Budget budget;
    private final ActionCode actions;

    /** What a method recorded first: the step's outputs, by the code reading each, and whether one read the body. */
    private record Recorded(Map<String, CodeBlock> fields, boolean readsTheBody) {}

    HandlerCode(
            Workflow workflow,
            WorkflowNames names,
            ValueCode values,
            ConditionCode conditions,
            ClassConstants constants,
            ClassName stepEnum,
            Budget budget) {
        this.workflow = workflow;
        this.names = names;
        this.values = values;
        this.conditions = conditions;
        this.stepEnum = stepEnum;
        this.budget = budget;
        this.actions = new ActionCode(names, conditions, constants, stepEnum, budget);
    }

    MethodSpec handler(Step step, int index) {
        budget.startMethod();
        boolean calls = step.workflowId() != null;
        String parameter = calls ? WorkflowNames.CALL : WorkflowNames.EXCHANGE;
        List<Action> onSuccess = Effective.onSuccess(workflow, step);
        List<Action> onFailure = Effective.onFailure(workflow, step);
        CodeBlock.Builder code = CodeBlock.builder();
        Recorded recorded = recordOutputs(code, step);
        ValueCode.Locals locals = new ValueCode.Locals(names.memberNames(), parameter);
        // the success criteria are tested first; whether they surely read the body decides what moves up
        boolean bodyRead = recorded.readsTheBody() || conditions.reads().surelyReadTheBody(step.successCriteria());
        ConditionCode.Scope scope = ReadOnce.plan(
                conditions,
                new ConditionCode.Scope(
                        type(calls), parameter, names.handlerMethod(step.id()), recorded.fields(), Map.of()),
                List.of(step.successCriteria()),
                bodyRead,
                locals,
                code,
                budget);
        code.beginControlFlow("if ($L)", succeeded(step, scope));
        ConditionCode.Scope succeeded = ReadOnce.plan(
                conditions, scope, criteria(onSuccess), bodyRead || firstReadsTheBody(onSuccess), locals, code, budget);
        if (!actions.emit(code, step, onSuccess, succeeded)) {
            code.addStatement(
                    index + 1 < workflow.steps().size()
                            ? CodeBlock.of(
                                    "return $T.$N",
                                    stepEnum,
                                    names.stepConstant(
                                            workflow.steps().get(index + 1).id()))
                            : CodeBlock.of("return null"));
        }
        code.endControlFlow();
        ConditionCode.Scope failed = ReadOnce.plan(
                conditions, scope, criteria(onFailure), bodyRead || firstReadsTheBody(onFailure), locals, code, budget);
        if (!actions.emit(code, step, onFailure, failed)) {
            String criteria = step.successCriteria().isEmpty()
                    ? calls
                            ? "workflow '" + step.workflowId().value() + "' failed"
                            : step.isAsync() ? "no message " + step.action().value() : "status is not 2xx"
                    : "success criteria not met: "
                            + String.join(
                                    " && ",
                                    step.successCriteria().stream()
                                            .map(c -> c.condition().value())
                                            .toList());
            code.addStatement(
                    "throw $N.failure($L, $N,$W$L)",
                    WorkflowNames.RUN,
                    Literals.of(step.id()),
                    parameter,
                    Literals.of(Docs.shortened(criteria)));
        }
        budget.endMethod(step.location(), "the handling of the result of step '" + step.id() + "'");
        return MethodSpec.methodBuilder(names.handlerMethod(step.id()))
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(Docs.wrap(javadoc(step), Docs.NESTED))
                .returns(stepEnum)
                .addParameter(type(calls), parameter)
                .addCode(code.build())
                .build();
    }

    /** The step, where the document has it, what it does, and which of its outputs nothing reads. */
    private String javadoc(Step step) {
        StringBuilder doc = new StringBuilder("Step {@code ")
                .append(Docs.line(step.id()))
                .append("}, at ")
                .append(Docs.line(step.location().file().getFileName() + ":"
                        + step.location().line()))
                .append('.');
        if (step.description() != null) {
            doc.append("\n\n<p>").append(Docs.javadoc(step.description()));
        }
        List<String> unread = step.outputs().keySet().stream()
                .filter(output -> names.outputField(step.id(), output) == null)
                .map(output -> "{@code " + Docs.line(output) + "}")
                .toList();
        if (!unread.isEmpty()) {
            doc.append("\n\n<p>Not recorded, as nothing reads ")
                    .append(unread.size() == 1 ? "it: output " : "them: outputs ")
                    .append(String.join(", ", unread))
                    .append('.');
        }
        return doc.toString();
    }

    /** The test of a step's success: its criteria, else a 2xx status or a called workflow that succeeded. */
    private CodeBlock succeeded(Step step, ConditionCode.Scope scope) {
        if (step.isAsync()) {
            // Arazzo 1.1: a send succeeds once sent, a receive on the first matching message in time; criteria
            // then test that message
            return step.successCriteria().isEmpty()
                    ? CodeBlock.of("$N.messageDone()", scope.parameter())
                    : CodeBlock.of(
                            "$N.messageDone() && $L",
                            scope.parameter(),
                            conditions.all(step.successCriteria(), scope, false));
        }
        if (!step.successCriteria().isEmpty()) {
            return conditions.all(step.successCriteria(), scope, true);
        }
        return step.workflowId() != null
                ? CodeBlock.of("$N.succeeded()", scope.parameter())
                : CodeBlock.of("$N.statusCode() >= 200 && $N.statusCode() < 300", scope.parameter(), scope.parameter());
    }

    /**
     * After a retry action's helper step or workflow ran: retry the failed step when the helper succeeded
     * (a helper step's own success criteria decide, its actions are not followed); else that retry action
     * is spent and the failed step's failure actions are chosen again (CHECKLIST §4).
     */
    MethodSpec retryHelper(WorkflowNames.RetryHelper helper, Step helperStep) {
        Step failed = workflow.step(helper.stepId()).orElseThrow();
        boolean calls = helperStep == null || helperStep.workflowId() != null;
        String parameter = calls ? WorkflowNames.CALL : WorkflowNames.EXCHANGE;
        budget.startMethod();
        CodeBlock.Builder code = CodeBlock.builder();
        CodeBlock succeeded;
        if (helperStep != null) {
            Recorded recorded = recordOutputs(code, helperStep);
            ConditionCode.Scope scope = ReadOnce.plan(
                    conditions,
                    new ConditionCode.Scope(type(calls), parameter, helper.method(), recorded.fields(), Map.of()),
                    List.of(helperStep.successCriteria()),
                    recorded.readsTheBody(),
                    new ValueCode.Locals(names.memberNames(), parameter),
                    code,
                    budget);
            succeeded = succeeded(helperStep, scope);
        } else {
            succeeded = CodeBlock.of("$N.succeeded()", parameter);
        }
        Action action = Effective.onFailure(workflow, failed).stream()
                .filter(a -> a.name().value().equals(helper.actionName()))
                .findFirst()
                .orElseThrow();
        code.beginControlFlow("if ($L)", succeeded)
                .addStatement("return $T.$N", stepEnum, names.stepConstant(failed.id()))
                .endControlFlow()
                .addStatement("$N.exhaust($N)", WorkflowNames.RUN, actions.retryConstant(failed, action))
                .addStatement("return $N($N)", names.handlerMethod(failed.id()), names.failedField(failed.id()));
        budget.endMethod(failed.location(), "retry action '" + helper.actionName() + "' of step '" + failed.id() + "'");
        return MethodSpec.methodBuilder(helper.method())
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(Docs.wrap(
                        "Retry action {@code " + Docs.line(helper.actionName()) + "} of step {@code "
                                + Docs.line(failed.id()) + "} ran " + (helper.isStep() ? "step" : "workflow")
                                + " {@code " + Docs.line(helper.target()) + "} first; retries the step when"
                                + " that succeeded, else spends the action and chooses the step's failure"
                                + " actions again.",
                        Docs.NESTED))
                .returns(stepEnum)
                .addParameter(type(calls), parameter)
                .addCode(code.build())
                .build();
    }

    private static List<List<Criterion>> criteria(List<Action> actions) {
        return actions.stream().map(Action::criteria).toList();
    }

    /** Whether the first of the actions surely reads the response body, which it tests first of all. */
    private boolean firstReadsTheBody(List<Action> actions) {
        return !actions.isEmpty()
                && conditions.reads().surelyReadTheBody(actions.get(0).criteria());
    }

    private static TypeName type(boolean calls) {
        return calls ? RuntimeTypes.WORKFLOW_CALL : RuntimeTypes.EXCHANGE;
    }

    /** Records the outputs something reads; they are recorded after every response, successful or not. */
    private Recorded recordOutputs(CodeBlock.Builder code, Step step) {
        Map<String, CodeBlock> fields = new HashMap<>();
        boolean readsTheBody = false;
        for (Map.Entry<String, Located<String>> output : step.outputs().entrySet()) {
            String field = names.outputField(step.id(), output.getKey());
            if (field == null) {
                continue; // nothing reads it
            }
            budget.addToClass(1); // its field
            String text = output.getValue().value();
            Selector selector = step.outputSelectors().get(output.getKey());
            if (selector != null) {
                code.addStatement("$N = $L", field, values.selector(selector));
                readsTheBody |= ExpressionParser.parse(text).value() instanceof RuntimeExpression.ResponseBody;
                continue;
            }
            CodeBlock value = values.template(text, "output '" + output.getKey() + "'");
            code.addStatement("$N = $L", field, value);
            Template template = ExpressionParser.parseTemplate(text, true).value();
            if (template.isSingleExpression()) {
                fields.putIfAbsent(value.toString(), CodeBlock.of("$N", field));
            }
            for (Template.Part part : template.parts()) {
                readsTheBody |=
                        part instanceof Template.Embedded e && e.expression() instanceof RuntimeExpression.ResponseBody;
            }
        }
        return new Recorded(fields, readsTheBody);
    }
}
