package dev.weft.compiler.generate;

import com.palantir.javapoet.NameAllocator;
import dev.weft.compiler.check.StepGraph;
import dev.weft.compiler.model.Action;
import dev.weft.compiler.model.Effective;
import dev.weft.compiler.model.InputSchema;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.names.JavaNames;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every Java name used inside one generated workflow class, allocated once so none collide with
 * each other or with the fixed members of the class.
 */
final class WorkflowNames {
    static final String INPUTS = "inputs";
    static final String IN = "in";
    /** The {@code WorkflowRun} of an execution: what {@code run} means is running the workflow. */
    static final String RUN = "workflowRun";

    static final String EXCHANGE = "exchange";
    static final String CALL = "call";

    private final NameAllocator members = new NameAllocator();
    private final Set<String> memberNames = new HashSet<>();
    private final Map<String, String> stepConstants = new LinkedHashMap<>();
    private final Map<String, String> requestMethods = new LinkedHashMap<>();
    private final Map<String, String> handlerMethods = new LinkedHashMap<>();
    private final Map<String, String> outputFields = new LinkedHashMap<>();
    private final Map<String, String> inputComponents = new LinkedHashMap<>();
    private final Map<String, String> workflowOutputs = new LinkedHashMap<>();
    private final Map<String, String> gotoConstants = new LinkedHashMap<>();
    private final Map<String, RetryHelper> retryHelpers = new LinkedHashMap<>();
    private final Map<String, String> failedFields = new LinkedHashMap<>();
    private final Map<String, String> gotoMethods = new LinkedHashMap<>();
    private final Map<String, LastRequest> lastRequests = new LinkedHashMap<>();
    /** Arazzo 1.1: the goto actions with {@code parameters}, each with the method building its inputs. */
    private final Map<Action, String> actionInputs = new java.util.IdentityHashMap<>();

    private final List<Action> parameterizedGotos = new java.util.ArrayList<>();
    /** Arazzo 1.1: the retry actions that run a workflow first with {@code parameters}, each once. */
    private final List<Action> parameterizedRetries = new java.util.ArrayList<>();

    private String gotoInputsField;

    /** The names of the members of a workflow's class; {@code readOutputs} are the step outputs to record. */
    WorkflowNames(Workflow workflow, Set<String> readOutputs) {
        for (String fixed : new String[] {
            INPUTS,
            IN,
            RUN,
            EXCHANGE,
            CALL,
            "client",
            "outputs",
            "execute",
            "executeAsync",
            "run",
            "runFrom",
            "runAsync",
            "step",
            "finish",
            "dependencies",
            "dependenciesAsync",
            "outputsJson"
        }) {
            members.newName(fixed, fixed);
            memberNames.add(fixed);
        }
        NameAllocator constants = new NameAllocator();
        for (Step step : workflow.steps()) {
            String id = step.id();
            stepConstants.put(id, constants.newName(JavaNames.constantName(id)));
            requestMethods.put(id, member(JavaNames.memberName(id) + "Request"));
            handlerMethods.put(id, member(JavaNames.memberName(id)));
            for (String output : step.outputs().keySet()) {
                if (readOutputs.contains(StepOutputReads.key(id, output))) {
                    outputFields.put(key(id, output), member(JavaNames.memberName(id + "-" + output)));
                }
            }
        }
        StepGraph flow = new StepGraph(workflow);
        for (int i = 0; i < workflow.steps().size(); i++) {
            Step step = workflow.steps().get(i);
            if (flow.mayRepeat(i) && step.workflowId() == null && !step.isAsync()) {
                String id = JavaNames.memberName(step.id());
                lastRequests.putIfAbsent(
                        step.id(), new LastRequest(member(id + "LastRequest"), member(id + "LastRequestFrom")));
            }
        }
        for (Action a : workflow.actions()) {
            boolean gotoWorkflow = a.type().value().equals("goto") && a.workflowId() != null;
            if (gotoWorkflow && !a.parameters().isEmpty() && !actionInputs.containsKey(a)) {
                actionInputs.put(a, member(JavaNames.memberName(a.name().value() + "-inputs")));
                parameterizedGotos.add(a);
            }
        }
        if (!parameterizedGotos.isEmpty()) {
            gotoInputsField = member("gotoInputs");
        }
        for (String target : gotoWorkflowTargets(workflow)) {
            String simple = target.substring(target.lastIndexOf('.') + 1);
            gotoConstants.put(target, constants.newName("GOTO_" + JavaNames.constantName(simple)));
            gotoMethods.put(target, member("goto" + JavaNames.className(simple).replaceAll("Workflow$", "")));
        }
        for (Step step : workflow.steps()) {
            for (Action a : Effective.onFailure(workflow, step)) {
                if (a.type().value().equals("retry") && (a.stepId() != null || a.workflowId() != null)) {
                    String target = a.stepId() != null
                            ? a.stepId().value()
                            : a.workflowId().value();
                    String simple = target.substring(target.lastIndexOf('.') + 1);
                    String via = JavaNames.className(simple).replaceAll("Workflow$", "");
                    String inputs = null;
                    if (a.workflowId() != null && !a.parameters().isEmpty()) {
                        inputs = actionInputs.get(a);
                        if (inputs == null) {
                            inputs = member(JavaNames.memberName(a.name().value() + "-inputs"));
                            actionInputs.put(a, inputs);
                            parameterizedRetries.add(a);
                        }
                    }
                    retryHelpers.put(
                            key(step.id(), a.name().value()),
                            new RetryHelper(
                                    step.id(),
                                    a.name().value(),
                                    constants.newName(JavaNames.constantName(step.id()) + "_VIA_"
                                            + JavaNames.constantName(simple)),
                                    member(JavaNames.memberName(step.id()) + "Via" + via),
                                    a.stepId() != null,
                                    target,
                                    inputs));
                    failedFields.computeIfAbsent(step.id(), id -> member(JavaNames.memberName(id) + "Failed"));
                }
            }
        }
        inputComponents.putAll(
                JavaNames.distinctMembers(InputSchema.of(workflow).properties().keySet()));
        workflowOutputs.putAll(JavaNames.distinctMembers(workflow.outputs().keySet()));
    }

