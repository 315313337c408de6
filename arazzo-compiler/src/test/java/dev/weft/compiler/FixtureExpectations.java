package dev.weft.compiler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The diagnostics a fixture expects, read from the fixture itself: a comment line with a caret under
 * the offending character, {@code #        ^ expect: [code] words of the message}, expects a
 * diagnostic of that code at the line above and the caret's column, whose message holds the words.
 */
record FixtureExpectations(List<Expected> expected) {
    private static final Pattern CARET = Pattern.compile("^#( *)\\^ expect: \\[([a-z-]+)](.*)$");

    /** One expected diagnostic. */
    record Expected(String code, int line, int column, String text) {
        @Override
        public String toString() {
            return line + ":" + column + ": [" + code + "] " + text;
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
            expected.add(new Expected(m.group(2), target, column, m.group(3).trim()));
        }
        return new FixtureExpectations(List.copyOf(expected));
    }
}
