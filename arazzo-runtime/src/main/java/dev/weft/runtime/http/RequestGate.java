package dev.weft.runtime.http;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The places for requests in flight to each origin (scheme, host and port): at most {@code max} at once, further
 * requests waiting in order of arrival. The JDK's client opens a connection per request in flight, each with its
 * own buffers (about 30 KB of heap): without a bound, 10,000 runs polling at once hold 10,000 connections.
 *
 * <p>A place is a future, complete when granted: a waiter that gives up (its timeout passed, its run was
 * cancelled) completes it exceptionally, and a place granted at that instant is handed on by {@link #abandon}. A
 * place is held only while one call is in flight (its redirects and its body included), never while a run waits
 * for anything else, so that runs cannot wait on each other.
 */
final class RequestGate {

    /** A place granted at once; never completed otherwise, so shared. */
    private static final CompletableFuture<Void> GRANTED = CompletableFuture.completedFuture(null);

    /** The places handed on by this thread's {@link #leave} and not yet granted, so that granting never nests. */
    private static final ThreadLocal<ArrayDeque<Grant>> HANDING_ON = new ThreadLocal<>();

    /** A place handed on to a waiter, granted outside the lock. */
    private record Grant(String origin, CompletableFuture<Void> place) {}

    private final int max;
    /** By origin, the places taken and the waiters, only while any is; guarded by {@code this}. */
    private final Map<String, Origin> origins = new HashMap<>();

    private static final class Origin {
        int taken;
        final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    }

    RequestGate(int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("maxRequestsPerOrigin must be positive, was " + max);
        }
        this.max = max;
    }

    int max() {
        return max;
    }

    /** The last URI {@link #originOf} was asked about, and its origin: a poll loop asks about one URI. */
    private volatile Known last;

    private record Known(URI uri, String origin) {}

    /** Like {@link #origin}, computed once for a URI asked about twice in a row. */
    String originOf(URI uri) {
        Known known = last;
        if (known != null && known.uri() == uri) {
            return known.origin();
        }
        String origin = origin(uri);
        last = new Known(uri, origin);
        return origin;
    }

    /** The origin a URI's requests count against: scheme, host and port, the scheme's default port for none. */
    static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + Flight.port(uri);
    }

    /**
     * Asks for a place.
     *
     * @param origin the origin
     * @return a future complete once the place is granted; whoever gets it must {@link #leave} once
     */
    CompletableFuture<Void> enter(String origin) {
        synchronized (this) {
            Origin o = origins.computeIfAbsent(origin, k -> new Origin());
            if (o.taken < max) {
                o.taken++;
                return GRANTED;
            }
            CompletableFuture<Void> place = new CompletableFuture<>();
            o.waiting.add(place);
            return place;
        }
    }

    /**
     * Gives up a place waited for, whose future the caller has completed exceptionally or tried to: if it was
     * granted first, it is handed on.
     *
     * @param origin the origin
     * @param place the future {@link #enter} returned
     */
    void abandon(String origin, CompletableFuture<Void> place) {
        if (place.isCompletedExceptionally()) {
            synchronized (this) {
                Origin o = origins.get(origin);
                if (o != null) {
                    o.waiting.remove(place);
                    forgetIfIdle(origin, o);
                }
            }
        } else if (place.isDone()) {
            leave(origin);
        }
    }

    /**
     * Frees a place: the first waiter still waiting gets it.
     *
     * @param origin the origin
     */
    void leave(String origin) {
        CompletableFuture<Void> next = nextWaiter(origin);
        if (next == null) {
            return; // the place is free: nobody waited for it
        }
        ArrayDeque<Grant> pending = HANDING_ON.get();
        if (pending != null) {
            // a waiter granted by this thread's leave just ended its call synchronously: no deeper stack
            pending.add(new Grant(origin, next));
            return;
        }
        pending = new ArrayDeque<>(2);
        HANDING_ON.set(pending);
        try {
            Grant grant = new Grant(origin, next);
            do {
                grant(grant);
            } while ((grant = pending.poll()) != null);
        } finally {
            HANDING_ON.remove();
        }
    }

    /** Grants a place handed on, outside the lock (granting runs the waiter's call). */
    private void grant(Grant grant) {
        CompletableFuture<Void> place = grant.place();
        while (place != null && !place.complete(null)) {
            // it gave up at this instant: the next one
            place = nextWaiter(grant.origin());
        }
    }

    /** Takes the first waiter for a place of an origin being left, or frees the place when none waits. */
    private synchronized CompletableFuture<Void> nextWaiter(String origin) {
        Origin o = origins.get(origin);
        if (o == null) {
            return null;
        }
        CompletableFuture<Void> next = o.waiting.poll();
        if (next == null) {
            o.taken--;
            forgetIfIdle(origin, o);
        }
        return next;
    }

    private void forgetIfIdle(String origin, Origin o) {
        if (o.taken == 0 && o.waiting.isEmpty()) {
            origins.remove(origin);
        }
    }

    /** @return the places taken for an origin, for tests */
    synchronized int taken(String origin) {
        Origin o = origins.get(origin);
        return o == null ? 0 : o.taken;
    }

    /** @return the waiters for an origin, for tests */
    synchronized int waiting(String origin) {
        Origin o = origins.get(origin);
        return o == null ? 0 : o.waiting.size();
    }
}
