package dev.weft.runtime;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;

/**
 * The default listener: logs run events through {@link System.Logger} {@code dev.weft.runtime}, quietly.
 *
 * <p>Levels: steps, requests, responses and poll waits at {@code DEBUG}, retries at {@code INFO}, failed runs at
 * {@code WARNING} (message only: the exception itself reaches the caller), findings of run-time checks
 * ({@link ResponseCheckEvent}) at {@code WARNING}. Nothing secret is logged: URLs are
 * masked by the run and header values and bodies are never part of an event.
 */
public final class LoggingListener implements WorkflowListener {

    /** The name of the logger used by default. */
    public static final String LOGGER_NAME = "dev.weft.runtime";

    private final Logger logger;

    /** Creates a listener logging to {@code System.getLogger("dev.weft.runtime")}. */
    public LoggingListener() {
        this(System.getLogger(LOGGER_NAME));
    }

    /**
     * Creates a listener logging to the given logger.
     *
     * @param logger the logger
     */
    public LoggingListener(Logger logger) {
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    /** Wants only the events its logger would log now, so that with the logger off a run builds none. */
    @Override
    public boolean wants(Class<?> eventType) {
        Level level = eventType == RetryEvent.class
                ? Level.INFO
                // a finished run logs at DEBUG, a failed one at WARNING
                : eventType == WorkflowEvent.class || eventType == ResponseCheckEvent.class
                        ? Level.WARNING
                        : Level.DEBUG;
        return logger.isLoggable(level);
    }

    @Override
    public void stepStarted(StepEvent e) {
        logger.log(Level.DEBUG, () -> step(e.workflowId(), e.stepId(), e.attempt()) + ": started");
    }

    @Override
    public void stepFinished(StepEvent e, String outcome) {
        logger.log(Level.DEBUG, () -> step(e.workflowId(), e.stepId(), e.attempt()) + ": finished, " + outcome);
    }

    @Override
    public void requestSent(RequestEvent e) {
        logger.log(
                Level.DEBUG, () -> step(e.workflowId(), e.stepId(), e.attempt()) + ": " + e.method() + " " + e.url());
    }

    @Override
    public void responseReceived(ResponseEvent e) {
        logger.log(
                Level.DEBUG,
                () -> step(e.workflowId(), e.stepId(), e.attempt()) + ": " + e.method() + " "
                        + e.url() + (e.status() >= 0 ? " -> HTTP " + e.status() : " failed: " + e.error()) + " in "
                        + millis(e.duration()));
    }

    @Override
    public void messageExchanged(MessageEvent e) {
        logger.log(
                Level.DEBUG,
                () -> step(e.workflowId(), e.stepId(), e.attempt()) + ": " + e.action() + " on channel '"
                        + e.channel() + "'" + (e.error() == null ? "" : " failed: " + e.error()) + " in "
                        + millis(e.duration()));
    }

    @Override
    public void responseChecked(ResponseCheckEvent e) {
        logger.log(
                Level.WARNING,
                () -> step(e.workflowId(), e.stepId(), e.attempt()) + ": HTTP " + e.status() + " breaks " + e.check()
                        + " (" + e.severity().name().toLowerCase(java.util.Locale.ROOT) + "): " + e.message());
    }

    @Override
    public void retryScheduled(RetryEvent e) {
        logger.log(
                Level.INFO,
                () -> step(e.workflowId(), e.stepId(), e.attempt()) + ": retry " + e.retry() + " of " + e.retryLimit()
                        + " by action '" + e.actionName() + "' in " + millis(e.delay()));
    }

    @Override
    public void pollWaiting(PollEvent e) {
        logger.log(
                Level.DEBUG,
                () -> step(e.workflowId(), e.stepId(), e.attempt()) + ": poll iteration " + e.iteration() + " waits "
                        + millis(e.delay()));
    }

    @Override
    public void workflowFinished(WorkflowEvent e) {
        logger.log(
                Level.DEBUG,
                () -> "workflow '" + e.workflowId() + "' finished after " + e.stepExecutions() + " steps in "
                        + millis(e.elapsed()));
    }

    @Override
    public void workflowFailed(WorkflowEvent e, WorkflowException failure) {
        logger.log(
                Level.WARNING,
                () -> "workflow '" + e.workflowId() + "' failed after " + e.stepExecutions() + " steps in "
                        + millis(e.elapsed()) + ": " + failure.getMessage());
    }

    private static String step(String workflowId, String stepId, int attempt) {
        return "workflow '" + workflowId + "' step '" + stepId + "' (attempt " + attempt + ")";
    }

    private static String millis(Duration d) {
        // a duration from a server may be too long for toMillis(); seconds always fit
        return d.getSeconds() < Long.MAX_VALUE / 1000 - 1 ? d.toMillis() + " ms" : d.getSeconds() + " s";
    }
}
