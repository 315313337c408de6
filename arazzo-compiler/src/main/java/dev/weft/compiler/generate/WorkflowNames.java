package dev.weft.compiler.generate;

import com.palantir.javapoet.NameAllocator;
import dev.weft.compiler.check.JavaNames;
import dev.weft.compiler.model.InputSchema;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every Java name used inside one generated workflow class, allocated once so none collide with
 * each other or with the fixed members of the class.
 */
final class WorkflowNames {
  static final String INPUTS = "inputs";
  static final String IN = "in";
  static final String RUN = "run";
  static final String EXCHANGE = "exchange";

  private final NameAllocator members = new NameAllocator();
  private final Map<String, String> stepConstants = new LinkedHashMap<>();
  private final Map<String, String> requestMethods = new LinkedHashMap<>();
  private final Map<String, String> handlerMethods = new LinkedHashMap<>();
  private final Map<String, String> outputFields = new LinkedHashMap<>();
  private final Map<String, String> inputComponents = new LinkedHashMap<>();
  private final Map<String, String> workflowOutputs = new LinkedHashMap<>();

  WorkflowNames(Workflow workflow) {
    for (String fixed : new String[] {INPUTS, IN, RUN, EXCHANGE, "client", "outputs", "request", "handle",
        "runFrom", "step", "secrets"}) {
      members.newName(fixed, fixed);
    }
    NameAllocator constants = new NameAllocator();
    for (Step step : workflow.steps()) {
      String id = step.id();
      stepConstants.put(id, constants.newName(JavaNames.constantName(id)));
      requestMethods.put(id, members.newName(JavaNames.memberName(id) + "Request"));
      handlerMethods.put(id, members.newName(JavaNames.memberName(id)));
      for (String output : step.outputs().keySet()) {
        outputFields.put(key(id, output), members.newName(JavaNames.memberName(id + "-" + output)));
      }
    }
    NameAllocator inputs = new NameAllocator();
    InputSchema.of(workflow).properties().keySet()
        .forEach(name -> inputComponents.put(name, inputs.newName(JavaNames.memberName(name))));
    NameAllocator outputs = new NameAllocator();
    workflow.outputs().keySet()
        .forEach(name -> workflowOutputs.put(name, outputs.newName(JavaNames.memberName(name))));
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
