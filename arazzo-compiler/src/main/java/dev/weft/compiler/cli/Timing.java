package dev.weft.compiler.cli;

/**
 * Start-up timers for measuring where a one-shot run spends its time: with {@code -Dweft.timing=EPOCH_MS} (the
 * launch time, {@code date +%s%3N}), each {@link #mark} prints the milliseconds since then on stderr; one property
 * read otherwise. {@code WEFT_JAVA_OPTS=-Dweft.timing=$(date +%s%3N) weft run ...}
 */
final class Timing {
    private static final long SINCE = since();

    private Timing() {}

    private static long since() {
        try {
            return Long.parseLong(System.getProperty("weft.timing", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Prints the time since the launch, with what was reached, when timing is on. */
    static void mark(String reached) {
        if (SINCE > 0) {
            System.err.println("weft timing: " + (System.currentTimeMillis() - SINCE) + " ms " + reached);
        }
    }
}
