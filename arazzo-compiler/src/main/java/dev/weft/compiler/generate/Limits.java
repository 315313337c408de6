package dev.weft.compiler.generate;

import dev.weft.compiler.diagnostic.DiagnosticCode;
import dev.weft.compiler.diagnostic.Diagnostics;
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
            diagnostics.error(
                    DiagnosticCode.SIZE_LIMIT,
                    workflow.workflowId().location(),
                    "workflow '" + id + "' has " + steps + " steps (counting a step per goto target workflow and"
                            + " per retry action that runs another step first); a generated class holds at most "
                            + MAX_STEPS + ", as its switch over the steps must fit one Java method (64 KB of"
                            + " bytecode): split it into workflows that call each other");
            fits = false;
        }
        int inputs = InputSchema.of(workflow).properties().size();
        if (inputs > MAX_COMPONENTS) {
            diagnostics.error(
                    DiagnosticCode.SIZE_LIMIT,
                    workflow.workflowId().location(),
                    "workflow '" + id + "' has " + inputs + " inputs; its Inputs record holds at most "
                            + MAX_COMPONENTS + " (a Java constructor takes at most 255 parameters): group"
                            + " inputs into object-typed inputs");
            fits = false;
        }
        int outputs = workflow.outputs().size();
        if (outputs > MAX_COMPONENTS) {
            diagnostics.error(
                    DiagnosticCode.SIZE_LIMIT,
                    workflow.workflowId().location(),
                    "workflow '" + id + "' has " + outputs + " outputs; its Outputs record holds at most "
                            + MAX_COMPONENTS + " (a Java constructor takes at most 255 parameters): return"
                            + " objects instead");
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
            diagnostics.error(
                    DiagnosticCode.SIZE_LIMIT,
                    workflow.workflowId().location(),
                    "workflow '" + workflow.workflowId().value() + "' has " + constants + " distinct regex,"
                            + " JSONPath and XPath criteria (a retry action counting as "
                            + ClassConstants.RETRY_UNITS + "); a generated class compiles at most " + MAX_PATTERNS
                            + " once, in its static initializer (64 KB of bytecode): split it into workflows"
                            + " that call each other");
            return false;
        }
        for (Budget.Overflow overflow : budget.overflows()) {
            diagnostics.error(
                    DiagnosticCode.SIZE_LIMIT,
                    overflow.location(),
                    overflow.what() + " needs " + overflow.units() + " units of generated code (values, template"
                            + " parts, parameters, criteria terms); one Java method holds at most "
                            + Budget.METHOD_UNITS + " (64 KB of bytecode): split the step, or pass a large"
                            + " payload as an input or as a string, which is sent as written");
        }
        if (budget.overflows().isEmpty() && budget.total() > Budget.CLASS_UNITS) {
            diagnostics.error(
                    DiagnosticCode.SIZE_LIMIT,
                    workflow.workflowId().location(),
                    "workflow '" + workflow.workflowId().value() + "' needs " + budget.total()
                            + " units of generated code; one Java class holds at most " + Budget.CLASS_UNITS
                            + " (65,535 constants): split it into workflows that call each other");
        }
        return budget.overflows().isEmpty() && budget.total() <= Budget.CLASS_UNITS;
    }
}
