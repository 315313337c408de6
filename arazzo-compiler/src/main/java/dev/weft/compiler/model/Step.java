package dev.weft.compiler.model;

import dev.weft.compiler.diagnostic.Location;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step: exactly one of {@code operationId}, {@code operationPath} and {@code workflowId} is
 * set when the document is valid; the others are null.
 *
 * @param outputs output name to the runtime expression that computes it, in document order
 * @param timeout (1.1) the most milliseconds the step may take, or null
 * @param dependsOn (1.1) the steps that must complete first: a stepId, {@code $workflows.w.steps.s} or
 *     {@code $sourceDescriptions.d.w.steps.s}
 * @param outputSelectors (1.1) output name to the Selector Object that computes it
 * @param channelPath Arazzo 1.1: the AsyncAPI channel an AsyncAPI step uses, when not named by its operationId
 * @param action Arazzo 1.1: {@code send} or {@code receive} for an AsyncAPI step, else null
 * @param correlationId Arazzo 1.1: the value a received message's correlation id must have, else null
 */
public record Step(
        Located<String> stepId,
        String description,
        Located<String> operationId,
        Located<String> operationPath,
        Located<String> workflowId,
        List<Parameter> parameters,
        RequestBody requestBody,
        List<Criterion> successCriteria,
        List<Action> onSuccess,
        List<Action> onFailure,
        Map<String, Located<String>> outputs,
        Located<Long> timeout,
        List<Located<String>> dependsOn,
        Map<String, Selector> outputSelectors,
        Located<String> channelPath,
        Located<String> action,
        Located<String> correlationId,
        Location location) {

    public Step {
        parameters = List.copyOf(parameters);
        successCriteria = List.copyOf(successCriteria);
        onSuccess = List.copyOf(onSuccess);
        onFailure = List.copyOf(onFailure);
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        dependsOn = List.copyOf(dependsOn);
        outputSelectors = Collections.unmodifiableMap(new LinkedHashMap<>(outputSelectors));
    }

    public String id() {
        return stepId.value();
    }

    /** Whether this is an AsyncAPI step (Arazzo 1.1): it has an {@code action} or a {@code channelPath}. */
    public boolean isAsync() {
        return action != null || channelPath != null;
    }
}
