package dev.weft.temporal.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The activities around a step that calls a workflow (a child workflow): computing the inputs it passes, and
 * reading how it ended; one implementation per worker serves every registered workflow, run as local activities.
 */
@ActivityInterface
public interface CallActivities {
    /** The activity type of {@link #callInputs}. */
    String CALL_INPUTS = "weft.callInputs";

    /** The activity type of {@link #afterCall}. */
    String AFTER_CALL = "weft.afterCall";

    /**
     * @param workflowId the calling workflow
     * @param stepId the calling step
     * @param call the step's argument
     * @return the inputs of the called workflow, its secret inputs left out
     */
    @ActivityMethod(name = CALL_INPUTS)
    ObjectNode callInputs(String workflowId, String stepId, StepCall call);

    /**
     * @param workflowId the calling workflow
     * @param stepId the calling step
     * @param call the step's argument, with how the called workflow ended
     * @return what the step decided
     */
    @ActivityMethod(name = AFTER_CALL)
    StepOutcome afterCall(String workflowId, String stepId, StepCall call);

    /**
     * The implementation over a worker's engine.
     *
     * @param steps the worker's step runner
     * @return the activities
     */
    static CallActivities of(StepActivities steps) {
        return new Impl(steps);
    }

    /** Runs the activities through a worker's step runner. */
    final class Impl implements CallActivities {
        private final StepActivities steps;

        private Impl(StepActivities steps) {
            this.steps = steps;
        }

        @Override
        public ObjectNode callInputs(String workflowId, String stepId, StepCall call) {
            return steps.callInputs(steps.engine().workflow(workflowId), stepId, call);
        }

        @Override
        public StepOutcome afterCall(String workflowId, String stepId, StepCall call) {
            return steps.afterCall(steps.engine().workflow(workflowId), stepId, call);
        }
    }
}
