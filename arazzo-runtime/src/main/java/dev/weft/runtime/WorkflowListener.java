package dev.weft.runtime;

import java.util.Map;

/**
 * Receives the events of workflow runs: steps started and finished, requests, responses, retries, poll waits
 * and how each run ended; every method does nothing unless overridden.
 *
 * <p>Set one with {@link ArazzoClient.Builder#listener(WorkflowListener)}. Events carry ids, counts, durations,
 * methods and URLs with secrets masked, never header values or bodies. A listener is called on the thread that
 * runs the step (for {@code runAsync}, a thread of the HTTP client or of the delay scheduler), so it should be
 * quick and, when shared by concurrent runs, thread-safe. An exception thrown by a listener does not affect the
 * run: it is logged (at {@code WARNING} the first time) and otherwise ignored.
 *
 * <p>A listener that keeps state per run (a tracing span, say) returns a listener of its own for each run from
 * {@link #workflowStarted}; one that is off returns false from {@link #wants}, and runs then build no events for
 * it.
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
     * Whether this listener does anything with events of a type now; a run builds no event of a type that none of
     * its listeners wants. Asked before every event, so the answer may change (a logger's level, say).
     *
     * @param eventType the event's class: {@link StepEvent}, {@link RequestEvent}, {@link ResponseEvent},
     *     {@link MessageEvent}, {@link RetryEvent}, {@link PollEvent}, {@link ResponseCheckEvent} or
     *     {@link WorkflowEvent}
     * @return whether to build and send such events; true unless overridden
     */
    default boolean wants(Class<?> eventType) {
        return true;
    }

    /**
     * A workflow run starts, before its first step; also the run of a workflow that another one calls (a workflow
     * step, a {@code goto} to a workflow, {@code dependsOn}).
     *
     * @param event the run, with no steps yet
     * @param caller what this method returned for the calling run, when a workflow calls this one; else
     *     {@code null}
     * @return the listener of this run's events: this one unless overridden, or one holding the run's state
     */
    default WorkflowListener workflowStarted(WorkflowEvent event, WorkflowListener caller) {
        return this;
    }

    /**
     * Headers to add to a step's request, asked right after {@link #requestSent} for the same request: a trace
     * context ({@code traceparent}), for example. A header the request has already is not replaced; the values are
     * sent like any header (printable ASCII only) and are not treated as secrets.
     *
     * @param event the request
     * @return the headers by name; none unless overridden
     */
    default Map<String, String> requestHeaders(RequestEvent event) {
        return Map.of();
    }

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
     * An AsyncAPI step (Arazzo 1.1) sent its message or received one, or failed to.
     *
     * @param event the message; its {@code error} is set when nothing was sent or received
     */
    default void messageExchanged(MessageEvent event) {}

    /**
     * The client's {@link ResponseInspector} found something wrong with a step's response (opt-in run-time
     * checks); called after {@link #responseReceived} for that response, once per finding, for warnings and
     * errors alike (an error also fails the step).
     *
     * @param event the finding, its message redacted
     */
    default void responseChecked(ResponseCheckEvent event) {}

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
