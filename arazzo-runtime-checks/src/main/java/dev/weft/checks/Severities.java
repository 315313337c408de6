package dev.weft.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The severity of each {@link Check}; immutable. Every check is {@link Severity#ERROR} unless set otherwise, as in
 * Redocly respect.
 */
public final class Severities {

    /** The longest settings text read. */
    static final int MAX_SETTINGS = 4096;

    /**
     * Redocly respect's other checks, about the workflow rather than the response: accepted in settings, so that
     * respect's can be used as they are, and ignored (Weft checks success criteria itself).
     */
    static final Set<String> RESPECT_ONLY =
            Set.of("SUCCESS_CRITERIA_CHECK", "MULTIPLE_SUCCESS_CRITERIA_CHECK", "UNEXPECTED_ERROR");

    private static final Severities DEFAULTS = new Severities(new EnumMap<>(Check.class));

    private final Map<Check, Severity> set;

    private Severities(Map<Check, Severity> set) {
        Map<Check, Severity> copy = new EnumMap<>(Check.class);
        copy.putAll(set);
        this.set = Collections.unmodifiableMap(copy);
    }

    /** @return every check at {@link Severity#ERROR} */
    public static Severities defaults() {
        return DEFAULTS;
    }

    /**
     * Reads settings: empty for the defaults; a severity alone ({@code warn}) for every check;
     * {@code CHECK=severity} pairs separated by commas ({@code STATUS_CODE_CHECK=error,SCHEMA_CHECK=warn}); or
     * respect's JSON form ({@code {"SCHEMA_CHECK":"warn"}}). Checks not named keep {@link Severity#ERROR};
     * respect's workflow checks ({@code SUCCESS_CRITERIA_CHECK}, ...) are accepted and ignored.
     *
     * @param settings the text
     * @return the severities
     * @throws IllegalArgumentException if a name or a severity is unknown
     */
    public static Severities parse(String settings) {
        return DEFAULTS.merge(settings);
    }

    /**
     * Returns these severities with the settings that a text names changed, as {@link #parse} reads it.
     *
     * @param settings the text
     * @return the new severities
     * @throws IllegalArgumentException if a name or a severity is unknown
     */
    public Severities merge(String settings) {
        String text = settings == null ? "" : settings.trim();
        if (text.length() > MAX_SETTINGS) {
            throw new IllegalArgumentException("check settings longer than " + MAX_SETTINGS + " characters");
        }
        Severities result = this;
        if (text.isEmpty()) {
            return result;
        }
        if (text.startsWith("{")) {
            JsonNode json;
            try {
                json = new ObjectMapper().readTree(text);
            } catch (IOException e) {
                throw new IllegalArgumentException("check settings are not valid JSON: '" + text + "'", e);
            }
            if (!json.isObject()) {
                throw new IllegalArgumentException("check settings in JSON are an object of severities");
            }
            for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                result = result.with(name, json.get(name).asText());
            }
            return result;
        }
        if (!text.contains("=")) {
            Severity all = Severity.parse(text);
            for (Check check : Check.values()) {
                result = result.with(check, all);
            }
            return result;
        }
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(
                        "check setting '" + pair.trim() + "' is not CHECK=severity, e.g. 'SCHEMA_CHECK=warn'");
            }
            result = result.with(
                    pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return result;
    }

    private Severities with(String name, String severity) {
        Severity value = Severity.parse(severity);
        if (RESPECT_ONLY.contains(name)) {
            return this;
        }
        for (Check check : Check.values()) {
            if (check.name().equals(name)) {
                return with(check, value);
            }
        }
        throw new IllegalArgumentException("unknown check '" + name + "'; the checks: "
                + Arrays.stream(Check.values()).map(c -> "'" + c.name() + "'").collect(Collectors.joining(", ")));
    }

    /**
     * Returns these severities with one changed.
     *
     * @param check the check
     * @param severity its severity
     * @return the new severities
     */
    public Severities with(Check check, Severity severity) {
        Map<Check, Severity> copy = new EnumMap<>(Check.class);
        copy.putAll(set);
        copy.put(Objects.requireNonNull(check, "check"), Objects.requireNonNull(severity, "severity"));
        return new Severities(copy);
    }

    /**
     * @param check the check
     * @return its severity
     */
    public Severity of(Check check) {
        return set.getOrDefault(check, Severity.ERROR);
    }

    /** @return whether every check is off */
    public boolean allOff() {
        return Arrays.stream(Check.values()).allMatch(c -> of(c) == Severity.OFF);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Severities other && Arrays.stream(Check.values()).allMatch(c -> of(c) == other.of(c));
    }

    @Override
    public int hashCode() {
        return Arrays.stream(Check.values()).map(this::of).toList().hashCode();
    }

    /** @return the settings, in the {@code CHECK=severity} form {@link #parse} reads */
    @Override
    public String toString() {
        return Arrays.stream(Check.values())
                .map(c -> c.name() + "=" + of(c).name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(","));
    }
}
