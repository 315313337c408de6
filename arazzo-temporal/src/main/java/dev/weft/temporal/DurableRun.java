package dev.weft.temporal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.WorkflowException;
import dev.weft.temporal.internal.DurableLoop;
import dev.weft.temporal.internal.StepFailure;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * A started durable run of a generated workflow: its Temporal workflow id and, once it ends, its typed outputs.
 *
 * @param <O> the workflow's {@code Outputs} record
 */
public final class DurableRun<O> {
    private final WorkflowStub stub;
    private final Function<ObjectNode, O> outputs;

    DurableRun(WorkflowStub stub, Function<ObjectNode, O> outputs) {
        this.stub = Objects.requireNonNull(stub, "stub");
        this.outputs = Objects.requireNonNull(outputs, "outputs");
    }

    /** @return the Temporal workflow id of the run */
    public String workflowId() {
        return stub.getExecution().getWorkflowId();
    }

    /** @return the untyped Temporal stub of the run, for signals, queries, cancellation or its history */
    public WorkflowStub stub() {
        return stub;
    }

    /**
     * Waits for the run to end.
     *
     * @return its outputs
     * @throws WorkflowException when a step failed the workflow or a poll limit was hit, as a plain run fails,
     *     with the Temporal failure as its cause
     * @throws WorkflowFailedException when the run ended otherwise (cancelled, terminated, timed out)
     */
    public O result() {
        try {
            return outputs.apply(stub.getResult(ObjectNode.class));
        } catch (WorkflowFailedException e) {
            throw translated(e);
        }
    }

    /** @return the outputs, or the failure {@link #result()} throws, without blocking a thread */
    public CompletableFuture<O> resultAsync() {
        return stub.getResultAsync(ObjectNode.class).handle((json, failure) -> {
            if (failure == null) {
                return outputs.apply(json);
            }
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            throw new CompletionException(cause instanceof WorkflowFailedException e ? translated(e) : cause);
        });
    }

    private static RuntimeException translated(WorkflowFailedException e) {
        if (e.getCause() instanceof ApplicationFailure app && DurableLoop.WORKFLOW_FAILURE.equals(app.getType())) {
            try {
                return app.getDetails().get(StepFailure.class).toException(e);
            } catch (RuntimeException unreadable) {
                return e;
            }
        }
        return e;
    }

    @Override
    public String toString() {
        return "DurableRun[" + workflowId() + "]";
    }
}
