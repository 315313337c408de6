package dev.weft.runtime.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The check of a generated {@code Inputs} record's required inputs: one failure naming every missing input,
 * as AutoValue's "Missing required properties" does, so a caller fixes them all at once.
 */
public final class RequiredInputs {
    private RequiredInputs() {}

    /**
     * Fails when any required input is missing.
     *
     * @param workflowId the workflow whose inputs these are
     * @param namesAndValues pairs: an input's name in the document, then its value
     * @throws NullPointerException naming every missing input, in the order given (never a value)
     */
    public static void check(String workflowId, Object... namesAndValues) {
        List<String> missing = null;
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                if (missing == null) {
                    missing = new ArrayList<>();
                }
                missing.add("'" + namesAndValues[i] + "'");
            }
        }
        if (missing == null) {
            return;
        }
        throw new NullPointerException(
                missing.size() == 1
                        ? "input " + missing.get(0) + " of workflow '" + workflowId + "' is required"
                        : "inputs " + String.join(", ", missing) + " of workflow '" + workflowId + "' are required");
    }
}
