package dev.weft.compiler;

import dev.weft.compiler.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The diagnostics a fixture expects, read from the fixture itself: a comment line with a caret under
 * the offending character, {@code #        ^ expect: [code] words of the message}, expects a
 * diagnostic of that code at the line above and the caret's column, whose message holds the words. A
 * diagnostic in another Arazzo document (or AsyncAPI description) the fixture reaches is expected by a caret in
 * that document.
 */
record FixtureExpectations(List<Expected> expected) {
    private static final Pattern CARET = Pattern.compile("^#( *)\\^ expect: \\[([a-z-]+)](.*)$");

    /** One expected diagnostic. */
    record Expected(Path file, String code, int line, int column, String text) {
        @Override
        public String toString() {
            return file.getFileName() + ":" + line + ":" + column + ": [" + code + "] " + text;
        }

        boolean matches(Diagnostic d) {
            return d.code().id().equals(code)
                    && d.location().line() == line
                    && d.location().column() == column
                    && d.message().contains(text)
                    && same(d.location().file(), file);
        }
    }

    static FixtureExpectations read(Path fixture) throws IOException {
        List<String> lines = Files.readAllLines(fixture, StandardCharsets.UTF_8);
        List<Expected> expected = new ArrayList<>();
        int target = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = CARET.matcher(lines.get(i));
            if (!m.matches()) {
                target = i + 1;
                continue;
            }
            int column = m.group(1).length() + 2; // '#' is column 1, the caret follows the spaces
            expected.add(
                    new Expected(fixture, m.group(2), target, column, m.group(3).trim()));
        }
        return new FixtureExpectations(List.copyOf(expected));
    }

    /**
     * What differs between the diagnostics and the expectations of the fixture and of the other Arazzo
     * documents the diagnostics are in; empty when they agree exactly.
     */
    static String mismatches(Path fixture, List<Diagnostic> diagnostics) throws IOException {
        Set<Path> files = new LinkedHashSet<>();
        files.add(fixture);
        diagnostics.stream()
                .map(d -> d.location().file())
                .filter(f -> f.getFileName().toString().matches(".*\\.(arazzo|asyncapi)\\.(yaml|yml|json)"))
                .forEach(files::add);
        List<Expected> expected = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path file : files) {
            if (seen.add(file.toAbsolutePath().normalize())) {
                expected.addAll(read(file).expected());
            }
        }
        List<Diagnostic> unmatched = new ArrayList<>(diagnostics);
        List<String> missing = new ArrayList<>();
        for (Expected e : expected) {
            Diagnostic found = unmatched.stream().filter(e::matches).findFirst().orElse(null);
            if (found == null) {
                missing.add(e.toString());
            } else {
                unmatched.remove(found);
            }
        }
        if (missing.isEmpty() && unmatched.isEmpty()) {
            return "";
        }
        return fixture + "\nexpected but not reported:\n  " + String.join("\n  ", missing)
                + "\nreported but not expected:\n  "
                + String.join(
                        "\n  ", unmatched.stream().map(Diagnostic::toString).toList());
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
