package dev.weft.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.weft.compiler.model.Action;
import dev.weft.compiler.model.InputSchema;
import dev.weft.compiler.model.Selector;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.ResolvedDocument;
import javax.lang.model.element.Modifier;

/**
 * The nested {@code Execution} class: the state of one execution of the workflow (its inputs as JSON,
 * the outputs of its steps) and the loop that moves from step to step, blocking or asynchronously.
 */
final class ExecutionClass {
    static final String NAME = "Execution";

    private final ResolvedDocument document;
    private final Workflow workflow;
    private final WorkflowNames names;
    private final StepCode requests;
    private final HandlerCode handlers;
    private final ConditionCode conditions;
    private final Dispatch dispatch;
    private final ValueCode values;
    private final Budget budget;
    private final ClassName outer;
    private final ClassName stepEnum;

    ExecutionClass(
            ResolvedDocument document,
            Workflow workflow,
            WorkflowNames names,
            Generators generators,
            ClassName outer,
            Dispatch dispatch) {
        this.document = document;
        this.workflow = workflow;
        this.names = names;
        this.requests = generators.requests();
        this.handlers = generators.handlers();
        this.conditions = generators.conditions();
        this.values = generators.values();
        this.budget = generators.budget();
        this.dispatch = dispatch;
        this.outer = outer;
        this.stepEnum = outer.nestedClass("Step");
    }

    /** The code generators of one workflow class, sharing its names, constants and budget. */
    record Generators(
            ValueCode values, ConditionCode conditions, StepCode requests, HandlerCode handlers, Budget budget) {}

