package dev.weft.runtime;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** The listeners of a client, called in order, each shielded so that one that throws cannot break a run. */
final class Listeners implements WorkflowListener {

    private static final Logger LOGGER = System.getLogger(LoggingListener.LOGGER_NAME);

    private final List<WorkflowListener> listeners;
    /** Shared by the client's listeners and the per-run ones made from them: one warning per client. */
    private final AtomicBoolean warned;

    Listeners(List<WorkflowListener> listeners) {
        this(listeners, new AtomicBoolean());
    }

    private Listeners(List<WorkflowListener> listeners, AtomicBoolean warned) {
        this.listeners = List.copyOf(listeners);
        this.warned = warned;
    }

    @Override
    public boolean wants(Class<?> eventType) {
        for (WorkflowListener listener : listeners) {
            try {
                if (listener.wants(eventType)) {
                    return true;
                }
            } catch (RuntimeException e) {
                warn(listener, e);
                return true;
            }
        }
        return false;
    }

    /** Asks each listener for its listener of the run; the caller, if any, is what this method returned before. */
    @Override
    public WorkflowListener workflowStarted(WorkflowEvent event, WorkflowListener caller) {
        List<WorkflowListener> callers =
                caller instanceof Listeners c && c.listeners.size() == listeners.size() ? c.listeners : null;
        List<WorkflowListener> forRun = null;
        for (int i = 0; i < listeners.size(); i++) {
            WorkflowListener listener = listeners.get(i);
            WorkflowListener own = listener;
            try {
                WorkflowListener returned = listener.workflowStarted(event, callers == null ? null : callers.get(i));
                own = returned == null ? listener : returned;
            } catch (RuntimeException e) {
                warn(listener, e);
            }
            if (own != listener && forRun == null) {
                forRun = new ArrayList<>(listeners.subList(0, i));
            }
            if (forRun != null) {
                forRun.add(own);
            }
        }
        return forRun == null ? this : new Listeners(forRun, warned);
    }

    @Override
    public Map<String, String> requestHeaders(RequestEvent event) {
        Map<String, String> all = Map.of();
        for (WorkflowListener listener : listeners) {
            try {
                Map<String, String> headers = listener.requestHeaders(event);
                if (headers != null && !headers.isEmpty()) {
                    if (all.isEmpty()) {
                        all = new LinkedHashMap<>();
                    }
                    // the first listener to name a header sets it
                    headers.forEach(all::putIfAbsent);
                }
            } catch (RuntimeException e) {
                warn(listener, e);
            }
        }
        return all;
    }

    @Override
    public void stepStarted(StepEvent event) {
        each(l -> l.stepStarted(event));
    }

    @Override
    public void stepFinished(StepEvent event, String outcome) {
        each(l -> l.stepFinished(event, outcome));
    }

    @Override
    public void requestSent(RequestEvent event) {
        each(l -> l.requestSent(event));
    }

    @Override
    public void responseReceived(ResponseEvent event) {
        each(l -> l.responseReceived(event));
    }

    @Override
    public void messageExchanged(MessageEvent event) {
        each(l -> l.messageExchanged(event));
    }

    @Override
    public void responseChecked(ResponseCheckEvent event) {
        each(l -> l.responseChecked(event));
    }

    @Override
    public void retryScheduled(RetryEvent event) {
        each(l -> l.retryScheduled(event));
    }

    @Override
    public void pollWaiting(PollEvent event) {
        each(l -> l.pollWaiting(event));
    }

    @Override
    public void workflowFinished(WorkflowEvent event) {
        each(l -> l.workflowFinished(event));
    }

    @Override
    public void workflowFailed(WorkflowEvent event, WorkflowException failure) {
        each(l -> l.workflowFailed(event, failure));
    }

    @Override
    public String toString() {
        return "Listeners" + listeners;
    }

    private void each(Consumer<WorkflowListener> call) {
        for (WorkflowListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (Exception e) {
                warn(listener, e);
            }
        }
    }

    private void warn(WorkflowListener listener, Exception e) {
        // warn once per client, then quietly: a broken listener must neither stop runs nor flood logs
        Level level = warned.compareAndSet(false, true) ? Level.WARNING : Level.DEBUG;
        LOGGER.log(
                level,
                "workflow listener " + listener.getClass().getName()
                        + " threw; the run goes on and further failures are logged at DEBUG",
                e);
    }
}
