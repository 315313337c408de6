package dev.weft.compiler.diagnostic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders diagnostics the way javac prints errors: {@code file:line:col: error: [code] message},
 * then the source line and a caret under the column.
 *
 * <p>The only renderer of diagnostics, so every front end prints them alike.
 */
public final class DiagnosticFormatter {
    private final Map<Path, List<String>> lines = new HashMap<>();
    private final Path base;

    /** A formatter printing file paths as given. */
    public DiagnosticFormatter() {
        this(null);
    }

    /** A formatter printing file paths relative to {@code base} where they lie below it. */
    public DiagnosticFormatter(Path base) {
        this.base = base == null ? null : base.toAbsolutePath().normalize();
    }

    /** The first line only: {@code file:line:col: severity: [code] message}. */
    public String headline(Diagnostic d) {
        Location at = d.location();
        return display(at.file()) + ":" + at.line() + ":" + at.column() + ": "
                + d.severity().label() + ": [" + d.code().id() + "] " + d.message();
    }

    /** The headline, then the source line and a caret, when the source line can be read. */
    public String format(Diagnostic d) {
        String headline = headline(d);
        String source = sourceLine(d.location());
        if (source == null) {
            return headline;
        }
        int caret = Math.min(d.location().column() - 1, source.length());
        StringBuilder pad = new StringBuilder();
        for (int i = 0; i < caret; i++) {
            pad.append(source.charAt(i) == '\t' ? '\t' : ' ');
        }
        return headline + System.lineSeparator() + source + System.lineSeparator() + pad + "^";
    }

    private String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (base != null && absolute.startsWith(base)) {
            return base.relativize(absolute).toString();
        }
        return file.toString();
    }

    private String sourceLine(Location at) {
        List<String> fileLines = lines.computeIfAbsent(at.file(), DiagnosticFormatter::readLines);
        if (at.line() > fileLines.size()) {
            return null;
        }
        return fileLines.get(at.line() - 1);
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // A missing or unreadable file has no source line to show; the headline still stands.
            return List.of();
        }
    }
}
