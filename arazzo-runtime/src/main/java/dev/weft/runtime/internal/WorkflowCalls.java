package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.WorkflowException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A run's calls of other workflows (workflow steps, {@code goto} a workflow, {@code dependsOn}): the record of
 * completed runs that {@code $workflows} expressions read, shared with the runs it calls, and how deep the calls
 * are nested, which {@link #MAX_DEPTH} bounds.
 */
final class WorkflowCalls {

    /**
     * How many runs may be nested, the top-level run included: a workflow that calls itself, or a cycle of
     * {@code goto} actions between workflows, fails with a {@link WorkflowException} at this depth rather than
     * with a {@link StackOverflowError} or by running forever.
     */
    static final int MAX_DEPTH = 64;

    private final WorkflowRun run;
    /** Shared by a top-level run and every run it calls. */
    private final RunFamily family;
    /** 1 for a top-level run, 2 for a run it calls, and so on. */
    private final int depth;

    WorkflowCalls(WorkflowRun run, RunFamily family, int depth) {
        this.run = run;
        this.family = family;
        this.depth = depth;
    }

    RunFamily family() {
        return family;
    }

    int depth() {
        return depth;
    }

    /**
     * Checks that a call from this run may nest one run deeper.
     *
     * @param calleeId the called workflow
     * @throws WorkflowException if the call would nest runs past {@link #MAX_DEPTH}
     */
    void checkDepth(String calleeId) {
        if (depth >= MAX_DEPTH) {
            throw run.failures()
                    .error(
                            null,
                            "calling workflow '" + calleeId + "' would nest more than " + MAX_DEPTH
                                    + " workflow runs (a workflow that calls itself, or a cycle of workflow"
                                    + " steps or goto actions, without an end)",
                            null);
        }
    }

    void completed(String completedWorkflowId, JsonNode inputs, JsonNode outputs) {
        family.completed(completedWorkflowId, inputs, outputs);
        if (completedWorkflowId.equals(run.workflowId())) {
            run.events().finished();
        }
    }

    WorkflowCall call(String stepId, Supplier<ObjectNode> callee) {
        run.stepInProgress(stepId);
        try {
            return new WorkflowCall(callee.get(), null);
        } catch (WorkflowException e) {
            return new WorkflowCall(Values.object(), e);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            return new WorkflowCall(Values.object(), calleeFailed(stepId, e.getMessage(), e));
        } finally {
            // the called workflow's run had the scope: the step's handler is this run's again
            RunScope.enter(run);
        }
    }

    CompletableFuture<WorkflowCall> callAsync(String stepId, Supplier<CompletableFuture<ObjectNode>> callee) {
        run.stepInProgress(stepId);
        Cancellation cancellation = run.cancellation();
        CompletableFuture<ObjectNode> started;
        try {
            started = callee.get();
        } catch (RuntimeException e) {
            return cancellation.completed(
                    call(stepId, () -> {
                        throw e;
                    }),
                    run);
        }
        // a future of this run, not of the called one: the step's handler runs in this run's scope
        return cancellation.link(started, run).handle((outputs, failure) -> {
            if (failure == null) {
                return new WorkflowCall(outputs, null);
            }
            Throwable cause = StepSender.unwrap(failure);
            if (cause instanceof CancellationException cancel) {
                throw cancel;
            }
            return cause instanceof WorkflowException e
                    ? new WorkflowCall(Values.object(), e)
                    : new WorkflowCall(Values.object(), calleeFailed(stepId, String.valueOf(cause), cause));
        });
    }

    private WorkflowException calleeFailed(String stepId, String why, Throwable cause) {
        return run.failures().error(stepId, "the called workflow failed: " + why, cause);
    }
}
