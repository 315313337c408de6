package dev.weft.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.weft.compiler.model.InputSchema;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.ResolvedDocument;
import dev.weft.compiler.resolve.WorkflowRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * What a class generated with a durable target adds to the plain class, for its durable form to run it one
 * step at a time: the {@code STEPWISE} constant, and, in {@code Execution}, its state as JSON
 * ({@code restore}, {@code state}), one step ({@code step}) and the inputs of a called workflow
 * ({@code callInputs}), all through the same request and handler methods as {@code run}.
 */
final class DurableCode {
    static final String FIELD = "STEPWISE";

    private final ResolvedDocument document;
    private final Workflow workflow;
    private final WorkflowNames names;
    private final ClassName stepEnum;
    private final ClassName execution;
    private final Dispatch dispatch;

    DurableCode(ResolvedDocument document, Workflow workflow, WorkflowNames names, ClassName outer, Dispatch dispatch) {
        this.document = document;
        this.workflow = workflow;
        this.names = names;
        this.stepEnum = outer.nestedClass("Step");
        this.execution = outer.nestedClass(ExecutionClass.NAME);
        this.dispatch = dispatch;
    }

    /** A step or pseudo-step as the durable form schedules it: an activity, or a child workflow. */
    private record Entry(
            String constant, String id, String method, String called, CodeBlock run, CodeBlock inputs, Long timeout) {}

