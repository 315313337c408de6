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
}
