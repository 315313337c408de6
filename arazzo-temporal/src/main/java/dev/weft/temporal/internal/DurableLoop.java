package dev.weft.temporal.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.internal.PollGuard;
import dev.weft.runtime.internal.RunCounters;
import dev.weft.runtime.internal.Stepwise;
import dev.weft.runtime.internal.Values;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.time.Duration;
import java.util.Objects;

/**
 * The state machine of a durable workflow, as Temporal workflow code: it enters steps by the poll policy (poll
 * delays and {@code retry} waits are {@link Workflow#sleep} timers, the iteration cap and the deadline hold),
 * runs each operation step as an activity and each called workflow as a child workflow, follows what the steps
 * decide ({@code goto}, {@code end}, {@code retry}), and continues as new before its history grows long.
 *
 * <p>Everything here is deterministic: the settings are recorded once by a side effect, time is workflow time,
 * and every decision comes from the recorded results of activities.
 */
public final class DurableLoop {
    /** The failure type of a workflow's failure, whose details are a {@link StepFailure}. */
    public static final String WORKFLOW_FAILURE = "WorkflowException";

    /** How a step's failure message starts when its activity did not end within the step's 1.1 timeout. */
    public static final String STEP_TIMEOUT = "step timeout";

    /**
     * What a step with an Arazzo 1.1 {@code timeout} gets on top of it for its activity: the time to read the
     * response and evaluate the step after the request's own timeout.
     */
    public static final Duration TIMEOUT_GRACE = Duration.ofSeconds(10);

    private final Engine engine;
    private final Stepwise workflow;

