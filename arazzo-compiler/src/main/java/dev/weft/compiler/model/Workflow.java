package dev.weft.compiler.model;

import dev.weft.compiler.diagnostic.Location;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workflow: its inputs schema, steps, outputs and workflow-level parameters and actions.
 *
 * @param inputs the inputs JSON Schema, or null when the workflow takes none
 * @param outputs output name to the runtime expression that computes it, in document order
 * @param outputSelectors (1.1) output name to the Selector Object that computes it
 */
public record Workflow(
        Located<String> workflowId,
        String summary,
        String description,
        Node inputs,
        List<Located<String>> dependsOn,
        List<Step> steps,
        List<Action> successActions,
        List<Action> failureActions,
        Map<String, Located<String>> outputs,
        List<Parameter> parameters,
        Map<String, Selector> outputSelectors,
        Location location) {

    public Workflow {
        dependsOn = List.copyOf(dependsOn);
        steps = List.copyOf(steps);
        successActions = List.copyOf(successActions);
        failureActions = List.copyOf(failureActions);
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        parameters = List.copyOf(parameters);
        outputSelectors = Collections.unmodifiableMap(new LinkedHashMap<>(outputSelectors));
    }

    /** Every action declared in the workflow: each step's onSuccess and onFailure, then the workflow-level ones. */
    public List<Action> actions() {
        List<Action> all = new ArrayList<>();
        for (Step step : steps) {
            all.addAll(step.onSuccess());
            all.addAll(step.onFailure());
        }
        all.addAll(successActions);
        all.addAll(failureActions);
        return all;
    }

    /** Every reference to another workflow: dependsOn entries, workflow steps, and actions' workflowIds. */
    public List<Located<String>> workflowReferences() {
        List<Located<String>> references = new ArrayList<>(dependsOn);
        steps.stream().filter(s -> s.workflowId() != null).forEach(s -> references.add(s.workflowId()));
        actions().stream().filter(a -> a.workflowId() != null).forEach(a -> references.add(a.workflowId()));
        return references;
    }

    public Optional<Step> step(String id) {
        return steps.stream().filter(s -> s.stepId().value().equals(id)).findFirst();
    }
}
