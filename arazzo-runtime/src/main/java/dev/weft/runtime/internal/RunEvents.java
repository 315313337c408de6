package dev.weft.runtime.internal;

import dev.weft.runtime.MessageEvent;
import dev.weft.runtime.PollEvent;
import dev.weft.runtime.RequestEvent;
import dev.weft.runtime.ResponseCheckEvent;
import dev.weft.runtime.ResponseEvent;
import dev.weft.runtime.ResponseFinding;
import dev.weft.runtime.RetryEvent;
import dev.weft.runtime.StepEvent;
import dev.weft.runtime.WorkflowEvent;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.WorkflowListener;
import dev.weft.runtime.http.HttpCall;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reports a run's events to the client's listener with URLs redacted, keeping the step in progress so that it
 * can say how the step ended, and reporting the end of the run once; builds no event its listener does not want.
 */
final class RunEvents {

    private final WorkflowRun run;
    /** The run's own listener: what the client's returned from {@code workflowStarted}. */
    private final WorkflowListener listener;
    /** Whether the client has no listener but {@link WorkflowListener#NONE}: then no event is built. */
    private final boolean silent;
    /** The redacted URL of the last call reported: its request and its response share it. */
    private volatile RedactedUrl lastUrl;

    private String openStep;
    private int openAttempt;
    private boolean ended;

    /**
     * Starts reporting a run's events.
     *
     * @param clientListener the client's listener
     * @param caller the events of the run that calls this one, or {@code null}
     */
    RunEvents(WorkflowRun run, WorkflowListener clientListener, RunEvents caller) {
        this.run = run;
        this.silent = clientListener == WorkflowListener.NONE;
        WorkflowListener own = silent
                ? clientListener
                : clientListener.workflowStarted(
                        new WorkflowEvent(run.workflowId(), 0, 0, Duration.ZERO),
                        caller == null ? null : caller.listener);
        this.listener = own == null ? clientListener : own;
    }

    private boolean wants(Class<?> eventType) {
        return !silent && listener.wants(eventType);
    }

    synchronized void stepStarted(String stepId, int attempt) {
        if (silent) {
            return;
        }
        openStep = stepId;
        openAttempt = attempt;
        if (listener.wants(StepEvent.class)) {
            listener.stepStarted(new StepEvent(run.workflowId(), stepId, attempt, run.elapsed()));
        }
    }

    /** Ends the step in progress, if any, with an outcome. */
    void stepFinished(String outcome) {
        stepFinished(outcome, null);
    }

    /** Ends the step in progress, if any, with the outcome {@code outcome + next}, built only when wanted. */
    private synchronized void stepFinished(String outcome, String next) {
        if (openStep != null && !silent) {
            String stepId = openStep;
            openStep = null;
            if (listener.wants(StepEvent.class)) {
                listener.stepFinished(
                        new StepEvent(run.workflowId(), stepId, openAttempt, run.elapsed()),
                        next == null ? outcome : outcome + next);
            }
        }
    }

    /** Ends the step in progress, if any, as followed by {@code stepId}. */
    void stepFollowed(String stepId) {
        if (!silent) {
            stepFinished("next ", stepId);
        }
    }

    void pollWaiting(String stepId, int attempt, int iteration, Duration delay) {
        if (!wants(PollEvent.class)) {
            return;
        }
        listener.pollWaiting(new PollEvent(run.workflowId(), stepId, attempt, iteration, delay, run.elapsed()));
    }

    void retryScheduled(String stepId, int attempt, String actionName, int retry, long limit, Duration delay) {
        if (silent) {
            return;
        }
        stepFinished("retry");
        if (!listener.wants(RetryEvent.class)) {
            return;
        }
        listener.retryScheduled(
                new RetryEvent(run.workflowId(), stepId, attempt, actionName, retry, limit, delay, run.elapsed()));
    }

    /**
     * Reports a request about to be sent and adds the headers the listener asks for.
     *
     * @return the call to send: {@code call}, or a copy with the listener's headers that it lacked
     */
    HttpCall requestSent(String stepId, int attempt, HttpCall call) {
        if (!wants(RequestEvent.class)) {
            return call;
        }
        RequestEvent event = new RequestEvent(
                run.workflowId(),
                stepId,
                attempt,
                call.method(),
                url(call),
                run.elapsed(),
                call.step() == null ? null : call.step().operationId(),
                call.step() == null ? null : call.step().pathTemplate());
        listener.requestSent(event);
        Map<String, String> extra = listener.requestHeaders(event);
        return extra == null || extra.isEmpty() ? call : withHeaders(call, extra);
    }

    /** The call with the headers it does not have yet appended; one that is not printable ASCII is left out. */
    private static HttpCall withHeaders(HttpCall call, Map<String, String> extra) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(call.headers());
        extra.forEach((name, value) -> {
            if (name != null && value != null && call.header(name) == null && isAscii(name) && isAscii(value)) {
                headers.add(Map.entry(name, value));
            }
        });
        return headers.size() == call.headers().size()
                ? call
                : new HttpCall(
                        call.method(), call.uri(), headers, call.body(), call.timeout(), call.secrets(), call.step());
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7E) {
                return false;
            }
        }
        return true;
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
        if (!wants(ResponseEvent.class)) {
            return;
        }
        listener.responseReceived(new ResponseEvent(
                run.workflowId(),
                stepId,
                attempt,
                call.method(),
                from == null || from == call.uri() ? url(call) : run.redactUrl(from),
                status,
                Duration.ofNanos(run.client().clock().nanoTime() - startNanos),
                error,
                run.elapsed()));
    }

    /**
     * Reports an AsyncAPI step's message, sent or received, or the failure to.
     *
     * @param startNanos when the send or the wait started
     * @param error the failure (its message is redacted here), or {@code null}
     */
    void messageExchanged(MessageStep step, long startNanos, WorkflowException error) {
        if (!wants(MessageEvent.class)) {
            return;
        }
        listener.messageExchanged(new MessageEvent(
                run.workflowId(),
                step.stepId(),
                run.attempt(step.stepId()),
                step.action() == MessageStep.Action.SEND ? "send" : "receive",
                step.channel(),
                step.operationId(),
                Duration.ofNanos(run.client().clock().nanoTime() - startNanos),
                error == null ? null : run.failures().redact(error.getMessage()),
                run.elapsed()));
    }

    /** Reports a finding of the client's response inspector; its message is redacted already. */
    void responseChecked(String stepId, int attempt, int status, ResponseFinding finding) {
        if (!wants(ResponseCheckEvent.class)) {
            return;
        }
        listener.responseChecked(new ResponseCheckEvent(
                run.workflowId(),
                stepId,
                attempt,
                status,
                finding.check(),
                finding.severity(),
                finding.message(),
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
        if (wants(WorkflowEvent.class)) {
            listener.workflowFinished(workflowEvent());
        }
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
        if (wants(WorkflowEvent.class)) {
            listener.workflowFailed(workflowEvent(), failure);
        }
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
