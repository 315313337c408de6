package dev.weft.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    @Test
    void readsDelaySeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse(" 7 "));
    }

    @Test
    void readsAnHttpDate() {
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        Duration wait = RetryAfter.parse(inTenSeconds).orElseThrow();
        assertTrue(
                wait.compareTo(Duration.ofSeconds(8)) > 0 && wait.compareTo(Duration.ofSeconds(11)) < 0,
                wait.toString());
    }

    @Test
    void aPastDateMeansNoWait() {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT"));
    }

    @Test
    void ignoresGarbage() {
        assertEquals(Optional.empty(), RetryAfter.parse("soon"));
        assertEquals(Optional.empty(), RetryAfter.parse(null));
        assertEquals(Optional.empty(), RetryAfter.parse("-5"));
        // digits of other scripts are not delay-seconds, though Long.parseLong reads them
        assertEquals(Optional.empty(), RetryAfter.parse("\u0667"));
    }

    /** Any number of seconds a server names is cut to the longest wait, never an overflow. */
    @Test
    void hugeDelaysAreCutToTheLongestWait() {
        for (String huge : new String[] {
            "9223372036854775807",
            "9223372036854775808",
            "99999999999999999999999",
            "00000000000000000000000031536000000"
        }) {
            assertEquals(Optional.of(Durations.MAX_WAIT), RetryAfter.parse(huge), huge);
        }
        assertEquals(Optional.of(Duration.ofSeconds(31_536_000)), RetryAfter.parse("000031536000"));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("0"));
        assertEquals(Optional.of(Durations.MAX_WAIT), RetryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT"));
    }

    @Test
    void durationArithmeticSaturates() {
        Duration longest = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
        assertEquals(Duration.ofSeconds(Long.MAX_VALUE), Durations.plus(longest, longest));
        assertEquals(Long.MAX_VALUE, Durations.toNanos(longest));
        assertEquals(1_500_000_000L, Durations.toNanos(Duration.ofMillis(1500)));
        assertEquals(Duration.ZERO, Durations.ofSeconds(Double.NaN));
        assertEquals(Duration.ZERO, Durations.ofSeconds(-3));
        assertEquals(Durations.MAX_WAIT, Durations.ofSeconds(Double.POSITIVE_INFINITY));
        assertEquals(Durations.MAX_WAIT, Durations.ofSeconds(Double.MAX_VALUE));
        assertEquals(Duration.ofMillis(50), Durations.ofSeconds(0.05));
        assertEquals(Duration.ZERO, Durations.clampWait(Duration.ofSeconds(-1)));
        assertEquals(Durations.MAX_WAIT, Durations.clampWait(longest));
    }
}
