package dev.weft.compiler.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Where a command writes: results on {@code out}, in UTF-8 as JSON is exchanged (RFC 8259), progress and
 * diagnostics on {@code err}, in the console's charset, with the step marks as Unicode when that charset can
 * encode them and as ASCII when it cannot.
 */
final class Console {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean unicode;

    Console(PrintStream out, PrintStream err, Charset charset) {
        // the streams' own bytes pass through unchanged; the writers encode with the console's charset
        this.out = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        this.err = new PrintWriter(new OutputStreamWriter(err, charset), true);
        CharsetEncoder encoder = charset.newEncoder();
        this.unicode = encoder.canEncode("\u2713\u2717\u21bb");
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** A step that went well: a check mark, or {@code +}. */
    String ok() {
        return unicode ? "\u2713" : "+";
    }

    /** A step that failed: a cross, or {@code x}. */
    String failed() {
        return unicode ? "\u2717" : "x";
    }

    /** A wait before a step runs again (a retry or a poll): a circular arrow, or {@code ~}. */
    String again() {
        return unicode ? "\u21bb" : "~";
    }

    /** The charset of this JVM's standard error, as the JDK chose it (Java 17 names it in these properties). */
    static Charset stderrCharset() {
        for (String property : new String[] {"stderr.encoding", "sun.stderr.encoding"}) {
            String name = System.getProperty(property);
            if (name != null) {
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    // fall through to the default
                }
            }
        }
        return Charset.defaultCharset();
    }
}
