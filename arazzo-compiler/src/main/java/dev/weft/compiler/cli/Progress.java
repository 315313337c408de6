package dev.weft.compiler.cli;

import dev.weft.compiler.cli.RunRecorder.Attempt;
import dev.weft.compiler.cli.RunRecorder.Wait;
import dev.weft.runtime.ResponseCheckEvent;
import java.time.Duration;

/**
 * The lines {@code weft run} prints on stderr as a run goes: one per step attempt (mark, step, method, path,
 * status, time), one per retry or poll wait, and one per finding of {@code --check}.
 */
final class Progress {
    private final Console console;
    private final Redaction redaction;

    Progress(Console console, Redaction redaction) {
        this.console = console;
        this.redaction = redaction;
    }

    void attempt(Attempt a) {
        console.err().println(redaction.text(line(a, console.ok(), console.failed())));
    }

    /** {@code ! getPet  SCHEMA_CHECK (warn): the body does not fit ...}: a finding of {@code --check}. */
    void finding(ResponseCheckEvent e) {
        console.err()
                .println(redaction.text("! " + e.stepId() + "  " + e.check() + " ("
                        + e.severity().name().toLowerCase(java.util.Locale.ROOT) + "): " + e.message()));
    }

    void waiting(Wait w) {
        console.err().println(redaction.text("  " + console.again() + " " + wait(w)));
    }

    /** {@code ✓ pollWorkflow (attempt 2)  GET /v2/workflows/wf-1  200  3 ms}. */
    static String line(Attempt a, String ok, String failed) {
        StringBuilder line =
                new StringBuilder(a.failed() ? failed : ok).append(' ').append(step(a));
        if (a.method() != null) {
            line.append("  ").append(a.method()).append(' ').append(path(a.url()));
            line.append("  ").append(a.status() >= 0 ? String.valueOf(a.status()) : a.error());
        }
        line.append("  ").append(millis(a.httpTime() != null ? a.httpTime() : a.took()));
        return line.toString();
    }

    /** {@code retry 1 of 3 by 'onServerError': submit again in 10 ms}, {@code poll 2: poll again in 1000 ms}. */
    static String wait(Wait w) {
        String what = w.kind().equals("retry")
                ? "retry " + w.count() + " of " + w.limit() + " by '" + w.action() + "'"
                : "poll " + w.count();
        return what + ": " + w.stepId() + " again in " + millis(w.delay());
    }

    /** The step, with its workflow when that was called by another one and its attempt after the first. */
    static String step(Attempt a) {
        return (a.child() ? a.workflowId() + "/" : "")
                + a.stepId()
                + (a.attempt() > 1 ? " (attempt " + a.attempt() + ")" : "");
    }

    /** The path and query of a URL: the scheme and host are the same for most steps and say little. */
    static String path(String url) {
        if (url == null) {
            return "";
        }
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int slash = url.indexOf('/', scheme + 3);
        return slash < 0 ? "/" : url.substring(slash);
    }

    static String millis(Duration d) {
        // a wait named by a server may be too long for toMillis(); seconds always fit
        return d.getSeconds() < Long.MAX_VALUE / 1000 - 1 ? d.toMillis() + " ms" : d.getSeconds() + " s";
    }
}
