package dev.weft.temporal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.internal.RunCounters;
import dev.weft.runtime.internal.StepResult;
import dev.weft.runtime.internal.Stepwise;
import dev.weft.runtime.internal.Values;
import dev.weft.runtime.internal.WorkflowCall;
import dev.weft.runtime.internal.WorkflowRun;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one step of a durable workflow inside an activity, by the generated class's own code ({@link Stepwise}):
 * the worker's secrets are added to the inputs here, and whatever the step returns is checked to hold none of
 * them before it goes to Temporal's history.
 *
 * <p>Transport failures: an idempotent request (or one the user allows to be sent again) that fails in transport
 * is thrown as a retryable failure, so Temporal attempts the activity again, until its last attempt, where the
 * step's own failure actions see the failure as in a plain run. A request that is not idempotent is sent in the
 * first attempt only; a later attempt (its worker was lost, or it timed out) does not send it again, and the
 * step sees a transport failure saying why.
 */
public final class StepActivities {
    /** The failure type of a transport failure Temporal retries. */
    public static final String TRANSPORT_FAILURE = "TransportFailure";

    private final Engine engine;

    /** @param engine the worker's engine */
    public StepActivities(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** @return the worker's engine */
    public Engine engine() {
        return engine;
    }

    /**
     * Runs an operation step, from a generated activity.
     *
     * @param workflow the workflow
     * @param stepId the step
     * @param call the step's argument
     * @return what the step decided
     */
    public StepOutcome run(Stepwise workflow, String stepId, StepCall call) {
        Stepwise.Step step = workflow.step(stepId);
        int attempt = Activity.getExecutionContext().getInfo().getAttempt();
        WorkflowRun.Resume resume = resume(workflow, step, attempt, call.settings());
        WorkflowRun run = resumed(workflow, call, resume);
        try {
            StepResult result =
                    workflow.run(run, engine.withSecrets(workflow, call.inputs()), state(call), stepId, null);
            return checked(run, outcome(run, result));
        } catch (WorkflowException e) {
            if (resume == WorkflowRun.Resume.SEND_OR_THROW && e.getCause() instanceof IOException) {
                // message and cause already redacted by the run
                throw ApplicationFailure.newFailure(e.getMessage(), TRANSPORT_FAILURE);
            }
            return failed(run, call, e);
        } catch (RuntimeException e) {
            return failed(run, call, internal(run, workflow, stepId, e));
        }
    }

    /**
     * Runs a step that called a workflow, once the called workflow ended: its outputs and criteria, by the
     * generated class's code.
     *
     * @param workflow the workflow
     * @param stepId the step
     * @param call the step's argument, with how the called workflow ended
     * @return what the step decided
     */
    public StepOutcome afterCall(Stepwise workflow, String stepId, StepCall call) {
        WorkflowRun run = resumed(workflow, call, WorkflowRun.Resume.SEND);
        StepCall.CallResult ended = Objects.requireNonNull(call.call(), "call");
        WorkflowCall workflowCall = new WorkflowCall(
                ended.outputs() == null ? Values.object() : ended.outputs(),
                ended.failure() == null ? null : ended.failure().toException());
        try {
            StepResult result =
                    workflow.run(run, engine.withSecrets(workflow, call.inputs()), state(call), stepId, workflowCall);
            return checked(run, outcome(run, result));
        } catch (WorkflowException e) {
            return failed(run, call, e);
        } catch (RuntimeException e) {
            return failed(run, call, internal(run, workflow, stepId, e));
        }
    }

    /**
     * The inputs a step passes to the workflow it calls, the called workflow's secret inputs left out (its worker
     * binds them).
     *
     * @param workflow the calling workflow
     * @param stepId the step
     * @param call the step's argument
     * @return the called workflow's inputs
     */
    public ObjectNode callInputs(Stepwise workflow, String stepId, StepCall call) {
        WorkflowRun run = resumed(workflow, call, WorkflowRun.Resume.SEND);
        Stepwise called = engine.workflow(workflow.step(stepId).calledWorkflowId());
        ObjectNode inputs = Engine.withoutSecrets(
                called, workflow.callInputs(run, engine.withSecrets(workflow, call.inputs()), state(call), stepId));
        String leak = SecretScan.find(inputs, run.secrets());
        if (leak != null) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "the inputs step '" + stepId + "' of workflow '" + workflow.workflowId() + "' passes to workflow '"
                            + called.workflowId() + "' hold a secret of the run in '" + leak + "'; a durable run "
                            + "keeps secrets out of its history: bind it on the worker as a secret input instead",
                    "WorkflowException");
        }
        return inputs;
    }

    private WorkflowRun resumed(Stepwise workflow, StepCall call, WorkflowRun.Resume resume) {
        RunCounters counters = call.counters() == null ? RunCounters.NONE : call.counters();
        WorkflowRun run = WorkflowRun.resume(
                engine.client(call.settings()),
                workflow.workflowId(),
                counters,
                Duration.ofMillis(call.elapsedMillis()),
                resume);
        if (call.workflows() != null) {
            for (Map.Entry<String, JsonNode> done : call.workflows().properties()) {
                if (!done.getKey().equals(workflow.workflowId())) {
                    run.completed(
                            done.getKey(),
                            done.getValue().get("inputs"),
                            done.getValue().get("outputs"));
                }
            }
        }
        return run;
    }

    private WorkflowRun.Resume resume(Stepwise workflow, Stepwise.Step step, int attempt, RunSettings settings) {
        boolean resendable = step.isIdempotent() || settings.mayResend(workflow.workflowId(), step.id());
        if (!resendable) {
            return attempt == 1 ? WorkflowRun.Resume.SEND : WorkflowRun.Resume.NOT_AGAIN;
        }
        if (step.hasTimeout()) {
            // the step's time is its timeout: a request that timed out or failed is the step's failure, for its
            // failure actions; a later attempt comes only after a lost worker, within the same timeout
            return WorkflowRun.Resume.SEND;
        }
        return attempt < settings.activityAttempts() ? WorkflowRun.Resume.SEND_OR_THROW : WorkflowRun.Resume.SEND;
    }

    private static ObjectNode state(StepCall call) {
        return call.state() == null ? Values.object() : call.state();
    }

    private static StepOutcome outcome(WorkflowRun run, StepResult result) {
        return new StepOutcome(run.lastStatus(), result.next(), result.state(), run.counters(), result.outputs(), null);
    }

    private static StepOutcome failed(WorkflowRun run, StepCall call, WorkflowException e) {
        return new StepOutcome(run.lastStatus(), null, state(call), run.counters(), null, StepFailure.of(e));
    }

    private static WorkflowException internal(WorkflowRun run, Stepwise workflow, String stepId, RuntimeException e) {
        return run.error(
                stepId, "step '" + stepId + "' of workflow '" + workflow.workflowId() + "' failed: " + e, null);
    }

    /** Fails the step rather than let a secret of the run into the history through an output. */
    private static StepOutcome checked(WorkflowRun run, StepOutcome outcome) {
        String leak = SecretScan.find(outcome.state(), run.secrets());
        if (leak == null && outcome.outputs() != null) {
            leak = SecretScan.find(outcome.outputs(), run.secrets());
        }
        if (leak == null) {
            return outcome;
        }
        return new StepOutcome(
                outcome.status(),
                null,
                Values.object(),
                outcome.counters(),
                null,
                new StepFailure(
                        run.workflowId(),
                        null,
                        0,
                        -1,
                        null,
                        "the step outputs at '" + leak + "' hold a secret of the run; a durable run keeps secrets "
                                + "out of its history, so it stops here"));
    }
}
