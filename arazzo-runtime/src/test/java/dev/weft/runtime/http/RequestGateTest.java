package dev.weft.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The places of requests in flight to one origin: granted up to the bound, then in order, never leaked. */
class RequestGateTest {

    private static final String ORIGIN = "http://example.com:80";

    @Test
    void grantsUpToTheBoundThenInOrderOfArrival() {
        RequestGate gate = new RequestGate(2);
        assertTrue(gate.enter(ORIGIN).isDone());
        assertTrue(gate.enter(ORIGIN).isDone());
        CompletableFuture<Void> third = gate.enter(ORIGIN);
        CompletableFuture<Void> fourth = gate.enter(ORIGIN);
        assertFalse(third.isDone());
        assertFalse(fourth.isDone());
        assertEquals(2, gate.waiting(ORIGIN));

        gate.leave(ORIGIN);
        assertTrue(third.isDone());
        assertFalse(fourth.isDone());
        gate.leave(ORIGIN);
        assertTrue(fourth.isDone());
        assertEquals(2, gate.taken(ORIGIN));

        gate.leave(ORIGIN);
        gate.leave(ORIGIN);
        assertEquals(0, gate.taken(ORIGIN));
        assertEquals(0, gate.waiting(ORIGIN));
        assertTrue(gate.enter(ORIGIN).isDone(), "all places free again");
    }

    @Test
    void aPlaceLeftWithNobodyWaitingIsFreeForTheNextRequest() {
        RequestGate gate = new RequestGate(1);
        for (int i = 0; i < 3; i++) {
            assertTrue(gate.enter(ORIGIN).isDone());
            assertEquals(1, gate.taken(ORIGIN));
            gate.leave(ORIGIN);
            assertEquals(0, gate.taken(ORIGIN));
        }
        gate.leave(ORIGIN); // a stray leave frees nothing that is not taken
        assertEquals(0, gate.taken(ORIGIN));
        assertTrue(gate.enter(ORIGIN).isDone());
        assertFalse(gate.enter(ORIGIN).isDone());
    }

    @Test
    void theOriginOfTheLastUriIsKeptAndEveryOtherComputed() {
        RequestGate gate = new RequestGate(1);
        URI poll = URI.create("HTTP://Example.COM/jobs/1");
        assertEquals("http://example.com:80", gate.originOf(poll));
        assertEquals("http://example.com:80", gate.originOf(poll));
        assertEquals("https://example.com:8443", gate.originOf(URI.create("https://example.com:8443/jobs/1")));
        assertEquals("http://example.com:80", gate.originOf(URI.create("http://example.com/jobs/2")));
    }

    @Test
    void aWaiterThatGaveUpIsSkipped() {
        RequestGate gate = new RequestGate(1);
        gate.enter(ORIGIN);
        CompletableFuture<Void> gaveUp = gate.enter(ORIGIN);
        CompletableFuture<Void> next = gate.enter(ORIGIN);
        assertTrue(gaveUp.completeExceptionally(new RuntimeException("timed out")));
        gate.abandon(ORIGIN, gaveUp);
        assertEquals(1, gate.waiting(ORIGIN));

        gate.leave(ORIGIN);
        assertTrue(next.isDone());
        assertFalse(next.isCompletedExceptionally());
        assertEquals(1, gate.taken(ORIGIN));
    }

    @Test
    void aPlaceGrantedAsItsWaiterGaveUpIsHandedOn() {
        RequestGate gate = new RequestGate(1);
        gate.enter(ORIGIN);
        CompletableFuture<Void> late = gate.enter(ORIGIN);
        CompletableFuture<Void> next = gate.enter(ORIGIN);
        gate.leave(ORIGIN);
        // the waiter's timeout fires an instant too late: the place is its own, and it hands it on
        assertFalse(late.completeExceptionally(new RuntimeException("timed out")));
        gate.abandon(ORIGIN, late);
        assertTrue(next.isDone());
        assertEquals(1, gate.taken(ORIGIN));
        gate.leave(ORIGIN);
        assertEquals(0, gate.taken(ORIGIN));
    }

    @Test
    void aWaiterThatGivesUpWhileThePlaceIsHandedOnDoesNotTakeIt() {
        RequestGate gate = new RequestGate(1);
        gate.enter(ORIGIN);
        CompletableFuture<Void> gaveUp = gate.enter(ORIGIN);
        CompletableFuture<Void> next = gate.enter(ORIGIN);
        // given up but not yet abandoned when the place comes free
        gaveUp.completeExceptionally(new RuntimeException("cancelled"));
        gate.leave(ORIGIN);
        gate.abandon(ORIGIN, gaveUp);
        assertTrue(next.isDone());
        assertFalse(next.isCompletedExceptionally());
        assertEquals(1, gate.taken(ORIGIN));
        assertEquals(0, gate.waiting(ORIGIN));
    }

    @Test
    void callsThatEndAsTheirPlaceIsGrantedDoNotDeepenTheStack() {
        RequestGate gate = new RequestGate(1);
        gate.enter(ORIGIN);
        AtomicInteger ran = new AtomicInteger();
        List<CompletableFuture<Void>> waiters = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            CompletableFuture<Void> place = gate.enter(ORIGIN);
            // a call that fails at once (an invalid request) leaves on the thread that granted it
            place.thenRun(() -> {
                ran.incrementAndGet();
                gate.leave(ORIGIN);
            });
            waiters.add(place);
        }
        gate.leave(ORIGIN);
        assertEquals(50_000, ran.get());
        assertTrue(waiters.stream().allMatch(CompletableFuture::isDone));
        assertEquals(0, gate.taken(ORIGIN));
    }

    @Test
    void originsAreCountedApart() {
        RequestGate gate = new RequestGate(1);
        assertTrue(gate.enter("http://a:80").isDone());
        assertTrue(gate.enter("http://b:80").isDone());
        assertFalse(gate.enter("http://a:80").isDone());
    }

    @Test
    void anOriginIsSchemeHostAndPortWithTheDefaultPort() {
        assertEquals(
                RequestGate.origin(URI.create("HTTP://Example.COM/a?x=1")),
                RequestGate.origin(URI.create("http://example.com:80/b")));
        assertEquals("https://example.com:443", RequestGate.origin(URI.create("https://user:pw@example.com/x")));
        assertNotEquals(
                RequestGate.origin(URI.create("http://example.com:8080/")),
                RequestGate.origin(URI.create("http://example.com/")));
    }

    @Test
    void theBoundIsPositive() {
        assertThrows(IllegalArgumentException.class, () -> new RequestGate(0));
    }
}
