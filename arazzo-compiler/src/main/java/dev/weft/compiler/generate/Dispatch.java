package dev.weft.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.names.WorkflowClassNames;
import dev.weft.compiler.resolve.ResolvedDocument;
import dev.weft.compiler.resolve.WorkflowRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * How an execution runs each step and the workflows it calls: the one switch over the steps (send the
 * request or call the workflow, then handle the result), the end of a {@code goto} to another workflow,
 * and the workflows this one depends on.
 */
final class Dispatch {
    private final ResolvedDocument document;
    private final Workflow workflow;
    private final WorkflowNames names;
    private final Budget budget;
    private final ClassName stepEnum;
    private final WorkflowClassNames classNames;

    Dispatch(
            ResolvedDocument document,
            Workflow workflow,
            WorkflowNames names,
            Budget budget,
            ClassName outer,
            WorkflowClassNames classNames) {
        this.document = document;
        this.workflow = workflow;
        this.names = names;
        this.budget = budget;
        this.stepEnum = outer.nestedClass("Step");
        this.classNames = classNames;
    }

    /** The workflow a reference names; the checks have resolved it. */
    WorkflowRef callee(Located<String> reference) {
        return document.workflow(reference.value())
                .orElseThrow(() -> new IllegalStateException(
                        "workflow reference '" + reference.value() + "' passed the checks unresolved"));
    }

    private ClassName calleeClass(WorkflowRef callee) {
        return ClassName.get(stepEnum.packageName(), classNames.of(callee.document(), callee.workflow()));
    }

    /** The one switch over the steps: send the request or call the workflow, then handle the result. */
    MethodSpec execute(boolean async) {
        CodeBlock.Builder cases =
                CodeBlock.builder().add("return switch (step) {\n").indent();
        for (Step step : workflow.steps()) {
            String constant = names.stepConstant(step.id());
            String handler = names.handlerMethod(step.id());
            CodeBlock id = Literals.of(step.id());
            if (step.workflowId() != null) {
                CodeBlock inputs = CodeBlock.of("$N()", names.requestMethod(step.id()));
                cases.add(call(
                        constant, id, calleeClass(callee(step.workflowId())), inputs, handler, async, timeout(step)));
            } else {
                cases.add(send(constant, id, names.requestMethod(step.id()), handler, async, step.isAsync()));
            }
        }
        for (Map.Entry<String, String> target : names.gotoConstants().entrySet()) {
            ClassName callee = calleeClass(document.workflow(target.getKey()).orElseThrow());
            CodeBlock label = Literals.of("goto " + target.getKey());
            CodeBlock inputs = names.gotoInputsField() == null
                    ? CodeBlock.of("$N", WorkflowNames.IN)
                    : CodeBlock.of(
                            "$N != null ? $N : $N", names.gotoInputsField(), names.gotoInputsField(), WorkflowNames.IN);
            cases.add(call(target.getValue(), label, callee, inputs, names.gotoMethod(target.getKey()), async, null));
        }
        for (WorkflowNames.RetryHelper helper : names.retryHelpers()) {
            Step step = helper.isStep() ? workflow.step(helper.target()).orElseThrow() : null;
            if (step != null && step.workflowId() == null) {
                cases.add(send(
                        helper.constant(),
                        Literals.of(step.id()),
                        names.requestMethod(step.id()),
                        helper.method(),
                        async,
                        step.isAsync()));
                continue;
            }
            ClassName callee = calleeClass(
                    callee(step != null ? step.workflowId() : new Located<>(helper.target(), workflow.location())));
            CodeBlock inputs = step != null
                    ? CodeBlock.of("$N()", names.requestMethod(step.id()))
                    : helper.inputsMethod() != null
                            ? CodeBlock.of("$N()", helper.inputsMethod())
                            : CodeBlock.of("$N", WorkflowNames.IN);
            cases.add(call(
                    helper.constant(),
                    Literals.of(helper.id()),
                    callee,
                    inputs,
                    helper.method(),
                    async,
                    step != null ? timeout(step) : null));
        }
        cases.unindent().add("};\n");
        return MethodSpec.methodBuilder(async ? "executeAsync" : "execute")
                .addModifiers(Modifier.PRIVATE)
                .returns(async ? ExecutionClass.future(stepEnum) : stepEnum)
                .addParameter(stepEnum, "step")
                .addCode(cases.build())
                .build();
    }

    /** A case sending a step's request and handing the exchange to {@code handler}. */
    private static CodeBlock send(
            String constant, CodeBlock id, String request, String handler, boolean async, boolean message) {
        String how = message ? "message" : "exchange";
        return async
                ? CodeBlock.of(
                        "case $N ->$W$N.$NAsync($L,$Wthis::$N)$Z.thenApply(this::$N);\n",
                        constant,
                        WorkflowNames.RUN,
                        how,
                        id,
                        request,
                        handler)
                : CodeBlock.of(
                        "case $N ->$W$N($N.$N($L,$Wthis::$N));\n",
                        constant,
                        handler,
                        WorkflowNames.RUN,
                        how,
                        id,
                        request);
    }

