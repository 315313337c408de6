package dev.weft.compiler.model;

import dev.weft.compiler.diagnostic.Location;
import java.util.List;

/**
 * A success or failure action, inline or resolved from a component reference.
 *
 * @param type {@code end}, {@code goto} or (failure actions only) {@code retry}
 * @param retryAfter seconds to wait before a retry, or null
 * @param retryLimit how many retries at most, or null
 * @param parameters (1.1) inputs passed to the target workflow of a goto, without {@code in}
 */
public record Action(
        Kind kind,
        Located<String> name,
        Located<String> type,
        Located<String> stepId,
        Located<String> workflowId,
        List<Criterion> criteria,
        Located<Double> retryAfter,
        Located<Long> retryLimit,
        List<Parameter> parameters,
        Location location) {

    public Action {
        criteria = List.copyOf(criteria);
        parameters = List.copyOf(parameters);
    }

    /** Whether the action runs after a step succeeded or failed. */
    public enum Kind {
        SUCCESS,
        FAILURE
    }
}
