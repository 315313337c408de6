package dev.weft.runtime.internal;

import java.util.function.Function;

/**
 * The run whose step a thread is handling, for work inside generated code that must respect the run's limits
 * without being handed the run: a regular expression evaluated by a criterion checks the run's deadline and
 * cancellation as it goes, and fails the step it belongs to.
 *
 * <p>A blocking run sets it when it sends a step's request (the handler runs next, on the same thread) and clears
 * it when it ends; an async run sets it around each handler its futures call.
 */
final class RunScope {

    private static final ThreadLocal<WorkflowRun> CURRENT = new ThreadLocal<>();

    private RunScope() {}

    /** @return the run of the step the thread is handling, or {@code null} outside a run */
    static WorkflowRun current() {
        return CURRENT.get();
    }

    static void enter(WorkflowRun run) {
        CURRENT.set(run);
    }

    /** Clears the scope if it is {@code run}'s, when the run ends. */
    static void leave(WorkflowRun run) {
        if (CURRENT.get() == run) {
            // set, not remove: the thread keeps its entry for its next run, sparing the map's clean-up of it
            CURRENT.set(null);
        }
    }

    /** Applies a function in a run's scope, restoring the thread's scope afterwards. */
    static <T, U> U apply(WorkflowRun run, Function<? super T, ? extends U> function, T value) {
        WorkflowRun previous = CURRENT.get();
        CURRENT.set(run);
        try {
            return function.apply(value);
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
