package dev.weft.compiler.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the {@code weft} command line in this JVM and keeps what it printed. */
final class Weft {
    static final Path TASKS = Path.of("src/test/resources/cli/tasks.arazzo.yaml");
    static final Path BROKEN = Path.of("src/test/resources/cli/broken.arazzo.yaml");
    /** The secret input of the tests: it must appear nowhere the command line writes. */
    static final String KEY = "sk-cli-test-0123456789";

    private Weft() {}

    /**
     * What a command printed.
     *
     * @param status the exit status
     * @param out stdout
     * @param err stderr
     */
    record Result(int status, String out, String err) {
        /** Both streams, for assertions about what appears nowhere. */
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Result run(String... args) {
        return run(StandardCharsets.UTF_8, args);
    }

    static Result run(Charset console, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, console), new PrintStream(err, true, console), console);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(console));
    }
}
