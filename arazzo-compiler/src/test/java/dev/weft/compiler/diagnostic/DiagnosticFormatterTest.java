package dev.weft.compiler.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aLongLineIsCutToAWindowAroundTheColumn() throws IOException {
        Path file = dir.resolve("minified.json");
        String before = "x".repeat(5_000_000);
        String json = "{\"a\":\"" + before + "\",\"operationId\":\"nope\",\"b\":\"" + before + "\"}";
        Files.writeString(file, json);
        int column = json.indexOf("nope") + 1;
        Diagnostic d =
                new Diagnostic(Severity.ERROR, DiagnosticCode.UNKNOWN_OPERATION, "m", new Location(file, 1, column));

        String[] lines = new DiagnosticFormatter(dir).format(d).split(System.lineSeparator());

        assertEquals(3, lines.length);
        assertTrue(lines[1].length() <= 2 * DiagnosticFormatter.WINDOW + 6, "cut: " + lines[1].length());
        assertTrue(lines[1].startsWith("...") && lines[1].endsWith("..."), lines[1]);
        assertEquals('n', lines[1].charAt(lines[2].indexOf('^')), "the caret stands under the column");
    }

    @Test
    void controlCharactersFromTheDocumentNeverReachTheTerminal() throws IOException {
        Path file = dir.resolve("esc.arazzo.yaml");
        Files.writeString(file, "steps:\n  - stepId: \"a\u001b[2Jb\"\n");
        Diagnostic d = new Diagnostic(
                Severity.ERROR,
                DiagnosticCode.UNKNOWN_OPERATION,
                "step 'a\u001b[2Jb' has no operation\u0007",
                new Location(file, 2, 14));

        String text = new DiagnosticFormatter(dir).format(d);

        assertFalse(text.chars().anyMatch(c -> c == 0x1b || c == 0x07), text);
        assertTrue(text.contains("step 'a\\u001b[2Jb' has no operation\\u0007"), text);
        String[] lines = text.split(System.lineSeparator());
        assertEquals("  - stepId: \"a\\u001b[2Jb\"", lines[1]);
        assertEquals('a', lines[1].charAt(lines[2].indexOf('^')), "the caret stands under the column");
    }
}
