package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.WorkflowException;

/**
 * The result of calling another workflow from a step, a {@code goto} or {@code dependsOn}: its
 * outputs when it finished, or the failure that ended it.
 *
 * @param outputs the called workflow's outputs; empty when it failed
 * @param failure why the called workflow failed, or {@code null}
 */
public record WorkflowCall(ObjectNode outputs, WorkflowException failure) {

    /** @return whether the called workflow finished successfully */
    public boolean succeeded() {
        return failure == null;
    }

    /**
     * The outputs of a call that must succeed ({@code dependsOn}).
     *
     * @return the outputs
     * @throws WorkflowException the failure, when the call failed
     */
    public ObjectNode outputsOrThrow() {
        if (failure != null) {
            throw failure;
        }
        return outputs;
    }

    /**
     * Reads one output ({@code $outputs.<name>}).
     *
     * @param name the output
     * @return its value, or {@code null} when absent
     */
    public JsonNode output(String name) {
        return outputs == null ? null : outputs.get(name);
    }
}
