package dev.weft.compiler.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticFormatterTest {
    @TempDir
    Path dir;

    @Test
    void printsLikeJavacWithTheSourceLineAndACaret() throws IOException {
        Path file = dir.resolve("gen.arazzo.yaml");
        Files.writeString(file, "steps:\n  - stepId: poll\n    operationId: getJob\n");
        Diagnostic d = new Diagnostic(
                Severity.ERROR,
                DiagnosticCode.UNKNOWN_OPERATION,
                "step 'poll' refers to operationId 'getJob', which is not in 'civitai'",
                new Location(file, 3, 18));

        String text = new DiagnosticFormatter(dir).format(d);

        assertEquals(
                String.join(
                        System.lineSeparator(),
                        "gen.arazzo.yaml:3:18: error: [unknown-operation] step 'poll' refers to operationId "
                                + "'getJob', which is not in"
                                + " 'civitai'",
                        "    operationId: getJob",
                        "                 ^"),
                text);
    }

    @Test
    void aMissingFileStillGivesTheHeadline() {
        Path file = dir.resolve("gone.yaml");
        Diagnostic d = new Diagnostic(Severity.WARNING, DiagnosticCode.BARE_EXPRESSION, "m", new Location(file, 9, 2));

        assertEquals(file + ":9:2: warning: [bare-expression] m", new DiagnosticFormatter().format(d));
    }
}