    /**
     * @param engine the worker's engine
     * @param workflow the workflow this loop runs
     */
    public DurableLoop(Engine engine, Stepwise workflow) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.workflow = Objects.requireNonNull(workflow, "workflow");
    }

    /**
     * Runs the workflow (or goes on with it after continue-as-new) to its end.
     *
     * @param input the inputs and, after continue-as-new, where the run was
     * @return the workflow's outputs
     * @throws ApplicationFailure of type {@link #WORKFLOW_FAILURE} when a step fails the workflow or a limit is hit
     */
    public ObjectNode run(RunInput input) {
        ObjectNode inputs = input == null || input.inputs() == null ? Values.object() : input.inputs();
        ObjectNode workflows = input == null || input.workflows() == null
                ? Values.object()
                : input.workflows().deepCopy();
        RunInput.Progress progress = input == null ? null : input.progress();
        if (progress == null) {
            RunSettings settings = Workflow.sideEffect(RunSettings.class, engine::settings);
            progress = new RunInput.Progress(
                    workflow.firstStep(), Values.object(), RunCounters.NONE, Workflow.currentTimeMillis(), settings, 0);
            dependencies(inputs, workflows, progress.settings());
        }
        return loop(inputs, workflows, progress);
    }

    private ObjectNode loop(ObjectNode inputs, ObjectNode workflows, RunInput.Progress from) {
        RunSettings settings = from.settings();
        String step = from.step();
        ObjectNode state = from.state();
        PollGuard guard = new PollGuard(settings.pollPolicy(), from.counters());
        while (true) {
            if (historyIsLong(settings)) {
                Workflow.continueAsNew(new RunInput(
                        inputs,
                        workflows,
                        new RunInput.Progress(
                                step, state, guard.counters(), from.startMillis(), settings, from.continued() + 1)));
            }
            PollGuard.Visit visit = guard.visit(step, elapsed(from));
            if (visit.limit() != null) {
                throw failure(
                        new StepFailure(workflow.workflowId(), step, guard.attempt(step), -1, null, visit.limit()));
            }
            if (!visit.delay().isZero()) {
                Workflow.sleep(visit.delay());
            }
            StepCall call =
                    new StepCall(inputs, state, guard.counters(), elapsed(from).toMillis(), workflows, settings, null);
            Stepwise.Step current = workflow.step(step);
            StepOutcome outcome = current.isOperation() ? operation(current, call) : called(current, call, workflows);
            if (outcome.failure() != null) {
                throw failure(outcome.failure());
            }
            state = outcome.state();
            guard = new PollGuard(settings.pollPolicy(), outcome.counters());
            if (outcome.next() == null) {
                return outcome.outputs();
            }
            step = outcome.next();
        }
    }

    private static Duration elapsed(RunInput.Progress from) {
        return Duration.ofMillis(Math.max(0, Workflow.currentTimeMillis() - from.startMillis()));
    }

    private static boolean historyIsLong(RunSettings settings) {
        WorkflowInfo info = Workflow.getInfo();
        return info.isContinueAsNewSuggested() || info.getHistoryLength() >= settings.historyLimit();
    }

    /** Runs an operation step as its activity. */
    private StepOutcome operation(Stepwise.Step step, StepCall call) {
        ActivityOptions options = activityOptions(workflow.workflowId(), step, call.settings());
        try {
            return Workflow.newUntypedActivityStub(options)
                    .execute(activityType(workflow.workflowId(), step.id()), StepOutcome.class, call);
        } catch (ActivityFailure e) {
            if (step.hasTimeout() && e.getCause() instanceof TimeoutFailure) {
                // the step's own timeout fails the request inside the activity first, and its failure actions
                // decide; this is the activity itself not done in time (its worker lost or stalled)
                throw failure(new StepFailure(
                        workflow.workflowId(),
                        step.id(),
                        call.counters().visits().getOrDefault(step.id(), 0),
                        -1,
                        null,
                        STEP_TIMEOUT + ": step '" + step.id() + "' did not complete within its timeout of "
                                + step.timeoutMillis() + " ms"));
            }
            throw e;
        }
    }

    /**
     * The options of an operation step's activity: its request's timeout bounds each attempt; a step with an
     * Arazzo 1.1 {@code timeout} bounds all its attempts together by it (start-to-close and schedule-to-close),
     * with a grace for reading the response, so that the request's own timeout, inside the activity, fails
     * the step first and the step's failure actions see it.
     *
     * @param workflowId the workflow
     * @param step the operation step
     * @param settings the run's settings
     * @return the activity options
     */
    public static ActivityOptions activityOptions(String workflowId, Stepwise.Step step, RunSettings settings) {
        boolean resendable = step.isIdempotent() || settings.mayResend(workflowId, step.id());
        ActivityOptions.Builder options = ActivityOptions.newBuilder();
        if (step.hasTimeout()) {
            Duration bound = Duration.ofMillis(step.timeoutMillis()).plus(TIMEOUT_GRACE);
            options.setStartToCloseTimeout(bound).setScheduleToCloseTimeout(bound);
        } else {
            options.setStartToCloseTimeout(
                    Duration.ofMillis(settings.requestTimeoutMillis()).plusSeconds(30));
        }
        return options.setRetryOptions(RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofSeconds(1))
                        .setBackoffCoefficient(2)
                        .setMaximumInterval(Duration.ofMinutes(1))
                        // a request that is not idempotent is never sent in a second attempt, which only
                        // tells the step that the first one did not finish
                        .setMaximumAttempts(
                                resendable ? settings.activityAttempts() : Math.min(2, settings.activityAttempts()))
                        .build())
                .build();
    }

    /** Runs a step that calls a workflow: its inputs, the child workflow, then the step's reading of the end. */
    private StepOutcome called(Stepwise.Step step, StepCall call, ObjectNode workflows) {
        CallActivities local = Workflow.newLocalActivityStub(
                CallActivities.class,
                LocalActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(30))
                        .setRetryOptions(
                                RetryOptions.newBuilder().setMaximumAttempts(3).build())
                        .build());
        ObjectNode childInputs = local.callInputs(workflow.workflowId(), step.id(), call);
        String childId = Workflow.getInfo().getWorkflowId() + "/" + step.id() + "/"
                + call.counters().visits().getOrDefault(step.id(), 0);
        StepCall.CallResult ended = child(step.calledWorkflowId(), childId, childInputs, workflows, call.settings());
        if (ended.failure() == null) {
            record(workflows, step.calledWorkflowId(), childInputs, ended.outputs());
        }
        return local.afterCall(
                workflow.workflowId(),
                step.id(),
                new StepCall(
                        call.inputs(),
                        call.state(),
                        call.counters(),
                        call.elapsedMillis(),
                        workflows,
                        call.settings(),
                        ended));
    }

    /** Runs the workflows this one depends on, each unless it already completed in the run family. */
    private void dependencies(ObjectNode inputs, ObjectNode workflows, RunSettings settings) {
        for (String dependency : workflow.dependsOn()) {
            if (workflows.has(dependency)) {
                continue;
            }
            ObjectNode childInputs = Engine.withoutSecrets(engine.workflow(dependency), inputs);
            String childId = Workflow.getInfo().getWorkflowId() + "/dependsOn/" + dependency;
            StepCall.CallResult ended = child(dependency, childId, childInputs, workflows, settings);
            if (ended.failure() != null) {
                throw failure(new StepFailure(
                        workflow.workflowId(),
                        null,
                        0,
                        -1,
                        null,
                        "workflow '" + dependency + "', a dependency, failed: "
                                + ended.failure().message()));
            }
            record(workflows, dependency, childInputs, ended.outputs());
        }
    }

    private static StepCall.CallResult child(
            String workflowType, String childId, ObjectNode inputs, ObjectNode workflows, RunSettings settings) {
        ChildWorkflowOptions options =
                ChildWorkflowOptions.newBuilder().setWorkflowId(childId).build();
        try {
            ObjectNode outputs = Workflow.newUntypedChildWorkflowStub(workflowType, options)
                    .execute(ObjectNode.class, new RunInput(inputs, workflows, null));
            return new StepCall.CallResult(outputs == null ? Values.object() : outputs, null);
        } catch (ChildWorkflowFailure e) {
            return new StepCall.CallResult(null, stepFailure(workflowType, e));
        }
    }

    private static StepFailure stepFailure(String workflowType, ChildWorkflowFailure e) {
        Throwable cause = e.getCause();
        if (cause instanceof ApplicationFailure app && WORKFLOW_FAILURE.equals(app.getType())) {
            try {
                return app.getDetails().get(StepFailure.class);
            } catch (RuntimeException unreadable) {
                // fall through to the message
            }
        }
        String message = cause instanceof TemporalFailure t ? t.getOriginalMessage() : String.valueOf(cause);
        return new StepFailure(workflowType, null, 0, -1, null, message);
    }

    private static void record(ObjectNode workflows, String workflowId, ObjectNode inputs, ObjectNode outputs) {
        ObjectNode done = Values.object();
        done.set("inputs", inputs);
        done.set("outputs", outputs);
        workflows.set(workflowId, done);
    }

    /**
     * @param workflowType a durable workflow's type
     * @param stepId one of its operation steps
     * @return the type of the step's activity
     */
    public static String activityType(String workflowType, String stepId) {
        return workflowType + "." + stepId;
    }

    private static ApplicationFailure failure(StepFailure failure) {
        return ApplicationFailure.newNonRetryableFailure(failure.toException().getMessage(), WORKFLOW_FAILURE, failure);
    }
}
