package dev.weft.runtime;

/**
 * Receives the events of workflow runs: steps started and finished, requests, responses, retries, poll waits
 * and how each run ended; every method does nothing unless overridden.
 *
 * <p>Set one with {@link ArazzoClient.Builder#listener(WorkflowListener)}. Events carry ids, counts, durations,
 * methods and URLs with secrets masked, never header values or bodies. A listener is called on the thread that
 * runs the step (for {@code runAsync}, a thread of the HTTP client or of the delay scheduler), so it should be
 * quick and, when shared by concurrent runs, thread-safe. An exception thrown by a listener does not affect the
 * run: it is logged (at {@code WARNING} the first time) and otherwise ignored.
 */
public interface WorkflowListener {

    /**
     * A listener that ignores every event. A client whose only listener is this one neither logs nor builds
     * events, which spares a little work per step: set it when nothing is to be reported.
     */
    WorkflowListener NONE = new WorkflowListener() {
        @Override
        public String toString() {
            return "WorkflowListener.NONE";
        }
    };

    /**
     * A step starts, after any poll or retry wait.
     *
     * @param event the step
     */
    default void stepStarted(StepEvent event) {}

    /**
     * A step is over.
     *
     * @param event the step
     * @param outcome {@code "next <stepId>"} when another step (or the same one, for a loop) follows,
     *     {@code "retry"} when a retry action runs it again, {@code "end"} when the workflow ends after it,
     *     {@code "failed"} when the workflow fails in it
     */
    default void stepFinished(StepEvent event, String outcome) {}

    /**
     * A step's request is about to be sent.
     *
     * @param event the request
     */
    default void requestSent(RequestEvent event) {}

    /**
     * A step's response arrived, or the exchange failed without one.
     *
     * @param event the response; its {@code status} is -1 and its {@code error} set when there was none
     */
    default void responseReceived(ResponseEvent event) {}

    /**
     * A retry action will run a failed step again after a delay.
     *
     * @param event the retry
     */
    default void retryScheduled(RetryEvent event) {}

    /**
     * A loop is about to wait before revisiting a step (a poll iteration).
     *
     * @param event the wait
     */
    default void pollWaiting(PollEvent event) {}

    /**
     * A workflow run ended successfully.
     *
     * @param event the run
     */
    default void workflowFinished(WorkflowEvent event) {}

    /**
     * A workflow run failed (or was cancelled); called once per run, before the failure reaches the caller.
     *
     * @param event the run
     * @param failure why it failed; its message is redacted
     */
    default void workflowFailed(WorkflowEvent event, WorkflowException failure) {}
}
