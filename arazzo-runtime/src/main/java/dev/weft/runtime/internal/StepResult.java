package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What one step of a {@link Stepwise} run decided: the step to run next, or the end of the workflow with its
 * outputs; and the outputs of the steps so far, to hand to the next step.
 *
 * @param next the id of the next step (a pseudo-step such as {@code goto other-workflow} included), or
 *     {@code null} when the workflow ends
 * @param state the outputs of the steps run so far
 * @param outputs the workflow's outputs when it ends, else {@code null}
 */
public record StepResult(String next, ObjectNode state, ObjectNode outputs) {

    /** Checks that exactly one of {@code next} and {@code outputs} is given. */
    public StepResult {
        Objects.requireNonNull(state, "state");
        if ((next == null) == (outputs == null)) {
            throw new IllegalArgumentException("a step result has either a next step or the outputs");
        }
    }

    /**
     * @param next the next step
     * @param state the outputs of the steps so far
     * @return the result of a step after which the workflow goes on
     */
    public static StepResult next(String next, ObjectNode state) {
        return new StepResult(Objects.requireNonNull(next, "next"), state, null);
    }

    /**
     * @param state the outputs of the steps so far
     * @param outputs the workflow's outputs
     * @return the result of a step after which the workflow ends
     */
    public static StepResult end(ObjectNode state, ObjectNode outputs) {
        return new StepResult(null, state, Objects.requireNonNull(outputs, "outputs"));
    }

    /** @return whether the workflow ends after this step */
    public boolean ended() {
        return next == null;
    }
}
