package dev.weft.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.weft.compiler.model.InputSchema;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.ResolvedDocument;
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
  private final OutputTypes outputTypes;
  private final ClassName outer;
  private final ClassName stepEnum;

  RunClass(ResolvedDocument document, Workflow workflow, WorkflowNames names, StepCode steps,
      OutputTypes outputTypes, ClassName outer) {
    this.document = document;
    this.workflow = workflow;
    this.names = names;
    this.steps = steps;
    this.outputTypes = outputTypes;
    this.outer = outer;
    this.stepEnum = outer.nestedClass("Step");
  }

  TypeSpec build() {
    TypeSpec.Builder run = TypeSpec.classBuilder("Run")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("One run of the workflow: its inputs, the outputs of the steps so far, and a method pair per step.\n")
        .addField(RuntimeTypes.RUN, WorkflowNames.RUN, Modifier.PRIVATE, Modifier.FINAL)
        .addField(RuntimeTypes.OBJECT_NODE, WorkflowNames.IN, Modifier.PRIVATE, Modifier.FINAL);
    for (Step step : workflow.steps()) {
      for (String output : step.outputs().keySet()) {
        run.addField(FieldSpec.builder(RuntimeTypes.JSON_NODE, names.outputField(step.id(), output), Modifier.PRIVATE)
            .addJavadoc("Output {@code $L} of step {@code $L}; null until the step has run.\n", Docs.line(output),
                Docs.line(step.id()))
            .build());
      }
    }
    run.addMethod(constructor())
        .addMethod(runMethod())
        .addMethod(runAsyncMethod())
        .addMethod(runFromMethod())
        .addMethod(dispatch("request", RuntimeTypes.STEP_REQUEST, false))
        .addMethod(dispatch("handle", stepEnum, true));
    for (int i = 0; i < workflow.steps().size(); i++) {
      Step step = workflow.steps().get(i);
      run.addMethod(steps.request(step, WorkflowClassGenerator.target(document, workflow, step)));
      run.addMethod(steps.handler(step, i));
    }
    return run.addMethod(outputsMethod()).build();
  }

  private MethodSpec constructor() {
    ClassName inputs = outer.nestedClass("Inputs");
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addParameter(RuntimeTypes.CLIENT, "client")
        .addParameter(inputs, "inputs")
        .addStatement("$T.requireNonNull(inputs, $S)", RuntimeTypes.OBJECTS, "inputs")
        .addStatement("this.$N = client.startRun(WORKFLOW_ID)", WorkflowNames.RUN)
        .addStatement("this.$N = $T.object()", WorkflowNames.IN, RuntimeTypes.VALUES);
    InputSchema schema = InputSchema.of(workflow);
    for (Map.Entry<String, String> input : names.inputComponents().entrySet()) {
      constructor.addStatement("$T.put($N, $S, $T.of(inputs.$N()))", RuntimeTypes.VALUES, WorkflowNames.IN,
          input.getKey(), RuntimeTypes.VALUES, input.getValue());
      if (schema.isSecret(input.getKey())) {
        constructor.addStatement("$N.secret($T.text($T.of(inputs.$N())))", WorkflowNames.RUN, RuntimeTypes.VALUES,
            RuntimeTypes.VALUES, input.getValue());
      }
    }
    return constructor.build();
  }

  private CodeBlock firstStep() {
    return CodeBlock.of("$T.$N", stepEnum, names.stepConstant(workflow.steps().get(0).id()));
  }

  private MethodSpec runMethod() {
    return MethodSpec.methodBuilder("run")
        .returns(outer.nestedClass("Outputs"))
        .addStatement("$T step = $L", stepEnum, firstStep())
        .beginControlFlow("while (step != null)")
        .addStatement("$N.enterStep(step.id)", WorkflowNames.RUN)
        .addStatement("step = handle(step, $N.send(request(step)))", WorkflowNames.RUN)
        .endControlFlow()
        .addStatement("return outputs()")
        .build();
  }

  private MethodSpec runAsyncMethod() {
    return MethodSpec.methodBuilder("runAsync")
        .returns(ParameterizedTypeName.get(RuntimeTypes.COMPLETABLE_FUTURE, outer.nestedClass("Outputs")))
        .addStatement("return runFrom($L)", firstStep())
        .build();
  }

  private MethodSpec runFromMethod() {
    return MethodSpec.methodBuilder("runFrom")
        .addModifiers(Modifier.PRIVATE)
        .returns(ParameterizedTypeName.get(RuntimeTypes.COMPLETABLE_FUTURE, outer.nestedClass("Outputs")))
        .addParameter(stepEnum, "step")
        .beginControlFlow("if (step == null)")
        .addStatement("return $T.completedFuture(outputs())", RuntimeTypes.COMPLETABLE_FUTURE)
        .endControlFlow()
        .addStatement("return $N.enterStepAsync(step.id)\n.thenCompose(entered -> $N.sendAsync(request(step)))\n"
            + ".thenCompose($N -> runFrom(handle(step, $N)))", WorkflowNames.RUN, WorkflowNames.RUN,
            WorkflowNames.EXCHANGE, WorkflowNames.EXCHANGE)
        .build();
  }

  private MethodSpec dispatch(String name, com.palantir.javapoet.TypeName returns, boolean handler) {
    CodeBlock.Builder cases = CodeBlock.builder().add("return switch (step) {\n").indent();
    for (Step step : workflow.steps()) {
      String method = handler ? names.handlerMethod(step.id()) : names.requestMethod(step.id());
      cases.add("case $N -> $N($L);\n", names.stepConstant(step.id()), method,
          handler ? CodeBlock.of("$N", WorkflowNames.EXCHANGE) : CodeBlock.of(""));
    }
    cases.unindent().add("};\n");
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE)
        .returns(returns)
        .addParameter(stepEnum, "step");
    if (handler) {
      method.addParameter(RuntimeTypes.EXCHANGE, WorkflowNames.EXCHANGE);
    }
    return method.addCode(cases.build()).build();
  }

  private MethodSpec outputsMethod() {
    List<CodeBlock> arguments = new ArrayList<>();
    ValueCode values = new ValueCode(workflow, names);
    for (Map.Entry<String, String> output : names.workflowOutputs().entrySet()) {
      String text = workflow.outputs().get(output.getKey()).value();
      JavaTypes type = outputTypes.ofWorkflowOutput(text);
      arguments.add(type.convert(values.template(text, "workflow output '" + output.getKey() + "'")));
    }
    return MethodSpec.methodBuilder("outputs")
        .addModifiers(Modifier.PRIVATE)
        .returns(outer.nestedClass("Outputs"))
        .addStatement("return new $T($L)", outer.nestedClass("Outputs"),
            arguments.isEmpty() ? CodeBlock.of("") : CodeBlock.join(arguments, ",\n"))
        .build();
  }
}
