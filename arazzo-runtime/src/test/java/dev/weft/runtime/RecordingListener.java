package dev.weft.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that records every event as text ({@code "stepStarted StepEvent[...]"}), for tests. */
public final class RecordingListener implements WorkflowListener {

    private final List<String> events = new CopyOnWriteArrayList<>();

    /** @return the events so far, in order */
    public List<String> events() {
        return events;
    }

    /** @return the names of the events so far, with the step and outcome where there is one */
    public List<String> summary() {
        return events.stream()
                .map(e -> e.substring(0, e.indexOf(' '))
                        + (e.contains("outcome=") ? " " + e.substring(e.indexOf("outcome=") + 8) : ""))
                .toList();
    }

    @Override
    public void stepStarted(StepEvent event) {
        events.add("stepStarted " + event);
    }

    @Override
    public void stepFinished(StepEvent event, String outcome) {
        events.add("stepFinished " + event + " outcome=" + outcome);
    }

    @Override
    public void requestSent(RequestEvent event) {
        events.add("requestSent " + event);
    }

    @Override
    public void responseReceived(ResponseEvent event) {
        events.add("responseReceived " + event);
    }

    @Override
    public void retryScheduled(RetryEvent event) {
        events.add("retryScheduled " + event);
    }

    @Override
    public void pollWaiting(PollEvent event) {
        events.add("pollWaiting " + event);
    }

    @Override
    public void workflowFinished(WorkflowEvent event) {
        events.add("workflowFinished " + event);
    }

    @Override
    public void workflowFailed(WorkflowEvent event, WorkflowException failure) {
        events.add("workflowFailed " + event + " failure=" + failure.getMessage());
    }
}
