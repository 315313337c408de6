package dev.weft.runtime.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The one daemon thread that ends response bodies still arriving when their exchange's time is up: the JDK
 * client's request timeout stops at the response headers, and a server may then send its body one byte a
 * second.
 *
 * <p>It looks at the bodies in flight every 100 ms rather than scheduling a task per body: a scheduled task
 * would wake a timer thread on every request (each new task heads an otherwise empty queue), which costs a
 * context switch per request on a small machine; watching costs an add to and a remove from a concurrent set.
 * A deadline is therefore kept within 100 ms. After 5 s without bodies the thread parks until the next one.
 */
final class BodyTimer {

    private static final long TICK_NANOS = 100_000_000L;
    private static final long IDLE_NANOS = 5_000_000_000L;

    private static final Set<LimitedBodySubscriber> WATCHED = ConcurrentHashMap.newKeySet();
    private static volatile Thread thread;
    private static volatile boolean parked;

    private BodyTimer() {}

    /**
     * Watches a body until {@link #unwatch}: past its deadline, the timer fails it.
     *
     * @param body the body
     */
    static void watch(LimitedBodySubscriber body) {
        WATCHED.add(body);
        Thread t = thread;
        if (t == null) {
            start();
        } else if (parked) {
            LockSupport.unpark(t);
        }
    }

    /**
     * Stops watching a body, which completed or failed.
     *
     * @param body the body
     */
    static void unwatch(LimitedBodySubscriber body) {
        WATCHED.remove(body);
    }

    private static synchronized void start() {
        if (thread == null) {
            Thread t = new Thread(BodyTimer::loop, "weft-body-timer");
            t.setDaemon(true);
            thread = t;
            t.start();
        }
    }

    private static void loop() {
        long emptySince = System.nanoTime();
        while (true) {
            if (WATCHED.isEmpty()) {
                if (System.nanoTime() - emptySince > IDLE_NANOS) {
                    parked = true;
                    // a body watched after this check unparks the thread, so none waits unwatched
                    if (WATCHED.isEmpty()) {
                        LockSupport.park(BodyTimer.class);
                    }
                    parked = false;
                    emptySince = System.nanoTime();
                    continue;
                }
            } else {
                emptySince = System.nanoTime();
                long now = emptySince;
                for (LimitedBodySubscriber body : WATCHED) {
                    if (now - body.deadlineNanos() >= 0) {
                        body.run();
                    }
                }
            }
            LockSupport.parkNanos(BodyTimer.class, TICK_NANOS);
        }
    }
}
