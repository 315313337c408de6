package dev.weft.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.weft.compiler.check.WorkflowClassNames;
import dev.weft.compiler.model.InputSchema;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.ResolvedDocument;
import dev.weft.compiler.resolve.WorkflowRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The nested {@code Run} class: the state of one run (inputs as JSON, each step's outputs) and the
 * state machine that moves from step to step, blocking or asynchronously.
 */
final class RunClass {
    private final ResolvedDocument document;
    private final Workflow workflow;
    private final WorkflowNames names;
    private final StepCode steps;
    private final ClassName outer;
    private final ClassName stepEnum;
    private final String packageName;
    private final WorkflowClassNames classNames;

    RunClass(
            ResolvedDocument document,
            Workflow workflow,
            WorkflowNames names,
            StepCode steps,
            ClassName outer,
            WorkflowClassNames classNames) {
        this.document = document;
        this.workflow = workflow;
        this.names = names;
        this.steps = steps;
        this.outer = outer;
        this.stepEnum = outer.nestedClass("Step");
        this.packageName = outer.packageName();
        this.classNames = classNames;
    }

    TypeSpec build() {
        TypeSpec.Builder run = TypeSpec.classBuilder("Run")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(
                        "One run of the workflow: its inputs, the outputs of the steps so far, and a method pair per step.\n")
                .addField(RuntimeTypes.RUN, WorkflowNames.RUN, Modifier.PRIVATE, Modifier.FINAL)
                .addField(RuntimeTypes.OBJECT_NODE, WorkflowNames.IN, Modifier.PRIVATE, Modifier.FINAL);
        for (Step step : workflow.steps()) {
            for (String output : step.outputs().keySet()) {
                run.addField(FieldSpec.builder(
                                RuntimeTypes.JSON_NODE, names.outputField(step.id(), output), Modifier.PRIVATE)
                        .addJavadoc(
                                "Output {@code $L} of step {@code $L}; null until the step has run.\n",
                                Docs.line(output),
                                Docs.line(step.id()))
                        .build());
            }
        }
        for (Step step : workflow.steps()) {
            String failed = names.failedField(step.id());
            if (failed != null) {
                run.addField(FieldSpec.builder(
                                step.workflowId() != null ? RuntimeTypes.WORKFLOW_CALL : RuntimeTypes.EXCHANGE,
                                failed,
                                Modifier.PRIVATE)
                        .addJavadoc(
                                "The failed result of step {@code $L} while a retry action's helper runs.\n",
                                Docs.line(step.id()))
                        .build());
            }
        }
        run.addMethod(constructor())
                .addMethod(runMethod())
                .addMethod(runAsyncMethod())
                .addMethod(runFromMethod());
        if (!workflow.dependsOn().isEmpty()) {
            run.addMethod(dependencies(false)).addMethod(dependencies(true));
        }
        run.addMethod(execute(false)).addMethod(execute(true));
        for (int i = 0; i < workflow.steps().size(); i++) {
            Step step = workflow.steps().get(i);
            if (step.workflowId() != null) {
                run.addMethod(steps.calleeInputs(step, callee(step.workflowId())));
            } else {
                run.addMethod(steps.request(step, WorkflowClassGenerator.target(document, workflow, step)));
            }
            run.addMethod(steps.handler(step, i));
        }
        for (String target : names.gotoConstants().keySet()) {
            run.addMethod(gotoHandler(target));
        }
        for (WorkflowNames.RetryHelper helper : names.retryHelpers()) {
            run.addMethod(steps.retryHelper(
                    helper, helper.isStep() ? workflow.step(helper.target()).orElseThrow() : null));
        }
        run.addMethods(steps.conditionHelpers());
        return run.addMethod(finish()).addMethod(outputsJson()).build();
    }

    private WorkflowRef callee(Located<String> reference) {
        return document.workflow(reference.value())
                .orElseThrow(() -> new IllegalStateException(
                        "workflow reference '" + reference.value() + "' passed the checks unresolved"));
    }

    private ClassName calleeClass(WorkflowRef callee) {
        return ClassName.get(packageName, classNames.of(callee.document(), callee.workflow()));
    }

    private MethodSpec constructor() {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addParameter(RuntimeTypes.RUN, WorkflowNames.RUN)
                .addParameter(outer.nestedClass("Inputs"), "inputs")
                .addStatement("this.$N = $N", WorkflowNames.RUN, WorkflowNames.RUN)
                .addStatement(
                        "this.$N = $T.requireNonNull(inputs, $L).toJson()",
                        WorkflowNames.IN,
                        RuntimeTypes.OBJECTS,
                        Literals.of("inputs"));
        InputSchema schema = InputSchema.of(workflow);
        for (String input : names.inputComponents().keySet()) {
            if (schema.isSecret(input)) {
                constructor.addStatement(
                        "$N.secret($T.text($N.get($L)))",
                        WorkflowNames.RUN,
                        RuntimeTypes.VALUES,
                        WorkflowNames.IN,
                        Literals.of(input));
            }
        }
        return constructor.build();
    }

    private CodeBlock firstStep() {
        return CodeBlock.of(
                "$T.$N", stepEnum, names.stepConstant(workflow.steps().get(0).id()));
    }

    private MethodSpec runMethod() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("run").returns(RuntimeTypes.OBJECT_NODE);
        if (!workflow.dependsOn().isEmpty()) {
            method.addStatement("dependencies()");
        }
        return method.addStatement("$T step = $L", stepEnum, firstStep())
                .beginControlFlow("while (step != null)")
                .addStatement("$N.enterStep(step.id)", WorkflowNames.RUN)
                .addStatement("step = execute(step)")
                .endControlFlow()
                .addStatement("return finish()")
                .build();
    }

    private MethodSpec runAsyncMethod() {
        CodeBlock start = workflow.dependsOn().isEmpty()
                ? CodeBlock.of("return runFrom($L)", firstStep())
                : CodeBlock.of("return dependenciesAsync().thenCompose(done -> runFrom($L))", firstStep());
        return MethodSpec.methodBuilder("runAsync")
                .returns(future(RuntimeTypes.OBJECT_NODE))
                .addStatement(start)
                .build();
    }

    private MethodSpec runFromMethod() {
        return MethodSpec.methodBuilder("runFrom")
                .addModifiers(Modifier.PRIVATE)
                .returns(future(RuntimeTypes.OBJECT_NODE))
                .addParameter(stepEnum, "step")
                .beginControlFlow("if (step == null)")
                .addStatement("return $T.completedFuture(finish())", RuntimeTypes.COMPLETABLE_FUTURE)
                .endControlFlow()
                .addStatement(
                        "return $N.enterStepAsync(step.id)\n.thenCompose(entered -> executeAsync(step))\n"
                                + ".thenCompose(this::runFrom)",
                        WorkflowNames.RUN)
                .build();
    }

    /** {@code dependsOn} (D-17): each dependency runs first, at most once per top-level run, inputs by name. */
    private MethodSpec dependencies(boolean async) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(async ? "dependenciesAsync" : "dependencies")
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(
                        "Runs the workflows this one depends on, in order, each unless it already ran in this run.\n");
        // each dependency is a statement or a call of a chain, and one method holds them all
        steps.budget().startMethod();
        steps.budget().add(2 * workflow.dependsOn().size());
        steps.budget()
                .endMethod(
                        workflow.location(),
                        "the dependsOn list of workflow '"
                                + workflow.workflowId().value() + "'");
        if (!async) {
            for (Located<String> dependency : workflow.dependsOn()) {
                WorkflowRef ref = callee(dependency);
                method.beginControlFlow("if (!$N.hasCompleted($L))", WorkflowNames.RUN, Literals.of(ref.id()))
                        .addStatement("$T.call($N, $N)", calleeClass(ref), WorkflowNames.RUN, WorkflowNames.IN)
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
                    ".thenCompose(done -> $N.hasCompleted($L) ? $T.completedFuture(done)\n"
                            + "        : $T.callAsync($N, $N).thenAccept(outputs -> { }))",
                    WorkflowNames.RUN,
                    Literals.of(ref.id()),
                    RuntimeTypes.COMPLETABLE_FUTURE,
                    calleeClass(ref),
                    WorkflowNames.RUN,
                    WorkflowNames.IN));
        }
        return method.returns(future(done))
                .addCode(Chains.returning(future(done), "chain", head, calls, false))
                .build();
    }

    /** The one switch over the steps: send the request or call the workflow, then handle the result. */
    private MethodSpec execute(boolean async) {
        CodeBlock.Builder cases =
                CodeBlock.builder().add("return switch (step) {\n").indent();
        for (Step step : workflow.steps()) {
            String constant = names.stepConstant(step.id());
            String handler = names.handlerMethod(step.id());
            CodeBlock id = Literals.of(step.id());
            if (step.workflowId() != null) {
                ClassName callee = calleeClass(callee(step.workflowId()));
                String inputs = names.requestMethod(step.id());
                cases.add(
                        async
                                ? "case $N -> $N.callAsync($L, () -> $T.callAsync($N, $N())).thenApply(this::$N);\n"
                                : "case $N -> $N($N.call($L, () -> $T.call($N, $N())));\n",
                        async
                                ? new Object[] {
                                    constant, WorkflowNames.RUN, id, callee, WorkflowNames.RUN, inputs, handler
                                }
                                : new Object[] {
                                    constant, handler, WorkflowNames.RUN, id, callee, WorkflowNames.RUN, inputs
                                });
            } else {
                String request = names.requestMethod(step.id());
                cases.add(
                        async
                                ? "case $N -> $N.sendAsync($L, this::$N).thenApply(this::$N);\n"
                                : "case $N -> $N($N.send($L, this::$N));\n",
                        async
                                ? new Object[] {constant, WorkflowNames.RUN, id, request, handler}
                                : new Object[] {constant, handler, WorkflowNames.RUN, id, request});
            }
        }
        for (Map.Entry<String, String> target : names.gotoConstants().entrySet()) {
            ClassName callee = calleeClass(document.workflow(target.getKey()).orElseThrow());
            String handler = names.gotoMethod(target.getKey());
            CodeBlock label = Literals.of("goto " + target.getKey());
            cases.add(
                    async
                            ? "case $N -> $N.callAsync($L, () -> $T.callAsync($N, $N)).thenApply(this::$N);\n"
                            : "case $N -> $N($N.call($L, () -> $T.call($N, $N)));\n",
                    async
                            ? new Object[] {
                                target.getValue(),
                                WorkflowNames.RUN,
                                label,
                                callee,
                                WorkflowNames.RUN,
                                WorkflowNames.IN,
                                handler
                            }
                            : new Object[] {
                                target.getValue(),
                                handler,
                                WorkflowNames.RUN,
                                label,
                                callee,
                                WorkflowNames.RUN,
                                WorkflowNames.IN
                            });
        }
        for (WorkflowNames.RetryHelper helper : names.retryHelpers()) {
            cases.add(retryHelperCase(helper, async));
        }
        cases.unindent().add("};\n");
        return MethodSpec.methodBuilder(async ? "executeAsync" : "execute")
                .addModifiers(Modifier.PRIVATE)
                .returns(async ? future(stepEnum) : stepEnum)
                .addParameter(stepEnum, "step")
                .addCode(cases.build())
                .build();
    }

    /** Runs a retry action's helper: the named step's request (or workflow call), or the named workflow. */
    private CodeBlock retryHelperCase(WorkflowNames.RetryHelper helper, boolean async) {
        Step step = helper.isStep() ? workflow.step(helper.target()).orElseThrow() : null;
        if (step != null && step.workflowId() == null) {
            return async
                    ? CodeBlock.of(
                            "case $N -> $N.sendAsync($L, this::$N).thenApply(this::$N);\n",
                            helper.constant(),
                            WorkflowNames.RUN,
                            Literals.of(step.id()),
                            names.requestMethod(step.id()),
                            helper.method())
                    : CodeBlock.of(
                            "case $N -> $N($N.send($L, this::$N));\n",
                            helper.constant(),
                            helper.method(),
                            WorkflowNames.RUN,
                            Literals.of(step.id()),
                            names.requestMethod(step.id()));
        }
        ClassName callee = calleeClass(
                callee(step != null ? step.workflowId() : new Located<>(helper.target(), workflow.location())));
        CodeBlock inputs = step != null
                ? CodeBlock.of("$N()", names.requestMethod(step.id()))
                : CodeBlock.of("$N", WorkflowNames.IN);
        return async
                ? CodeBlock.of(
                        "case $N -> $N.callAsync($L, () -> $T.callAsync($N, $L)).thenApply(this::$N);\n",
                        helper.constant(),
                        WorkflowNames.RUN,
                        Literals.of(helper.id()),
                        callee,
                        WorkflowNames.RUN,
                        inputs,
                        helper.method())
                : CodeBlock.of(
                        "case $N -> $N($N.call($L, () -> $T.call($N, $L)));\n",
                        helper.constant(),
                        helper.method(),
                        WorkflowNames.RUN,
                        Literals.of(helper.id()),
                        callee,
                        WorkflowNames.RUN,
                        inputs);
    }

    /** D-18: a goto to a workflow is one-way; this run ends with the target's outcome. */
    private MethodSpec gotoHandler(String target) {
        return MethodSpec.methodBuilder(names.gotoMethod(target))
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(
                        "After a goto to workflow {@code $L}: this run ends as that workflow ended.\n",
                        Docs.line(target))
                .returns(stepEnum)
                .addParameter(RuntimeTypes.WORKFLOW_CALL, WorkflowNames.CALL)
                .beginControlFlow("if (!$N.succeeded())", WorkflowNames.CALL)
                .addStatement(
                        "throw $N.failure($L, $N, $L)",
                        WorkflowNames.RUN,
                        Literals.of("goto " + target),
                        WorkflowNames.CALL,
                        Literals.of("workflow '" + target + "', reached by goto, failed"))
                .endControlFlow()
                .addStatement("return null")
                .build();
    }

    private MethodSpec finish() {
        return MethodSpec.methodBuilder("finish")
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc("Computes the workflow outputs and records the run for {@code $$workflows} expressions.\n")
                .returns(RuntimeTypes.OBJECT_NODE)
                .addStatement("$T outputs = outputsJson()", RuntimeTypes.OBJECT_NODE)
                .addStatement("$N.completed(WORKFLOW_ID, $N, outputs)", WorkflowNames.RUN, WorkflowNames.IN)
                .addStatement("return outputs")
                .build();
    }

    private MethodSpec outputsJson() {
        ValueCode values = steps.values();
        steps.budget().startMethod();
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("$T outputs = $T.object()", RuntimeTypes.OBJECT_NODE, RuntimeTypes.VALUES);
        for (String output : names.workflowOutputs().keySet()) {
            String text = workflow.outputs().get(output).value();
            body.addStatement(
                    "$T.put(outputs, $L, $L)",
                    RuntimeTypes.VALUES,
                    Literals.of(output),
                    values.template(text, "workflow output '" + output + "'"));
        }
        steps.budget()
                .endMethod(
                        workflow.location(),
                        "the outputs of workflow '" + workflow.workflowId().value() + "'");
        return MethodSpec.methodBuilder("outputsJson")
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc("The workflow outputs, evaluated leniently: an absent value leaves its output out.\n")
                .returns(RuntimeTypes.OBJECT_NODE)
                .addCode(body.addStatement("return outputs").build())
                .build();
    }

    private static TypeName future(TypeName of) {
        return ParameterizedTypeName.get(RuntimeTypes.COMPLETABLE_FUTURE, of);
    }
}
