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
    }

    public String id() {
        return stepId.value();
    }

    /** Whether this is an AsyncAPI step (Arazzo 1.1): it has an {@code action} or a {@code channelPath}. */
    public boolean isAsync() {
        return action != null || channelPath != null;
    }
}
