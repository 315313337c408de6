package dev.weft.runtime.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The one daemon thread that ends the exchanges whose time is up, the response headers' wait and the body's
 * arrival alike: a server may send nothing, or its body one byte a second.
 *
 * <p>The JDK client's own request timeout registers a timer with its selector thread, and so wakes that thread,
 * for every request; a task scheduled per request would wake a timer thread as often (each new task heads an
 * otherwise empty queue). Either costs a context switch per request on a small machine. This thread instead looks
 * at the exchanges in flight every 100 ms, or sooner when the nearest deadline is sooner: watching costs an add to
 * and a remove from a concurrent set, and a wake-up only for a deadline nearer than the thread's next look. After
 * 5 s without exchanges it parks until the next one.
 */
final class DeadlineTimer {

    private static final long TICK_NANOS = 100_000_000L;
    private static final long IDLE_NANOS = 5_000_000_000L;
    /** Far enough ahead to stand for "until unparked", near enough not to overflow a difference of nanoTimes. */
    private static final long FAR_NANOS = Long.MAX_VALUE / 4;

    private static final Set<Flight> WATCHED = ConcurrentHashMap.newKeySet();
    private static volatile Thread thread;
    /** The {@link System#nanoTime()} the thread sleeps until. */
    private static volatile long wakesAt;

    private DeadlineTimer() {}

    /**
     * Watches a flight until {@link #unwatch}: once its deadline passes, the timer {@link Flight#expire expires}
     * it.
     *
     * @param flight the flight, which has a deadline
     */
    static void watch(Flight flight) {
        WATCHED.add(flight);
        Thread t = thread;
        if (t == null) {
            start();
        } else if (flight.deadlineNanos() - wakesAt < 0) {
            LockSupport.unpark(t);
        }
    }

    /**
     * Stops watching a flight, which ended.
     *
     * @param flight the flight
     */
    static void unwatch(Flight flight) {
        WATCHED.remove(flight);
    }

    private static synchronized void start() {
        if (thread == null) {
            Thread t = new Thread(DeadlineTimer::loop, "weft-deadline-timer");
            t.setDaemon(true);
            thread = t;
            t.start();
        }
    }

    private static void loop() {
        long emptySince = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            long next = now + TICK_NANOS;
            if (WATCHED.isEmpty()) {
                if (now - emptySince > IDLE_NANOS) {
                    wakesAt = now + FAR_NANOS;
                    // a flight watched after this check sees wakesAt and unparks the thread: none waits unwatched
                    if (WATCHED.isEmpty()) {
                        LockSupport.park(DeadlineTimer.class);
                    }
                    emptySince = System.nanoTime();
                    continue;
                }
            } else {
                emptySince = now;
                for (Flight flight : WATCHED) {
                    long deadline = flight.deadlineNanos();
                    if (now - deadline >= 0) {
                        WATCHED.remove(flight);
                        expire(flight);
                    } else if (deadline - next < 0) {
                        next = deadline;
                    }
                }
            }
            wakesAt = next;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                LockSupport.parkNanos(DeadlineTimer.class, sleep);
            }
        }
    }

    private static void expire(Flight flight) {
        try {
            flight.expire();
        } catch (RuntimeException e) {
            // never expected (a future's dependents keep their own failures); it must not stop every other timer
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        }
    }

    /** @return how many flights the timer watches, for tests */
    static int watched() {
        return WATCHED.size();
    }
}
