package dev.weft.runtime.internal;

import dev.weft.runtime.WorkflowException;

/**
 * Bounds the work of one regular expression evaluation: a number of steps (VM steps of the linear engine,
 * characters read by the backtracking one) that grows with the text's length, and, inside a run, the run's
 * deadline and cancellation, checked as the steps are spent. Hitting a limit is a {@link WorkflowException}
 * naming it (or the run's {@link java.util.concurrent.CancellationException}).
 */
final class RegexBudget {

    /** Steps any evaluation may take, whatever the length of its text. */
    static final long BASE_STEPS = 10_000_000;

    /** Further steps per character of the text. */
    static final long STEPS_PER_CHAR = 100;

    private static final int MAX_SHOWN = 80;

    private final String what;
    private final String pattern;
    private final int length;
    private final long max;
    private final WorkflowRun run;
    private long used;

    /**
     * Starts the budget of an evaluation.
     *
     * @param what what evaluates, e.g. {@code regex criterion}, for the message
     * @param pattern the pattern, for the message
     * @param length the length of the text
     */
    RegexBudget(String what, String pattern, int length) {
        this.what = what;
        this.pattern = pattern;
        this.length = length;
        this.max = BASE_STEPS + STEPS_PER_CHAR * length;
        this.run = RunScope.current();
    }

    /** @return the most steps this evaluation may take */
    long max() {
        return max;
    }

    /** Spends steps, then checks the limits. */
    void spend(long steps) {
        used += steps;
        if (used > max) {
            throw failure("stopped after " + max + " steps on a text of " + length + " characters, a pattern that"
                    + " backtracks catastrophically (nested quantifiers, backreferences); simplify the pattern");
        }
        if (run != null) {
            run.checkLimits(this::failure);
        }
    }

    /** The failure when the backtracking engine ran out of stack on the text. */
    WorkflowException tooDeep() {
        return failure("ran out of stack on a text of " + length + " characters (java.util.regex recurses for each"
                + " repetition of a group); simplify the pattern");
    }

    private WorkflowException failure(String reason) {
        String shown = pattern.length() > MAX_SHOWN ? pattern.substring(0, MAX_SHOWN) + "…" : pattern;
        String message = what + " '" + shown + "' " + reason;
        return run != null ? run.stepFailure(message) : WorkflowException.of(null, null, message);
    }
}
