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

/** The catalogue and its documentation page agree: every code documented once, nothing documented that is no code. */
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

    /** The severity words docs/diagnostics.md uses for a code: "error", "warning" or "warning, dialect". */
    private static String documented(DiagnosticCode code) {
        return code.isDialect() ? "warning, dialect" : code.defaultSeverity().label();
    }

    @Test
    void thePolicyTableGivesEachCodeItsCataloguedSeverityAndAReason() throws IOException {
        String page = Files.readString(CATALOGUE);
        for (DiagnosticCode code : DiagnosticCode.values()) {
            Matcher row = Pattern.compile("(?m)^\\| `" + Pattern.quote(code.id()) + "` \\| ([^|]+) \\| ([^|]+) \\|$")
                    .matcher(page);
            assertTrue(row.find(), "no row for " + code.id() + " in the severity table");
            assertEquals(documented(code), row.group(1).trim(), "severity of " + code.id() + " in the table");
            assertTrue(row.group(2).trim().length() > 5, "no reason for " + code.id());
            assertTrue(!row.find(), "two rows for " + code.id());
        }
    }

    @Test
    void eachSectionStartsWithTheCataloguedSeverity() throws IOException {
        String page = Files.readString(CATALOGUE);
        for (DiagnosticCode code : DiagnosticCode.values()) {
            Matcher section = Pattern.compile("(?m)^## " + Pattern.quote(code.id()) + "\\n\\*\\*([^*]+)\\*\\*")
                    .matcher(page);
            assertTrue(section.find(), "section " + code.id() + " does not start with its severity in bold");
            assertEquals(documented(code), section.group(1), "severity in section " + code.id());
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