    private String member(String suggestion) {
        String name = members.newName(suggestion);
        memberNames.add(name);
        return name;
    }

    /** A new member of the {@code Execution} class, named after {@code suggestion}, for helper methods. */
    String newMember(String suggestion) {
        return member(suggestion);
    }

    /** Every member name of the {@code Execution} class, which a local variable must not shadow. */
    Set<String> memberNames() {
        return memberNames;
    }

    /**
     * A {@code retry} failure action that runs a step or workflow first: the pseudo-step that runs it and
     * the method that then retries the failed step, or chooses its failure actions again.
     */
    /** A retry action's helper; {@code inputsMethod} builds the inputs its {@code parameters} pass, or is null. */
    record RetryHelper(
            String stepId,
            String actionName,
            String constant,
            String method,
            boolean isStep,
            String target,
            String inputsMethod) {
        String id() {
            return "retry " + stepId + " via " + target;
        }
    }

    /**
     * The fields of an operation step that may run again in one execution: the request it built last, and the
     * values of the step outputs that request was read from.
     */
    record LastRequest(String request, String from) {}

    /**
     * The fields keeping the last request of a step that may run again, or null when the step runs at most once in
     * an execution (or is not an operation step).
     */
    LastRequest lastRequest(String stepId) {
        return lastRequests.get(stepId);
    }

    /** The retry helper of an action of a step, or null. */
    RetryHelper retryHelper(String stepId, String actionName) {
        return retryHelpers.get(key(stepId, actionName));
    }

    Collection<RetryHelper> retryHelpers() {
        return retryHelpers.values();
    }

    /** The field keeping a step's failed result while a retry helper runs. */
    String failedField(String stepId) {
        return failedFields.get(stepId);
    }

    /** The workflow references that {@code goto} actions of this workflow jump to, in document order. */
    static Set<String> gotoWorkflowTargets(Workflow workflow) {
        Set<String> targets = new LinkedHashSet<>();
        for (Action a : workflow.actions()) {
            if (a.type().value().equals("goto") && a.workflowId() != null) {
                targets.add(a.workflowId().value());
            }
        }
        return targets;
    }

    /** The retry actions running a workflow first with parameters, in document order, each once. */
    List<Action> parameterizedRetries() {
        return parameterizedRetries;
    }

    /** The method building the inputs a goto or retry action with parameters passes, or null. */
    String actionInputsMethod(Action action) {
        return actionInputs.get(action);
    }

    /** The goto actions with parameters, in document order, each once. */
    List<Action> parameterizedGotos() {
        return parameterizedGotos;
    }

    /** The field holding the inputs of the goto about to run, or null when no goto passes parameters. */
    String gotoInputsField() {
        return gotoInputsField;
    }

    /** The {@code Step} constant of the pseudo-step that runs a {@code goto} target workflow. */
    String gotoConstant(String reference) {
        return gotoConstants.get(reference);
    }

    String gotoMethod(String reference) {
        return gotoMethods.get(reference);
    }

    Map<String, String> gotoConstants() {
        return gotoConstants;
    }

    String stepConstant(String stepId) {
        return stepConstants.get(stepId);
    }

    String requestMethod(String stepId) {
        return requestMethods.get(stepId);
    }

    String handlerMethod(String stepId) {
        return handlerMethods.get(stepId);
    }

    /** The field recording a step output, or null when nothing reads the output, so it is not recorded. */
    String outputField(String stepId, String output) {
        return outputFields.get(key(stepId, output));
    }

    Map<String, String> inputComponents() {
        return inputComponents;
    }

    Map<String, String> workflowOutputs() {
        return workflowOutputs;
    }

    private static String key(String stepId, String output) {
        return stepId + "\u0000" + output;
    }
}
