package dev.weft.runtime.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 §10.2.3), cut to
 * {@code [0, Durations.MAX_WAIT]}: the value comes from a server, and a wait of {@code 9223372036854775807}
 * seconds must end in the run's deadline, not in an overflow.
 */
final class RetryAfter {

    /** More digits than this are more seconds than {@link Durations#MAX_WAIT} anyway. */
    private static final int MAX_DIGITS = 12;

    private RetryAfter() {}

    static Optional<Duration> parse(String value) {
        return parse(value, Instant.now());
    }

    /** Reads the header; an HTTP-date is measured against {@code now} (the run's clock). */
    static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            String digits = text.replaceFirst("^0+(?=.)", "");
            return Optional.of(
                    digits.length() > MAX_DIGITS
                            ? Durations.MAX_WAIT
                            : Durations.clampWait(Duration.ofSeconds(Long.parseLong(digits))));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return Optional.of(Durations.clampWait(Duration.between(now, at)));
        } catch (DateTimeParseException | ArithmeticException notADate) {
            return Optional.empty();
        }
    }
}
