package dev.weft.mcp;

import java.util.concurrent.Future;

/**
 * One tool call's place in its session's table of calls in progress: the session cancels it when the client
 * sends {@code notifications/cancelled} for the call's request id, and the tool attaches its run to it.
 *
 * <p>A cancel that arrives before the run is attached cancels the run as soon as it is.
 */
final class CallSlot {

    private boolean cancelled;
    private Future<?> run;

    /**
     * Attaches the call's run; cancels it at once if the call was cancelled already.
     *
     * @param future the run
     */
    void attach(Future<?> future) {
        boolean cancelNow;
        synchronized (this) {
            run = future;
            cancelNow = cancelled;
        }
        if (cancelNow) {
            future.cancel(true);
        }
    }

    /** Cancels the call: its run, if one is attached, and any run attached later. */
    void cancel() {
        Future<?> attached;
        synchronized (this) {
            cancelled = true;
            attached = run;
        }
        if (attached != null) {
            attached.cancel(true);
        }
    }

    /** @return whether the call was cancelled */
    synchronized boolean isCancelled() {
        return cancelled;
    }
}
