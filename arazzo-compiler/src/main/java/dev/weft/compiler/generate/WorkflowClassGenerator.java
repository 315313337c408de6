package dev.weft.compiler.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.names.WorkflowClassNames;
import dev.weft.compiler.resolve.OperationRef;
import dev.weft.compiler.resolve.ResolvedDocument;
import dev.weft.runtime.JsonWorkflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Generates one class per workflow: typed {@code Inputs} and {@code Outputs} records, its constants, and
 * {@code run}/{@code runAsync} starting an {@code Execution}, the state machine over the steps.
 */
public final class WorkflowClassGenerator {
    private final String packageName;
    private final WorkflowClassNames classNames;
    private final boolean temporal;

    /** A generator of classes in {@code packageName}, named by {@code classNames}. */
    public WorkflowClassGenerator(String packageName, WorkflowClassNames classNames) {
        this(packageName, classNames, false);
    }

    /**
     * A generator of classes in {@code packageName}, named by {@code classNames}; with {@code temporal}, each
     * workflow also gets its durable form (a Temporal workflow interface and implementation, an activities
     * interface and implementation) and its plain class the {@code STEPWISE} constant they run it through.
     */
    public WorkflowClassGenerator(String packageName, WorkflowClassNames classNames, boolean temporal) {
        this.packageName = packageName;
        this.classNames = classNames;
        this.temporal = temporal;
    }

    /**
     * The classes of a document's workflows; a workflow too large for Java is reported in {@code diagnostics}
     * ({@code size-limit}) and gets no class.
     */
    public List<WorkflowClass> generate(ResolvedDocument document, Diagnostics diagnostics) {
        List<WorkflowClass> files = new ArrayList<>();
        for (Workflow workflow : document.document().workflows()) {
            files.addAll(generate(document, workflow, diagnostics));
        }
        return files;
    }

