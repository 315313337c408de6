package dev.weft.checks;

import java.util.Locale;

/** How a broken check counts, as in Redocly respect's {@code --severity}. */
public enum Severity {
    /** The step fails with a {@link dev.weft.runtime.ResponseCheckException}, which its failure actions see. */
    ERROR,
    /** The finding is reported to the client's listeners (logged at {@code WARNING} by default). */
    WARN,
    /** The check is not made. */
    OFF;

    /**
     * Reads a severity.
     *
     * @param text {@code error}, {@code warn} or {@code off}, in any case
     * @return the severity
     * @throws IllegalArgumentException for another text
     */
    public static Severity parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "error" -> ERROR;
            case "warn", "warning" -> WARN;
            case "off" -> OFF;
            default ->
                throw new IllegalArgumentException("severity '" + text + "' is not one of 'error', 'warn', 'off'");
        };
    }
}
