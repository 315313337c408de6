package dev.weft.compiler.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import dev.weft.compiler.diagnostic.Diagnostics;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Workflow documents are read in time linear in their size: a line past the YAML line limit is refused at once. */
class NodeReaderLimitsTest {
    private static final Path FILE = Path.of("long.arazzo.yaml");

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void aLineLongerThanTheLimitIsRefusedNamingIt() {
        Diagnostics diagnostics = new Diagnostics();
        String text = "arazzo: 1.0.1\ninfo:\n  title: " + "x".repeat(8 * 1024 * 1024) + "\n";

        boolean read =
                new NodeReader(diagnostics).parse(FILE, new StringReader(text)).isPresent();

        assertTrue(!read);
        assertEquals(1, diagnostics.size());
        Diagnostic d = diagnostics.errors().get(0);
        assertEquals(DiagnosticCode.MALFORMED_YAML, d.code());
        assertEquals(3, d.location().line());
        assertTrue(d.message().contains(ReadLimits.MAX_YAML_LINE + " characters"), d.message());
    }

    @Test
    void aLineAtTheLimitIsRead() {
        Diagnostics diagnostics = new Diagnostics();
        String title = "x".repeat(ReadLimits.MAX_YAML_LINE - "  title: ".length());
        String text = "arazzo: 1.0.1\r\ninfo:\r\n  title: " + title + "\r\n";

        assertTrue(
                new NodeReader(diagnostics).parse(FILE, new StringReader(text)).isPresent());
        assertEquals(0, diagnostics.size(), diagnostics.sorted().toString());
    }
}
