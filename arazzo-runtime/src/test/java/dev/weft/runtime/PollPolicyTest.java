package dev.weft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollPolicyTest {

    @Test
    void defaults() {
        assertEquals(
                new PollPolicy(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(10), 1000, Duration.ofMinutes(15)),
                PollPolicy.defaults());
        assertEquals(Duration.ZERO, PollPolicy.noDelay().delayBeforeIteration(500));
        assertEquals(1000, PollPolicy.noDelay().maxIterations());
    }

    @Test
    void noInitialDelayMeansNoDelayAtAnyIteration() {
        PollPolicy p = PollPolicy.noDelay().withBackoffMultiplier(3.0).withMaxDelay(Duration.ofMinutes(1));
        assertEquals(Duration.ZERO, p.delayBeforeIteration(1));
        assertEquals(Duration.ZERO, p.delayBeforeIteration(10_000));
        assertEquals(Duration.ZERO, p.withBackoffMultiplier(Double.MAX_VALUE).delayBeforeIteration(Integer.MAX_VALUE));
    }

    @Test
    void backoffGrowsAndIsCapped() {
        PollPolicy p = PollPolicy.defaults();
        assertEquals(Duration.ofSeconds(1), p.delayBeforeIteration(1));
        assertEquals(Duration.ofMillis(1500), p.delayBeforeIteration(2));
        assertEquals(Duration.ofMillis(2250), p.delayBeforeIteration(3));
        assertEquals(Duration.ofSeconds(10), p.delayBeforeIteration(7));
        assertEquals(Duration.ofSeconds(10), p.delayBeforeIteration(Integer.MAX_VALUE));
        PollPolicy flat = p.withBackoffMultiplier(1.0).withInitialDelay(Duration.ofMillis(50));
        assertEquals(Duration.ofMillis(50), flat.delayBeforeIteration(100));
        assertThrows(IllegalArgumentException.class, () -> p.delayBeforeIteration(0));
    }

    @Test
    void withers() {
        PollPolicy p = PollPolicy.noDelay()
                .withMaxIterations(3)
                .withDeadline(Duration.ofSeconds(2))
                .withMaxDelay(Duration.ofSeconds(1));
        assertEquals(3, p.maxIterations());
        assertEquals(Duration.ofSeconds(2), p.deadline());
        assertEquals(Duration.ofSeconds(1), p.maxDelay());
    }

    @Test
    void validates() {
        PollPolicy p = PollPolicy.defaults();
        assertThrows(IllegalArgumentException.class, () -> p.withInitialDelay(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> p.withBackoffMultiplier(0.5));
        assertThrows(IllegalArgumentException.class, () -> p.withBackoffMultiplier(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> p.withMaxIterations(0));
        assertThrows(IllegalArgumentException.class, () -> p.withDeadline(Duration.ofMillis(-1)));
        assertThrows(NullPointerException.class, () -> p.withMaxDelay(null));
    }
}