    private List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (Step step : workflow.steps()) {
            String constant = names.stepConstant(step.id());
            String handler = names.handlerMethod(step.id());
            if (step.workflowId() != null) {
                entries.add(new Entry(
                        constant,
                        step.id(),
                        null,
                        dispatch.callee(step.workflowId()).id(),
                        CodeBlock.of("$N($N)", handler, WorkflowNames.CALL),
                        CodeBlock.of("$N()", names.requestMethod(step.id())),
                        null));
            } else if (step.isAsync()) {
                // an AsyncAPI step is an activity too: a send, or a receive that waits within the activity
                entries.add(new Entry(
                        constant,
                        step.id(),
                        step.action().value().equals("receive") ? "RECEIVE" : "SEND",
                        null,
                        send(step.id(), handler, "message"),
                        null,
                        step.timeout() == null ? null : step.timeout().value()));
            } else {
                entries.add(new Entry(
                        constant,
                        step.id(),
                        WorkflowClassGenerator.target(document, workflow, step).method(),
                        null,
                        send(step.id(), handler, "exchange"),
                        null,
                        step.timeout() == null ? null : step.timeout().value()));
            }
        }
        for (Map.Entry<String, String> target : names.gotoConstants().entrySet()) {
            WorkflowRef callee = document.workflow(target.getKey()).orElseThrow();
            entries.add(new Entry(
                    target.getValue(),
                    "goto " + target.getKey(),
                    null,
                    callee.id(),
                    CodeBlock.of("$N($N)", names.gotoMethod(target.getKey()), WorkflowNames.CALL),
                    CodeBlock.of("$N", WorkflowNames.IN),
                    null));
        }
        return entries;
    }

    private CodeBlock send(String stepId, String handler, String how) {
        return CodeBlock.of(
                "$N($N.$N($L,$Wthis::$N))",
                handler,
                WorkflowNames.RUN,
                how,
                Literals.of(stepId),
                names.requestMethod(stepId));
    }

    /** @return the operation steps, each with its activity's method name, in document order */
    Map<String, String> activities() {
        Map<String, String> activities = new LinkedHashMap<>();
        for (Entry entry : entries()) {
            if (entry.method() != null) {
                activities.put(entry.id(), names.handlerMethod(entry.id()));
            }
        }
        return activities;
    }

    /** The {@code STEPWISE} constant of the plain class. */
    FieldSpec stepwise() {
        CodeBlock.Builder chain = CodeBlock.builder()
                .add(
                        "$T.builder(WORKFLOW_ID, $L)",
                        RuntimeTypes.STEPWISE,
                        Literals.of(workflow.steps().get(0).id()));
        InputSchema schema = InputSchema.of(workflow);
        List<CodeBlock> secrets = names.inputComponents().keySet().stream()
                .filter(schema::isSecret)
                .map(Literals::of)
                .toList();
        if (!secrets.isEmpty()) {
            chain.add("$Z.secretInputs($L)", CodeBlock.join(secrets, ", "));
        }
        List<CodeBlock> dependencies = new ArrayList<>();
        for (Located<String> dependency : workflow.dependsOn()) {
            dependencies.add(Literals.of(dispatch.callee(dependency).id()));
        }
        if (!dependencies.isEmpty()) {
            chain.add("$Z.dependsOn($L)", CodeBlock.join(dependencies, ", "));
        }
        for (Entry entry : entries()) {
            if (entry.timeout() != null) {
                // Arazzo 1.1 timeout: the durable engine bounds the step's activity by it
                chain.add(
                        "$Z.operation($L, $L, $LL)",
                        Literals.of(entry.id()),
                        Literals.of(entry.method()),
                        entry.timeout());
                continue;
            }
            chain.add(
                    entry.method() != null ? "$Z.operation($L, $L)" : "$Z.call($L, $L)",
                    Literals.of(entry.id()),
                    Literals.of(entry.method() != null ? entry.method() : entry.called()));
        }
        chain.add(
                "$Z.build((workflowRun, inputs, state, stepId, call) -> new $T(workflowRun, Inputs.fromJson(inputs))"
                        + "$Z.restore(state).step(stepId, call),"
                        + "$W(workflowRun, inputs, state, stepId) -> new $T(workflowRun, Inputs.fromJson(inputs))"
                        + "$Z.restore(state).callInputs(stepId))",
                execution,
                execution);
        return FieldSpec.builder(RuntimeTypes.STEPWISE, FIELD, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(Docs.wrap(
                        "This workflow one step at a time, for its durable form (the Temporal classes generated"
                                + " beside this one): the same requests and handlers as {@link #run}, with the"
                                + " state machine and the waits in the durable engine.",
                        Docs.MEMBER))
                .initializer(chain.build())
                .build();
    }

    /** The methods {@code STEPWISE} calls on an execution. */
    List<MethodSpec> executionMethods() {
        return List.of(restore(), state(), step(), callInputs(), stepOf());
    }

    private MethodSpec restore() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("restore")
                .addJavadoc("Goes on from the outputs of the steps run so far, as {@link #state()} wrote them.\n")
                .returns(execution)
                .addParameter(RuntimeTypes.OBJECT_NODE, "state");
        outputFields((stepId, output, field) -> method.addStatement(
                "$N = $T.get(state, $L, $L)", field, RuntimeTypes.STEPWISE, Literals.of(stepId), Literals.of(output)));
        return method.addStatement("return this").build();
    }

    private MethodSpec state() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("state")
                .addJavadoc("The outputs of the steps run so far, for the durable engine to keep.\n")
                .returns(RuntimeTypes.OBJECT_NODE)
                .addStatement("$T state = $T.object()", RuntimeTypes.OBJECT_NODE, RuntimeTypes.VALUES);
        outputFields((stepId, output, field) -> method.addStatement(
                "$T.put(state, $L, $L, $N)", RuntimeTypes.STEPWISE, Literals.of(stepId), Literals.of(output), field));
        return method.addStatement("return state").build();
    }

    private interface FieldVisitor {
        void visit(String stepId, String output, String field);
    }

    private void outputFields(FieldVisitor visitor) {
        for (Step step : workflow.steps()) {
            for (String output : step.outputs().keySet()) {
                String field = names.outputField(step.id(), output);
                if (field != null) {
                    visitor.visit(step.id(), output, field);
                }
            }
        }
    }

    private MethodSpec step() {
        CodeBlock.Builder cases = CodeBlock.builder()
                .add("$T next = switch (stepOf(stepId)) {\n", stepEnum)
                .indent();
        for (Entry entry : entries()) {
            cases.add("case $N ->$W$L;\n", entry.constant(), entry.run());
        }
        return MethodSpec.methodBuilder("step")
                .addJavadoc(Docs.wrap(
                        "Runs one step: sends an operation step's request and reads the response, or reads how"
                                + " the workflow a step called ended.",
                        Docs.NESTED))
                .returns(RuntimeTypes.STEP_RESULT)
                .addParameter(RuntimeTypes.STRING, "stepId")
                .addParameter(RuntimeTypes.WORKFLOW_CALL, WorkflowNames.CALL)
                .addCode(cases.unindent().add("};\n").build())
                .addStatement(
                        "return next == null ? $T.end(state(), finish()) : $T.next(next.id, state())",
                        RuntimeTypes.STEP_RESULT,
                        RuntimeTypes.STEP_RESULT)
                .build();
    }

    private MethodSpec callInputs() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("callInputs")
                .addJavadoc("The inputs a step that calls a workflow passes to it.\n")
                .returns(RuntimeTypes.OBJECT_NODE)
                .addParameter(RuntimeTypes.STRING, "stepId");
        CodeBlock unknown = CodeBlock.of(
                "throw new $T($L + stepId)", IllegalArgumentException.class, Literals.of("calls no workflow: "));
        List<Entry> calls = entries().stream().filter(e -> e.inputs() != null).toList();
        if (calls.isEmpty()) {
            return method.addStatement(unknown).build();
        }
        CodeBlock.Builder cases =
                CodeBlock.builder().add("return switch (stepOf(stepId)) {\n").indent();
        for (Entry entry : calls) {
            cases.add("case $N ->$W$L;\n", entry.constant(), entry.inputs());
        }
        if (calls.size() < entries().size()) {
            cases.add("default ->$W$L;\n", unknown);
        }
        return method.addCode(cases.unindent().add("};\n").build()).build();
    }

    private MethodSpec stepOf() {
        return MethodSpec.methodBuilder("stepOf")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(stepEnum)
                .addParameter(RuntimeTypes.STRING, "stepId")
                .beginControlFlow("for ($T step : $T.values())", stepEnum, stepEnum)
                .beginControlFlow("if (step.id.equals(stepId))")
                .addStatement("return step")
                .endControlFlow()
                .endControlFlow()
                .addStatement(
                        "throw new $T($L + stepId)",
                        IllegalArgumentException.class,
                        Literals.of(
                                "no step of workflow '" + workflow.workflowId().value() + "': "))
                .build();
    }
}
