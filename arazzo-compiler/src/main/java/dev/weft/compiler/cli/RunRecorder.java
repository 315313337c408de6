package dev.weft.compiler.cli;

import dev.weft.runtime.PollEvent;
import dev.weft.runtime.RequestEvent;
import dev.weft.runtime.ResponseEvent;
import dev.weft.runtime.RetryEvent;
import dev.weft.runtime.StepEvent;
import dev.weft.runtime.WorkflowListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Records each step attempt of a run from the runtime's events, in the order they end, and hands each one, and
 * each retry or poll wait, to a consumer as it happens (the console's progress lines).
 */
final class RunRecorder implements WorkflowListener {

    /**
     * A wait before a step runs again.
     *
     * @param kind {@code retry} or {@code poll}
     * @param count which retry of the action, or which loop iteration of the run, 1-based
     * @param limit the action's retry limit, or 0 for a poll
     * @param action the retry action's name, or null for a poll
     * @param stepId the step that runs again
     * @param delay the wait
     */
    record Wait(String kind, int count, long limit, String action, String stepId, Duration delay) {}

    /**
     * One attempt of a step, as it ended.
     *
     * @param workflowId the workflow the step belongs to (a child workflow's for its steps)
     * @param child whether that workflow was called by another one of the run
     * @param stepId the step
     * @param attempt how often the step had been entered, this time included
     * @param before the wait that preceded it, or null
     * @param method the HTTP method, or null when the step sent no request (it ran a workflow)
     * @param url the URL, secrets masked, or null
     * @param status the HTTP status, -1 when the exchange failed, 0 when there was none
     * @param httpTime the time of the exchange, or null
     * @param error why the exchange failed without a response (redacted), or null
     * @param outcome {@code next <stepId>}, {@code retry}, {@code end} or {@code failed}
     * @param started when the attempt started, from the start of the run
     * @param finished when it ended, from the start of the run
     */
    record Attempt(
            String workflowId,
            boolean child,
            String stepId,
            int attempt,
            Wait before,
            String method,
            String url,
            int status,
            Duration httpTime,
            String error,
            String outcome,
            Duration started,
            Duration finished) {

        /** Whether the attempt failed: the workflow failed in it, or a retry action runs it again. */
        boolean failed() {
            return outcome.equals("failed") || outcome.equals("retry");
        }

        /** The time the attempt took, waits before it excluded. */
        Duration took() {
            return finished.minus(started);
        }
    }

    /** An attempt still running. */
    private static final class Open {
        final StepEvent start;
        final Wait before;
        String method;
        String url;
        int status;
        Duration httpTime;
        String error;

        Open(StepEvent start, Wait before) {
            this.start = start;
            this.before = before;
        }
    }

    private final String rootWorkflowId;
    private final Consumer<Attempt> onAttempt;
    private final Consumer<Wait> onWait;
    private final List<Attempt> attempts = new ArrayList<>();
    private final Map<String, Open> open = new HashMap<>();
    private final Map<String, Wait> pendingWaits = new HashMap<>();
    private boolean started;

    RunRecorder(String rootWorkflowId, Consumer<Attempt> onAttempt, Consumer<Wait> onWait) {
        this.rootWorkflowId = rootWorkflowId;
        this.onAttempt = onAttempt;
        this.onWait = onWait;
    }

    /** The attempts that ended, in the order they ended. */
    synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Whether any step started: a failure after that is the run's, not the inputs'. */
    synchronized boolean started() {
        return started;
    }

    @Override
    public synchronized void stepStarted(StepEvent e) {
        started = true;
        open.put(key(e.workflowId(), e.stepId(), e.attempt()), new Open(e, pendingWaits.remove(e.workflowId())));
    }

    @Override
    public synchronized void requestSent(RequestEvent e) {
        Open attempt = open.get(key(e.workflowId(), e.stepId(), e.attempt()));
        if (attempt != null) {
            attempt.method = e.method();
            attempt.url = e.url();
        }
    }

    @Override
    public synchronized void responseReceived(ResponseEvent e) {
        Open attempt = open.get(key(e.workflowId(), e.stepId(), e.attempt()));
        if (attempt != null) {
            attempt.method = e.method();
            attempt.url = e.url();
            attempt.status = e.status();
            attempt.httpTime = e.duration();
            attempt.error = e.error();
        }
    }

    @Override
    public void stepFinished(StepEvent e, String outcome) {
        Attempt done;
        synchronized (this) {
            Open attempt = open.remove(key(e.workflowId(), e.stepId(), e.attempt()));
            if (attempt == null) {
                return;
            }
            done = new Attempt(
                    e.workflowId(),
                    !e.workflowId().equals(rootWorkflowId),
                    e.stepId(),
                    e.attempt(),
                    attempt.before,
                    attempt.method,
                    attempt.url,
                    attempt.status,
                    attempt.httpTime,
                    attempt.error,
                    outcome,
                    attempt.start.elapsed(),
                    e.elapsed());
            attempts.add(done);
        }
        onAttempt.accept(done);
    }

    @Override
    public void retryScheduled(RetryEvent e) {
        wait(e.workflowId(), new Wait("retry", e.retry(), e.retryLimit(), e.actionName(), e.stepId(), e.delay()));
    }

    @Override
    public void pollWaiting(PollEvent e) {
        wait(e.workflowId(), new Wait("poll", e.iteration(), 0, null, e.stepId(), e.delay()));
    }

    private void wait(String workflowId, Wait wait) {
        synchronized (this) {
            pendingWaits.put(workflowId, wait);
        }
        onWait.accept(wait);
    }

    private static String key(String workflowId, String stepId, int attempt) {
        return workflowId + '\u0000' + stepId + '\u0000' + attempt;
    }
}
