package dev.weft.runtime.internal;

import dev.weft.runtime.PollEvent;
import dev.weft.runtime.RequestEvent;
import dev.weft.runtime.ResponseEvent;
import dev.weft.runtime.RetryEvent;
import dev.weft.runtime.StepEvent;
import dev.weft.runtime.WorkflowEvent;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.WorkflowListener;
import dev.weft.runtime.http.HttpCall;
import java.net.URI;
import java.time.Duration;

/**
 * Reports a run's events to the client's listener with URLs redacted, keeping the step in progress so that it
 * can say how the step ended, and reporting the end of the run once.
 */
final class RunEvents {

    private final WorkflowRun run;
    private final WorkflowListener listener;
    /** Whether the client has no listener but {@link WorkflowListener#NONE}: then no event is built. */
    private final boolean silent;
    /** The redacted URL of the last call reported: its request and its response share it. */
    private volatile RedactedUrl lastUrl;

    private String openStep;
    private int openAttempt;
    private boolean ended;

    RunEvents(WorkflowRun run, WorkflowListener listener) {
        this.run = run;
        this.listener = listener;
        this.silent = listener == WorkflowListener.NONE;
    }

    synchronized void stepStarted(String stepId, int attempt) {
        if (silent) {
            return;
        }
        openStep = stepId;
        openAttempt = attempt;
        listener.stepStarted(new StepEvent(run.workflowId(), stepId, attempt, run.elapsed()));
    }

    /** Ends the step in progress, if any, with an outcome. */
    synchronized void stepFinished(String outcome) {
        if (openStep != null && !silent) {
            String stepId = openStep;
            openStep = null;
            listener.stepFinished(new StepEvent(run.workflowId(), stepId, openAttempt, run.elapsed()), outcome);
        }
    }

    /** Ends the step in progress, if any, as followed by {@code stepId}. */
    void stepFollowed(String stepId) {
        if (!silent) {
            stepFinished("next " + stepId);
        }
    }

    void pollWaiting(String stepId, int attempt, int iteration, Duration delay) {
        if (silent) {
            return;
        }
        listener.pollWaiting(new PollEvent(run.workflowId(), stepId, attempt, iteration, delay, run.elapsed()));
    }

    void retryScheduled(String stepId, int attempt, String actionName, int retry, long limit, Duration delay) {
        if (silent) {
            return;
        }
        stepFinished("retry");
        listener.retryScheduled(
                new RetryEvent(run.workflowId(), stepId, attempt, actionName, retry, limit, delay, run.elapsed()));
    }

    void requestSent(String stepId, int attempt, HttpCall call) {
        if (silent) {
            return;
        }
        listener.requestSent(
                new RequestEvent(run.workflowId(), stepId, attempt, call.method(), url(call), run.elapsed()));
    }

    /**
     * Reports a response, or an exchange that failed.
     *
     * @param status the status, or -1
     * @param startNanos when the request was sent
     * @param error the redacted failure, or {@code null}
     * @param from the URL the response came from when redirects led away from the call's, else {@code null}
     */
    void responseReceived(
            String stepId, int attempt, HttpCall call, int status, long startNanos, String error, URI from) {
        if (silent) {
            return;
        }
        listener.responseReceived(new ResponseEvent(
                run.workflowId(),
                stepId,
                attempt,
                call.method(),
                from == null || from == call.uri() ? url(call) : run.redactUrl(from),
                status,
                Duration.ofNanos(System.nanoTime() - startNanos),
                error,
                run.elapsed()));
    }

    /** Reports that the run finished, unless its end was reported already. */
    void finished() {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        RunScope.leave(run);
        stepFinished("end");
        listener.workflowFinished(workflowEvent());
    }

    /**
     * Reports that the run failed, unless its end was reported already.
     *
     * @param failure the failure
     * @return the failure, for the caller to throw
     */
    WorkflowException failed(WorkflowException failure) {
        synchronized (this) {
            if (ended) {
                return failure;
            }
            ended = true;
        }
        RunScope.leave(run);
        stepFinished("failed");
        listener.workflowFailed(workflowEvent(), failure);
        return failure;
    }

    private WorkflowEvent workflowEvent() {
        return new WorkflowEvent(run.workflowId(), run.stepExecutions(), run.loopIterations(), run.elapsed());
    }

    private String url(HttpCall call) {
        RedactedUrl last = lastUrl;
        if (last != null && last.call() == call) {
            return last.url();
        }
        String url = run.redactUrl(call.uri());
        lastUrl = new RedactedUrl(call, url);
        return url;
    }

    private record RedactedUrl(HttpCall call, String url) {}
}