    private List<WorkflowClass> generate(ResolvedDocument document, Workflow workflow, Diagnostics diagnostics) {
        ClassName type = ClassName.get(packageName, classNames.of(document, workflow));
        Criteria criteria = new Criteria();
        WorkflowNames names = new WorkflowNames(workflow, StepOutputReads.of(workflow, criteria));
        if (!Limits.fit(workflow, names, diagnostics) || (temporal && !durable(workflow, names, diagnostics))) {
            return List.of();
        }
        Budget budget = new Budget();
        ClassConstants constants = new ClassConstants(budget);
        ValueCode values = new ValueCode(workflow, names, budget, constants, document.document());
        ClassName stepEnum = type.nestedClass("Step");
        ConditionCode conditions = new ConditionCode(values, constants, names, budget, criteria);
        ExecutionClass.Generators generators = new ExecutionClass.Generators(
                values,
                conditions,
                new StepCode(workflow, names, values, constants, budget),
                new HandlerCode(workflow, names, values, conditions, constants, stepEnum, budget),
                budget);
        Dispatch dispatch = new Dispatch(document, workflow, names, budget, type, classNames);
        TypeSpec execution = new ExecutionClass(document, workflow, names, generators, type, dispatch).build();
        if (!Limits.fit(workflow, budget, constants.staticInitializerUnits(), diagnostics)) {
            return List.of();
        }
        DurableCode durable = temporal ? new DurableCode(document, workflow, names, type, dispatch) : null;
        if (durable != null) {
            execution =
                    execution.toBuilder().addMethods(durable.executionMethods()).build();
        }
        ClassName execute = type.nestedClass(ExecutionClass.NAME);
        TypeSpec.Builder builder = TypeSpec.classBuilder(type)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(AnnotationSpec.builder(RuntimeTypes.GENERATED)
                        .addMember("value", "$L", Literals.constant("dev.weft.compiler.ArazzoCompiler"))
                        .addMember(
                                "comments",
                                "$L",
                                Literals.constant(Docs.shortened("from " + fileName(document) + ", workflow "
                                        + workflow.workflowId().value())))
                        .build())
                .addJavadoc(classJavadoc(workflow))
                .addField(FieldSpec.builder(
                                String.class, "WORKFLOW_ID", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The Arazzo {@code workflowId} this class runs.\n")
                        .initializer("$L", Literals.of(workflow.workflowId().value()))
                        .build())
                .addField(MetadataConstant.field(document, workflow, new OutputTypes(document, workflow)))
                .addField(jsonConstant(execute))
                .addFields(durable == null ? List.of() : List.of(durable.stepwise()))
                .addFields(constants.fields())
                .addField(RuntimeTypes.CLIENT, "client", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("A workflow that sends its requests through {@code client}.\n")
                        .addParameter(RuntimeTypes.CLIENT, "client")
                        .addStatement(
                                "this.client = $T.requireNonNull(client, $L)",
                                RuntimeTypes.OBJECTS,
                                Literals.of("client"))
                        .build())
                .addMethod(MethodSpec.methodBuilder("run")
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc(
                                "Runs the workflow to its end, blocking the calling thread.\n\n"
                                        + "@throws $T when a step fails and no action handles it, a poll\n"
                                        + "    limit is reached, or an output's value does not have its declared"
                                        + " type\n",
                                RuntimeTypes.WORKFLOW_EXCEPTION)
                        .returns(type.nestedClass("Outputs"))
                        .addParameter(type.nestedClass("Inputs"), "inputs")
                        .addStatement("$T run = $T.start(client, WORKFLOW_ID)", RuntimeTypes.RUN, RuntimeTypes.RUN)
                        .addStatement("return run.outputs(new $T(run, inputs).run(), Outputs::fromJson)", execute)
                        .build())
                .addMethod(MethodSpec.methodBuilder("runAsync")
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("Runs the workflow without blocking a thread on HTTP or on poll delays.\n")
                        .returns(
                                ParameterizedTypeName.get(RuntimeTypes.COMPLETABLE_FUTURE, type.nestedClass("Outputs")))
                        .addParameter(type.nestedClass("Inputs"), "inputs")
                        .addStatement("$T run = $T.start(client, WORKFLOW_ID)", RuntimeTypes.RUN, RuntimeTypes.RUN)
                        .addStatement(
                                "return new $T(run, inputs).runAsync()$W.thenApply(json -> run.outputs(json, "
                                        + "Outputs::fromJson))",
                                execute)
                        .build())
                .addMethod(callMethod(execute, false))
                .addMethod(callMethod(execute, true))
                .addType(new InputsRecord(workflow, names, type.nestedClass("Inputs")).build())
                .addType(outputsRecord(
                        workflow, names, new OutputTypes(document, workflow), type.nestedClass("Outputs")))
                .addType(stepEnum(workflow, names, stepEnum))
                .addType(execution);
        JavaFile file = JavaFile.builder(packageName, builder.build())
                .addFileComment("Generated by Weft from $L. Do not edit.", Docs.line(fileName(document)))
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
        List<WorkflowClass> classes = new ArrayList<>();
        classes.add(new WorkflowClass(
                type.canonicalName(),
                file.toString(),
                document.document().file(),
                workflow.workflowId().value()));
        if (durable != null) {
            classes.addAll(new TemporalClasses(document, workflow, names, type, durable).build());
        }
        return classes;
    }

    /** The durable form cannot run a retry action's helper step yet: it keeps a failed exchange between steps. */
    private static boolean durable(Workflow workflow, WorkflowNames names, Diagnostics diagnostics) {
        boolean fits = true;
        for (WorkflowNames.RetryHelper helper : names.retryHelpers()) {
            Step step = workflow.step(helper.stepId()).orElseThrow();
            diagnostics.report(
                    Message.DURABLE_RETRY_HELPER,
                    step.location(),
                    helper.actionName(),
                    helper.stepId(),
                    (helper.isStep() ? "step '" : "workflow '") + helper.target() + "'");
            fits = false;
        }
        for (Step step : workflow.steps()) {
            if (step.workflowId() != null && step.timeout() != null) {
                diagnostics.report(
                        Message.DURABLE_WORKFLOW_STEP_TIMEOUT,
                        step.timeout().location(),
                        step.id(),
                        step.workflowId().value());
                fits = false;
            }
        }
        return fits;
    }

    private static String fileName(ResolvedDocument document) {
        return document.document().file().getFileName().toString();
    }

    private static CodeBlock classJavadoc(Workflow workflow) {
        String summary = workflow.summary() != null
                ? workflow.summary()
                : "Runs workflow " + workflow.workflowId().value() + ".";
        StringBuilder doc = new StringBuilder(Docs.javadoc(summary));
        if (workflow.description() != null) {
            doc.append("\n\n<p>").append(Docs.javadoc(workflow.description()));
        }
        List<String> ids = workflow.steps().stream()
                .map(s -> "{@code " + Docs.line(s.id()) + "}")
                .toList();
        doc.append("\n\n<p>Steps, in order: ").append(String.join(", ", ids)).append('.');
        return Docs.wrap(doc.toString(), Docs.TOP);
    }

    /**
     * The public JSON entry point, {@code JSON}: the typed run behind {@code Inputs.fromJson}, so secrets and
     * checks are the typed path's (a command line, a tool server or a job runner calls workflows through it).
     */
    private static FieldSpec jsonConstant(ClassName execution) {
        return FieldSpec.builder(
                        RuntimeTypes.JSON_WORKFLOW,
                        JsonWorkflow.FIELD,
                        Modifier.PUBLIC,
                        Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("This workflow with JSON inputs and outputs, for callers that choose a workflow at run "
                        + "time;\nsecret inputs are secrets of the run, as with {@link #run}.\n")
                .initializer(
                        "$T.of($N, Inputs::fromJson,$W(run, inputs) -> new $T(run, inputs).run(),"
                                + "$W(run, inputs) -> new $T(run, inputs).runAsync())",
                        RuntimeTypes.JSON_WORKFLOWS,
                        MetadataConstant.NAME,
                        execution,
                        execution)
                .build();
    }

    /** Entry points for other generated workflows (steps, goto, dependsOn): inputs and outputs as JSON. */
    private static MethodSpec callMethod(ClassName execution, boolean async) {
        return MethodSpec.methodBuilder(async ? "callAsync" : "call")
                .addModifiers(Modifier.STATIC)
                .addJavadoc(
                        async
                                ? "Runs this workflow for another generated workflow, as a child of {@code caller}'s"
                                        + " run,\nwithout blocking.\n"
                                : "Runs this workflow for another generated workflow, as a child of {@code caller}'s"
                                        + " run.\n")
                .returns(
                        async
                                ? ParameterizedTypeName.get(RuntimeTypes.COMPLETABLE_FUTURE, RuntimeTypes.OBJECT_NODE)
                                : RuntimeTypes.OBJECT_NODE)
                .addParameter(RuntimeTypes.RUN, "caller")
                .addParameter(RuntimeTypes.JSON_NODE, "inputs")
                .addStatement(
                        "return new $T(caller.child(WORKFLOW_ID), Inputs.fromJson(inputs)).$N()",
                        execution,
                        async ? "runAsync" : "run")
                .build();
    }

    private static TypeSpec outputsRecord(Workflow workflow, WorkflowNames names, OutputTypes types, ClassName type) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
        List<CodeBlock> conversions = new ArrayList<>();
        for (Map.Entry<String, String> output : names.workflowOutputs().entrySet()) {
            JavaTypes javaType = types.ofWorkflowOutputNamed(output.getKey());
            constructor.addParameter(javaType.type(), output.getValue());
            conversions.add(javaType.convertOutput(Literals.of(output.getKey())));
        }
        MethodSpec fromJson = MethodSpec.methodBuilder("fromJson")
                .addModifiers(Modifier.STATIC)
                .returns(type)
                .addParameter(RuntimeTypes.OBJECT_NODE, "json")
                .addStatement("return new $T($L)", type, CodeBlock.join(conversions, ",$W"))
                .build();
        TypeSpec.Builder record = TypeSpec.recordBuilder(type)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(Docs.wrap(
                        "The outputs of workflow {@code "
                                + Docs.line(workflow.workflowId().value())
                                + "}. A component is null when the value was absent, for example when the"
                                + " workflow ended before the step that computes it ran.",
                        Docs.MEMBER))
                .recordConstructor(constructor.build())
                .addMethod(fromJson);
        SecretOutputs.toStringMethod(workflow, names.workflowOutputs()).ifPresent(record::addMethod);
        return record.build();
    }

    private static TypeSpec stepEnum(Workflow workflow, WorkflowNames names, ClassName type) {
        TypeSpec.Builder steps = TypeSpec.enumBuilder(type)
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(Docs.wrap(stepsJavadoc(names), Docs.MEMBER))
                .addField(String.class, "id", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(String.class, "id")
                        .addStatement("this.id = id")
                        .build());
        for (Step step : workflow.steps()) {
            steps.addEnumConstant(
                    names.stepConstant(step.id()),
                    TypeSpec.anonymousClassBuilder("$L", Literals.of(step.id())).build());
        }
        for (Map.Entry<String, String> target : names.gotoConstants().entrySet()) {
            steps.addEnumConstant(
                    target.getValue(),
                    TypeSpec.anonymousClassBuilder("$L", Literals.of("goto " + target.getKey()))
                            .build());
        }
        for (WorkflowNames.RetryHelper helper : names.retryHelpers()) {
            steps.addEnumConstant(
                    helper.constant(),
                    TypeSpec.anonymousClassBuilder("$L", Literals.of(helper.id()))
                            .build());
        }
        return steps.build();
    }

    /** What the {@code Step} enum holds: the pseudo-steps only when there are some. */
    private static String stepsJavadoc(WorkflowNames names) {
        List<String> pseudo = new ArrayList<>();
        if (!names.gotoConstants().isEmpty()) {
            pseudo.add("one per workflow a goto action goes to");
        }
        if (!names.retryHelpers().isEmpty()) {
            pseudo.add("one per retry action that runs a step or workflow first");
        }
        return pseudo.isEmpty()
                ? "The steps of the workflow, in document order."
                : "The steps of the workflow, in document order, then pseudo-steps: " + String.join(", and ", pseudo)
                        + ".";
    }

    static OperationRef target(ResolvedDocument document, Workflow workflow, Step step) {
        return document.target(workflow, step)
                .orElseThrow(() -> new IllegalStateException(
                        "step '" + step.id() + "' passed the checks without a resolved operation"));
    }
}
