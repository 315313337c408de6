package dev.weft.runtime;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** The listeners of a client, called in order, each shielded so that one that throws cannot break a run. */
final class Listeners implements WorkflowListener {

    private static final Logger LOGGER = System.getLogger(LoggingListener.LOGGER_NAME);

    private final List<WorkflowListener> listeners;
    private final AtomicBoolean warned = new AtomicBoolean();

    Listeners(List<WorkflowListener> listeners) {
        this.listeners = List.copyOf(listeners);
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
                // warn once per client, then quietly: a broken listener must neither stop runs nor flood logs
                Level level = warned.compareAndSet(false, true) ? Level.WARNING : Level.DEBUG;
                LOGGER.log(
                        level,
                        "workflow listener " + listener.getClass().getName()
                                + " threw; the run goes on and further failures are logged at DEBUG",
                        e);
            }
        }
    }
}
