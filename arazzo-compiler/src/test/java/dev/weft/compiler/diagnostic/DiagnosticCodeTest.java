package dev.weft.compiler.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalogue and its documentation page agree: every code documented once, nothing documented that is not a code. */
class DiagnosticCodeTest {
    private static final Path CATALOGUE = Path.of("../docs/diagnostics.md");

    @Test
    void everyCodeHasExactlyOneSectionAndNoSectionIsDead() throws IOException {
        String page = Files.readString(CATALOGUE);
        Matcher m = Pattern.compile("(?m)^## ([a-z-]+)$").matcher(page);
        List<String> sections = m.results().map(r -> r.group(1)).toList();
        Set<String> codes = new HashSet<>();
        for (DiagnosticCode code : DiagnosticCode.values()) {
            codes.add(code.id());
            assertEquals(1, sections.stream().filter(code.id()::equals).count(), "sections for " + code.id());
        }
        for (String section : sections) {
            assertTrue(codes.contains(section), "docs/diagnostics.md documents '" + section + "', which is no code");
        }
    }

    @Test
    void idsAreKebabCaseAndUnique() {
        Set<String> seen = new HashSet<>();
        for (DiagnosticCode code : DiagnosticCode.values()) {
            assertTrue(code.id().matches("[a-z]+(-[a-z]+)*"), code.id());
            assertTrue(seen.add(code.id()), "duplicate id " + code.id());
        }
    }
}
