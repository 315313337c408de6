package dev.weft.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class VirtualClockTest {

    @Test
    void waitsMoveTheTimeAtOnceAndAreKept() throws Exception {
        VirtualClock clock = new VirtualClock(Instant.parse("2030-05-01T12:00:00Z"));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            long start = System.nanoTime();
            clock.sleep(Duration.ofHours(1));
            CompletableFuture<Void> delayed = clock.delay(Duration.ofMinutes(30), pool);
            delayed.get(2, TimeUnit.SECONDS);
            clock.advance(Duration.ofSeconds(5));
            assertTrue(System.nanoTime() - start < 2_000_000_000L, "no wall time");
            assertEquals(List.of(Duration.ofHours(1), Duration.ofMinutes(30)), clock.waits());
            assertEquals(Duration.ofMinutes(90), clock.totalWaited());
            assertEquals(Duration.ofMinutes(90).plusSeconds(5), clock.elapsed());
            assertEquals(Instant.parse("2030-05-01T13:30:05Z"), clock.instant());
            assertEquals(clock.elapsed().toNanos(), clock.nanoTime());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void timeNeitherGoesBackNorWrapsRound() {
        VirtualClock clock = new VirtualClock();
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
        clock.sleep(Duration.ofDays(36_500));
        clock.sleep(Duration.ofDays(36_500));
        clock.sleep(Duration.ofDays(36_500));
        clock.sleep(Duration.ofSeconds(Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, clock.nanoTime(), "saturated, not negative");
    }
}
