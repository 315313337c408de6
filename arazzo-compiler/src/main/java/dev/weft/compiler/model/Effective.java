package dev.weft.compiler.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What applies to a step once workflow-level parameters and actions are merged in (CHECKLIST §4):
 * the step's own first, then every workflow-level one it does not override.
 */
public final class Effective {
    private Effective() {}

    /** Parameters by identity ({@code name}, {@code in}); the step's win. */
    public static List<Parameter> parameters(Workflow workflow, Step step) {
        Map<String, Parameter> merged = new LinkedHashMap<>();
        for (Parameter p : step.parameters()) {
            merged.putIfAbsent(p.identity(), p);
        }
        for (Parameter p : workflow.parameters()) {
            merged.putIfAbsent(p.identity(), p);
        }
        return List.copyOf(merged.values());
    }

    public static List<Action> onSuccess(Workflow workflow, Step step) {
        return actions(step.onSuccess(), workflow.successActions());
    }

    public static List<Action> onFailure(Workflow workflow, Step step) {
        return actions(step.onFailure(), workflow.failureActions());
    }

    private static List<Action> actions(List<Action> own, List<Action> workflowLevel) {
        List<Action> result = new ArrayList<>(own);
        Set<String> names = new LinkedHashSet<>();
        own.forEach(a -> names.add(a.name().value()));
        for (Action a : workflowLevel) {
            if (names.add(a.name().value())) {
                result.add(a);
            }
        }
        return List.copyOf(result);
    }
}
