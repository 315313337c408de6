package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.diagnostic.Suggestions;
import dev.weft.compiler.model.Action;
import dev.weft.compiler.model.Effective;
import dev.weft.compiler.model.InputSchema;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Parameter;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.ResolvedDocument;
import dev.weft.compiler.resolve.WorkflowRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Calls between workflows: workflow steps pass the inputs the callee requires (PARAM-5), goto targets
 * can take the current inputs (D-18), and {@code dependsOn} has no duplicates or cycles (WF-4, D-17).
 */
final class WorkflowCallCheck implements Check {

    @Override
    public void check(ResolvedDocument document, Diagnostics diagnostics) {
        for (Workflow workflow : document.document().workflows()) {
            for (Step step : workflow.steps()) {
                if (step.workflowId() != null) {
                    document.workflow(step.workflowId().value())
                            .ifPresent(callee -> step(workflow, step, callee, diagnostics));
                }
            }
            gotoTargets(document, workflow, diagnostics);
            dependencies(document, workflow, diagnostics);
        }
        cycles(document, diagnostics);
    }

    private static void step(Workflow workflow, Step step, WorkflowRef callee, Diagnostics diagnostics) {
        InputSchema inputs = InputSchema.of(callee.workflow());
        Set<String> given = new HashSet<>();
        for (Parameter p : step.parameters()) {
            given.add(p.name().value());
            if (p.in() != null) {
                diagnostics.report(Message.IN_OF_WORKFLOW_STEP, p.in().location());
            }
            if (inputs.isClosed() && !inputs.properties().containsKey(p.name().value())) {
                diagnostics.report(
                        Message.UNKNOWN_CALLEE_INPUT,
                        p.name().location(),
                        callee.id(),
                        p.name().value(),
                        Suggestions.hint(p.name().value(), inputs.properties().keySet()));
            }
        }
        // workflow-level parameters reach a called workflow only where it declares the input
        for (Parameter p : Effective.parameters(workflow, step)) {
            if (inputs.properties().containsKey(p.name().value())) {
                given.add(p.name().value());
            }
        }
        requireInputs(callee, given, step.workflowId().location(), Message.CALLING_STEP.format(step.id()), diagnostics);
    }

    private static void gotoTargets(ResolvedDocument document, Workflow workflow, Diagnostics diagnostics) {
        Set<String> available = InputSchema.of(workflow).properties().keySet();
        for (Action action : workflow.actions()) {
            String type = action.type().value();
            if ((type.equals("goto") || type.equals("retry")) && action.workflowId() != null) {
                document.workflow(action.workflowId().value())
                        .ifPresent(target -> requireInputs(
                                target,
                                available,
                                action.workflowId().location(),
                                Message.CALLING_ACTION.format(
                                        type,
                                        action.name().value(),
                                        workflow.workflowId().value()),
                                diagnostics));
            }
        }
    }

    private static void dependencies(ResolvedDocument document, Workflow workflow, Diagnostics diagnostics) {
        Set<String> seen = new HashSet<>();
        Set<String> available = InputSchema.of(workflow).properties().keySet();
        for (Located<String> dependency : workflow.dependsOn()) {
            if (!seen.add(dependency.value())) {
                diagnostics.report(
                        Message.DUPLICATE_DEPENDENCY,
                        dependency.location(),
                        workflow.workflowId().value(),
                        dependency.value());
                continue;
            }
            document.workflow(dependency.value())
                    .ifPresent(target -> requireInputs(
                            target,
                            available,
                            dependency.location(),
                            Message.CALLING_DEPENDENCY.format(
                                    workflow.workflowId().value()),
                            diagnostics));
        }
    }

    private static void requireInputs(
            WorkflowRef callee, Set<String> given, Location at, String caller, Diagnostics diagnostics) {
        InputSchema inputs = InputSchema.of(callee.workflow());
        for (String name : inputs.properties().keySet()) {
            if (inputs.isRequired(name) && !given.contains(name)) {
                // no MUST: the call is generated, and the called workflow fails at run time naming the input
                diagnostics.report(Message.MISSING_WORKFLOW_INPUT, at, caller, name, callee.id());
            }
        }
    }

    /**
     * WF-4, D-17: each dependsOn entry MUST complete before its workflow runs, so a dependsOn cycle (within a
     * document or across Arazzo documents) can never start. Calls by workflow steps and gotos may recurse:
     * their criteria decide, at run time.
     */
    private static void cycles(ResolvedDocument document, Diagnostics diagnostics) {
        for (Workflow workflow : document.document().workflows()) {
            String start = key(document, workflow);
            for (Located<String> dependency : workflow.dependsOn()) {
                WorkflowRef next = document.workflow(dependency.value()).orElse(null);
                List<String> path = new ArrayList<>();
                if (next != null && reaches(next, start, new HashSet<>(), path)) {
                    diagnostics.report(
                            Message.DEPENDENCY_CYCLE,
                            dependency.location(),
                            workflow.workflowId().value(),
                            workflow.workflowId().value() + " -> " + String.join(" -> ", path));
                    break;
                }
            }
        }
    }

    /** Whether following dependsOn from {@code from} leads to the workflow keyed {@code target}; fills the path. */
    private static boolean reaches(WorkflowRef from, String target, Set<String> visited, List<String> path) {
        path.add(from.id());
        String key = key(from.document(), from.workflow());
        if (key.equals(target)) {
            return true;
        }
        if (visited.add(key)) {
            for (Located<String> dependency : from.workflow().dependsOn()) {
                WorkflowRef next = from.document().workflow(dependency.value()).orElse(null);
                if (next != null && reaches(next, target, visited, path)) {
                    return true;
                }
            }
        }
        path.remove(path.size() - 1);
        return false;
    }

    private static String key(ResolvedDocument document, Workflow workflow) {
        return document.document().file().toAbsolutePath().normalize() + "#"
                + workflow.workflowId().value();
    }
}