    /**
     * A case calling a workflow with {@code inputs} and handing its outcome to {@code handler}; a step's 1.1
     * {@code timeout} (or {@code null}) bounds the called run.
     */
    private static CodeBlock call(
            String constant,
            CodeBlock label,
            ClassName callee,
            CodeBlock inputs,
            String handler,
            boolean async,
            Long timeout) {
        CodeBlock bound = timeout == null ? CodeBlock.of("") : CodeBlock.of(" $LL,", timeout);
        return async
                ? CodeBlock.of(
                        "case $N ->$W$N.callAsync($L,$L$W() -> $T.callAsync($N, $L))$Z.thenApply(this::$N);\n",
                        constant,
                        WorkflowNames.RUN,
                        label,
                        bound,
                        callee,
                        WorkflowNames.RUN,
                        inputs,
                        handler)
                : CodeBlock.of(
                        "case $N ->$W$N($N.call($L,$L$W() -> $T.call($N, $L)));\n",
                        constant,
                        handler,
                        WorkflowNames.RUN,
                        label,
                        bound,
                        callee,
                        WorkflowNames.RUN,
                        inputs);
    }

    private static Long timeout(Step step) {
        return step.timeout() == null ? null : step.timeout().value();
    }

    /** D-18: a goto to a workflow is one-way; this execution ends with the target's outcome. */
    MethodSpec gotoHandler(String target) {
        return MethodSpec.methodBuilder(names.gotoMethod(target))
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(Docs.wrap(
                        "After a goto to workflow {@code " + Docs.line(target)
                                + "}: this workflow ends as that one ended.",
                        Docs.NESTED))
                .returns(stepEnum)
                .addParameter(RuntimeTypes.WORKFLOW_CALL, WorkflowNames.CALL)
                .beginControlFlow("if (!$N.succeeded())", WorkflowNames.CALL)
                .addStatement(
                        "throw $N.failure($L, $N,$W$L)",
                        WorkflowNames.RUN,
                        Literals.of("goto " + target),
                        WorkflowNames.CALL,
                        Literals.of("workflow '" + target + "', reached by goto, failed"))
                .endControlFlow()
                .addStatement("return null")
                .build();
    }

    /**
     * {@code dependsOn} (D-17): each dependency runs first, at most once per top-level run, inputs by name;
     * a call as a step's is, so that a dependency which cannot start (a required input missing) fails this
     * workflow with a {@code WorkflowException}, as one that fails does.
     */
    MethodSpec dependencies(boolean async) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(async ? "dependenciesAsync" : "dependencies")
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(Docs.wrap(
                        "Runs the workflows this one depends on, in order, each unless it already ran in this"
                                + " run; fails as the first of them that fails.",
                        Docs.NESTED));
        // each dependency is a statement or a call of a chain (about 35 bytes), and one method holds them all;
        // its lambdas add synthetic methods and about 20 constants to the class (measured: 600 dependencies)
        budget.startMethod();
        budget.add(2 * workflow.dependsOn().size());
        budget.addToClass(2 * workflow.dependsOn().size());
        budget.endMethod(
                workflow.location(),
                "the dependsOn list of workflow '" + workflow.workflowId().value() + "'");
        if (!async) {
            for (Located<String> dependency : workflow.dependsOn()) {
                WorkflowRef ref = callee(dependency);
                method.beginControlFlow("if (!$N.hasCompleted($L))", WorkflowNames.RUN, Literals.of(ref.id()))
                        .addStatement(
                                "$N.call($L,$W() -> $T.call($N, $N))$Z.outputsOrThrow()",
                                WorkflowNames.RUN,
                                Literals.of("dependsOn " + ref.id()),
                                calleeClass(ref),
                                WorkflowNames.RUN,
                                WorkflowNames.IN)
                        .endControlFlow();
            }
            return method.build();
        }
        TypeName done = ClassName.get(Void.class);
        CodeBlock head = CodeBlock.of("$T.<$T>completedFuture(null)", RuntimeTypes.COMPLETABLE_FUTURE, done);
        List<CodeBlock> calls = new ArrayList<>();
        for (Located<String> dependency : workflow.dependsOn()) {
            WorkflowRef ref = callee(dependency);
            calls.add(CodeBlock.of(
                    ".thenCompose(done -> $N.hasCompleted($L)$W? $T.completedFuture(done)$W: $N.callAsync($L,$W()"
                            + " -> $T.callAsync($N, $N))$Z.thenAccept($T::outputsOrThrow))",
                    WorkflowNames.RUN,
                    Literals.of(ref.id()),
                    RuntimeTypes.COMPLETABLE_FUTURE,
                    WorkflowNames.RUN,
                    Literals.of("dependsOn " + ref.id()),
                    calleeClass(ref),
                    WorkflowNames.RUN,
                    WorkflowNames.IN,
                    RuntimeTypes.WORKFLOW_CALL));
        }
        return method.returns(ExecutionClass.future(done))
                .addCode(Chains.returning(ExecutionClass.future(done), "chain", head, calls))
                .build();
    }
}
