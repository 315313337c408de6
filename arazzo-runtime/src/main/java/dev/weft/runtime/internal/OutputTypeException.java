package dev.weft.runtime.internal;

/**
 * A workflow output whose value does not fit the type its description declares, from {@link Values#output}; the
 * run turns it into a {@code WorkflowException} naming the workflow.
 */
final class OutputTypeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    OutputTypeException(String output, IllegalArgumentException mismatch) {
        // the mismatch names the type found, never the value, which may be a secret
        super("output '" + output + "' does not have its declared type: " + mismatch.getMessage(), mismatch);
    }
}