    TypeSpec build() {
        TypeSpec.Builder execution = TypeSpec.classBuilder(NAME)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(Docs.wrap(
                        "One execution of the workflow: its inputs, the outputs of its steps so far, and two"
                                + " methods per step, one building the step's request, the other reading the"
                                + " response and returning the next step, or null when the workflow ends."
                                + " Outputs are recorded after every response, successful or not.",
                        Docs.MEMBER))
                .addField(RuntimeTypes.RUN, WorkflowNames.RUN, Modifier.PRIVATE, Modifier.FINAL)
                .addField(
                        FieldSpec.builder(RuntimeTypes.OBJECT_NODE, WorkflowNames.IN, Modifier.PRIVATE, Modifier.FINAL)
                                .addJavadoc("The inputs, as {@code $$inputs} expressions read them.\n")
                                .build());
        for (Step step : workflow.steps()) {
            for (String output : step.outputs().keySet()) {
                String field = names.outputField(step.id(), output);
                if (field != null) {
                    execution.addField(FieldSpec.builder(RuntimeTypes.JSON_NODE, field, Modifier.PRIVATE)
                            .addJavadoc(Docs.wrap(
                                    "Output {@code " + Docs.line(output) + "} of step {@code " + Docs.line(step.id())
                                            + "}; null until the step has run.",
                                    Docs.NESTED))
                            .build());
                }
            }
        }
        if (names.gotoInputsField() != null) {
            execution.addField(FieldSpec.builder(RuntimeTypes.OBJECT_NODE, names.gotoInputsField(), Modifier.PRIVATE)
                    .addJavadoc("The inputs the goto about to run passes, or null for this workflow's own.\n")
                    .build());
        }
        for (Step step : workflow.steps()) {
            String failed = names.failedField(step.id());
            if (failed != null) {
                execution.addField(FieldSpec.builder(
                                step.workflowId() != null ? RuntimeTypes.WORKFLOW_CALL : RuntimeTypes.EXCHANGE,
                                failed,
                                Modifier.PRIVATE)
                        .addJavadoc(Docs.wrap(
                                "The failed result of step {@code " + Docs.line(step.id())
                                        + "} while a retry action's helper runs.",
                                Docs.NESTED))
                        .build());
            }
        }
        execution
                .addMethod(constructor())
                .addMethod(run())
                .addMethod(runAsync())
                .addMethod(runFrom());
        if (!workflow.dependsOn().isEmpty()) {
            execution.addMethod(dispatch.dependencies(false)).addMethod(dispatch.dependencies(true));
        }
        execution.addMethod(dispatch.execute(false)).addMethod(dispatch.execute(true));
        for (int i = 0; i < workflow.steps().size(); i++) {
            Step step = workflow.steps().get(i);
            if (step.workflowId() != null) {
                execution.addMethod(requests.calleeInputs(step, dispatch.callee(step.workflowId())));
            } else if (step.isAsync()) {
                execution.addMethod(requests.message(
                        step,
                        document.messageTarget(workflow, step)
                                .orElseThrow(() -> new IllegalStateException(
                                        "step '" + step.id() + "' passed the checks without a channel"))));
            } else {
                StepCode.Request request =
                        requests.request(step, WorkflowClassGenerator.target(document, workflow, step));
                execution.addFields(request.fields()).addMethod(request.method());
            }
            execution.addMethod(handlers.handler(step, i));
        }
        for (String target : names.gotoConstants().keySet()) {
            execution.addMethod(dispatch.gotoHandler(target));
        }
        for (Action action : names.parameterizedGotos()) {
            execution.addMethod(requests.actionInputs(action, names.actionInputsMethod(action)));
        }
        for (Action action : names.parameterizedRetries()) {
            execution.addMethod(requests.actionInputs(action, names.actionInputsMethod(action)));
        }
        for (WorkflowNames.RetryHelper helper : names.retryHelpers()) {
            execution.addMethod(handlers.retryHelper(
                    helper, helper.isStep() ? workflow.step(helper.target()).orElseThrow() : null));
        }
        execution.addMethods(conditions.helpers());
        return execution.addMethod(finish()).addMethod(outputsJson()).build();
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

    private MethodSpec run() {
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

    private MethodSpec runAsync() {
        CodeBlock start = workflow.dependsOn().isEmpty()
                ? CodeBlock.of("return runFrom($L)", firstStep())
                : CodeBlock.of("return dependenciesAsync()$Z.thenCompose(done -> runFrom($L))", firstStep());
        return MethodSpec.methodBuilder("runAsync")
                .returns(future(RuntimeTypes.OBJECT_NODE))
                .addStatement(start)
                .build();
    }

    private MethodSpec runFrom() {
        return MethodSpec.methodBuilder("runFrom")
                .addModifiers(Modifier.PRIVATE)
                .returns(future(RuntimeTypes.OBJECT_NODE))
                .addParameter(stepEnum, "step")
                .beginControlFlow("if (step == null)")
                .addStatement("return $T.completedFuture(finish())", RuntimeTypes.COMPLETABLE_FUTURE)
                .endControlFlow()
                .addStatement(
                        "return $N.enterStepAsync(step.id)$Z.thenCompose(entered -> executeAsync(step))"
                                + "$Z.thenCompose(this::runFrom)",
                        WorkflowNames.RUN)
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
        budget.startMethod();
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("$T outputs = $T.object()", RuntimeTypes.OBJECT_NODE, RuntimeTypes.VALUES);
        for (String output : names.workflowOutputs().keySet()) {
            String text = workflow.outputs().get(output).value();
            Selector selector = workflow.outputSelectors().get(output);
            body.addStatement(
                    "$T.put(outputs, $L,$W$L)",
                    RuntimeTypes.VALUES,
                    Literals.of(output),
                    selector != null
                            ? values.selector(selector)
                            : values.template(text, "workflow output '" + output + "'"));
        }
        budget.endMethod(
                workflow.location(),
                "the outputs of workflow '" + workflow.workflowId().value() + "'");
        return MethodSpec.methodBuilder("outputsJson")
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc("The workflow outputs, evaluated leniently: an absent value leaves its output out.\n")
                .returns(RuntimeTypes.OBJECT_NODE)
                .addCode(body.addStatement("return outputs").build())
                .build();
    }

    static TypeName future(TypeName of) {
        return ParameterizedTypeName.get(RuntimeTypes.COMPLETABLE_FUTURE, of);
    }
}
