package dev.weft.temporal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.internal.Stepwise;
import dev.weft.temporal.internal.Engine;
import dev.weft.temporal.internal.RunInput;
import dev.weft.temporal.internal.StepActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowTargetOptions;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The durable form of one generated workflow, the {@code TYPE} constant of its generated Temporal workflow
 * interface: what {@link DurableWorker} registers, and the typed client calls that start a run.
 *
 * <p>The inputs a run is started with never include the secret inputs (the {@code Inputs} record of the
 * Temporal interface has none): the worker binds those ({@link DurableWorker.Builder#secret}), so that no
 * secret enters Temporal's history.
 *
 * @param <I> the inputs record of the Temporal interface: the workflow's inputs without the secret ones
 * @param <O> the workflow's {@code Outputs} record
 */
public final class DurableType<I, O> {
    private final Stepwise steps;
    private final Registration<?> workflow;
    private final Function<StepActivities, Object> activities;
    private final Function<I, ObjectNode> inputs;
    private final Function<ObjectNode, O> outputs;

    /** A workflow interface and the factory of its implementation, kept together for their shared type. */
    record Registration<W>(Class<W> workflowInterface, Function<Engine, ? extends W> implementation) {}

    private DurableType(
            Stepwise steps,
            Registration<?> workflow,
            Function<StepActivities, Object> activities,
            Function<I, ObjectNode> inputs,
            Function<ObjectNode, O> outputs) {
        this.steps = Objects.requireNonNull(steps, "steps");
        this.workflow = workflow;
        this.activities = Objects.requireNonNull(activities, "activities");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.outputs = Objects.requireNonNull(outputs, "outputs");
    }

    /**
     * For generated code: the durable form of a workflow.
     *
     * @param steps the workflow one step at a time (the plain class's {@code STEPWISE})
     * @param workflowInterface the generated Temporal workflow interface
     * @param workflowImplementation creates its implementation for a worker
     * @param activities creates the implementation of the generated activities interface for a worker
     * @param inputs the inputs record as JSON
     * @param outputs the outputs record from JSON
     * @param <W> the workflow interface
     * @param <I> the inputs record
     * @param <O> the outputs record
     * @return the durable type
     */
    public static <W, I, O> DurableType<I, O> of(
            Stepwise steps,
            Class<W> workflowInterface,
            Function<Engine, ? extends W> workflowImplementation,
            Function<StepActivities, Object> activities,
            Function<I, ObjectNode> inputs,
            Function<ObjectNode, O> outputs) {
        return new DurableType<>(
                steps, new Registration<>(workflowInterface, workflowImplementation), activities, inputs, outputs);
    }

    /** @return the Temporal workflow type: the Arazzo {@code workflowId} */
    public String workflowType() {
        return steps.workflowId();
    }

    /** @return the workflow one step at a time */
    public Stepwise steps() {
        return steps;
    }

    Registration<?> registration() {
        return workflow;
    }

    Object activities(StepActivities engine) {
        return activities.apply(engine);
    }

    /**
     * Starts a durable run; it goes on when this process ends, on any worker of the task queue.
     *
     * @param client the Temporal client
     * @param options the run's options: the task queue of a {@link DurableWorker} and, to start each run once
     *     however often the call is repeated, a workflow id of your choice
     * @param runInputs the inputs
     * @return the run
     */
    public DurableRun<O> start(WorkflowClient client, WorkflowOptions options, I runInputs) {
        return startJson(client, options, inputs.apply(Objects.requireNonNull(runInputs, "inputs")));
    }

    /**
     * Starts a durable run with JSON inputs; secret inputs in them are left out (bind them on the worker).
     *
     * @param client the Temporal client
     * @param options the run's options
     * @param json the inputs
     * @return the run
     */
    public DurableRun<O> startJson(WorkflowClient client, WorkflowOptions options, ObjectNode json) {
        WorkflowStub stub = client.newUntypedWorkflowStub(workflowType(), options);
        stub.start(new RunInput(Engine.withoutSecrets(steps, json), null, null));
        return new DurableRun<>(stub, outputs);
    }

    /**
     * Starts a durable run and waits for its end.
     *
     * @param client the Temporal client
     * @param options the run's options
     * @param runInputs the inputs
     * @return the outputs
     * @throws dev.weft.runtime.WorkflowException when a step failed the workflow, as {@link DurableRun#result()}
     */
    public O run(WorkflowClient client, WorkflowOptions options, I runInputs) {
        return start(client, options, runInputs).result();
    }

    /**
     * A run started earlier (perhaps by another process).
     *
     * @param client the Temporal client
     * @param workflowId the run's Temporal workflow id
     * @return the run
     */
    public DurableRun<O> attach(WorkflowClient client, String workflowId) {
        WorkflowTargetOptions target =
                WorkflowTargetOptions.newBuilder().setWorkflowId(workflowId).build();
        return new DurableRun<>(client.newUntypedWorkflowStub(target, Optional.of(workflowType())), outputs);
    }

    @Override
    public String toString() {
        return "DurableType[" + workflowType() + "]";
    }
}
