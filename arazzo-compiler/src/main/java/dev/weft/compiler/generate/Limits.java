package dev.weft.compiler.generate;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.model.InputSchema;
import dev.weft.compiler.model.Workflow;

/**
 * What one generated class can hold, checked before and after generating it: a workflow beyond them gets a
 * {@code size-limit} error naming the limit, never code that javac refuses ("code too large", "too many
 * constants", "too many parameters").
 */
final class Limits {
    /**
     * Steps of one workflow, pseudo-steps included: the {@code execute} switch has a case per step, about
     * 40 bytes each, and must fit one method.
     */
    static final int MAX_STEPS = 1_000;

    /** Components of the {@code Inputs} and {@code Outputs} records: a constructor takes at most 255 slots. */
    static final int MAX_COMPONENTS = 254;

    /**
     * Distinct regular expressions, JSONPath queries and XPath expressions of one class, a retry action
     * counting as {@value ClassConstants#RETRY_UNITS}: each is built once by the class's static initializer,
     * about 10 bytes of it per unit, which must fit one method too.
     */
    static final int MAX_PATTERNS = 2_000;

    private Limits() {}

    /** Whether the workflow's steps, inputs and outputs fit; reports each that does not. */
    static boolean fit(Workflow workflow, WorkflowNames names, Diagnostics diagnostics) {
        String id = workflow.workflowId().value();
        boolean fits = true;
        int steps = workflow.steps().size()
                + names.gotoConstants().size()
                + names.retryHelpers().size();
        if (steps > MAX_STEPS) {
            diagnostics.report(Message.TOO_MANY_STEPS, workflow.workflowId().location(), id, steps, MAX_STEPS);
            fits = false;
        }
        int inputs = InputSchema.of(workflow).properties().size();
        if (inputs > MAX_COMPONENTS) {
            diagnostics.report(Message.TOO_MANY_INPUTS, workflow.workflowId().location(), id, inputs, MAX_COMPONENTS);
            fits = false;
        }
        int outputs = workflow.outputs().size();
        if (outputs > MAX_COMPONENTS) {
            diagnostics.report(Message.TOO_MANY_OUTPUTS, workflow.workflowId().location(), id, outputs, MAX_COMPONENTS);
            fits = false;
        }
        return fits;
    }

    /**
     * Whether the generated methods and class fit their budget; reports each that does not. {@code constants}
     * counts the units of the class's static initializer.
     */
    static boolean fit(Workflow workflow, Budget budget, int constants, Diagnostics diagnostics) {
        if (constants > MAX_PATTERNS) {
            diagnostics.report(
                    Message.TOO_MANY_PATTERNS,
                    workflow.workflowId().location(),
                    workflow.workflowId().value(),
                    constants,
                    ClassConstants.RETRY_UNITS,
                    MAX_PATTERNS);
            return false;
        }
        for (Budget.Overflow overflow : budget.overflows()) {
            diagnostics.report(
                    Message.METHOD_TOO_LARGE,
                    overflow.location(),
                    overflow.what(),
                    overflow.units(),
                    Budget.METHOD_UNITS);
        }
        if (budget.overflows().isEmpty() && budget.total() > Budget.CLASS_UNITS) {
            diagnostics.report(
                    Message.CLASS_TOO_LARGE,
                    workflow.workflowId().location(),
                    workflow.workflowId().value(),
                    budget.total(),
                    Budget.CLASS_UNITS);
        }
        return budget.overflows().isEmpty() && budget.total() <= Budget.CLASS_UNITS;
    }
}
