package dev.weft.runtime.http;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread that ends response bodies still arriving when their exchange's time is up: the JDK
 * client's request timeout stops at the response headers, and a server may then send its body one byte a
 * second.
 */
final class BodyTimer {

    private static final ScheduledThreadPoolExecutor TIMER = create();

    private BodyTimer() {}

    /**
     * Runs a task after a delay.
     *
     * @param task the task; it runs on the timer thread, so must be quick
     * @param nanos the delay
     * @return the scheduled task, to cancel when the body is complete
     */
    static ScheduledFuture<?> schedule(Runnable task, long nanos) {
        return TIMER.schedule(task, nanos, TimeUnit.NANOSECONDS);
    }

    private static ScheduledThreadPoolExecutor create() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "weft-body-timer");
            thread.setDaemon(true);
            return thread;
        });
        // a body that completes cancels its task: drop it at once, so that the queue holds only live ones
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
