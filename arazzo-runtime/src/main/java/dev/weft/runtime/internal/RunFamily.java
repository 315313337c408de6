package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the runs of one top-level run share: the inputs and outputs of the most recent completed run
 * of each workflow, which {@code $workflows.<id>} expressions and {@code dependsOn} read (D-16, D-17).
 */
final class RunFamily {
    private final Map<String, JsonNode[]> completed = new ConcurrentHashMap<>();

    void completed(String workflowId, JsonNode inputs, JsonNode outputs) {
        completed.put(workflowId, new JsonNode[] {inputs, outputs});
    }

    boolean hasCompleted(String workflowId) {
        return completed.containsKey(workflowId);
    }

    JsonNode value(String workflowId, boolean outputs, String name) {
        JsonNode[] run = completed.get(workflowId);
        if (run == null) {
            return null;
        }
        JsonNode values = run[outputs ? 1 : 0];
        return values == null ? null : values.get(name);
    }
}
