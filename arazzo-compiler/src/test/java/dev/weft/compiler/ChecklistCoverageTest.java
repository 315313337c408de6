package dev.weft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.compiler.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/checklist-coverage.md} tells the truth: the fixtures it names exist and expect the codes
 * it names, every diagnostic code is in it, and the rules each code lists in {@link DiagnosticCode}
 * are rows that name the code.
 */
class ChecklistCoverageTest {
    private static final Path TABLE = Path.of("../docs/checklist-coverage.md");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Pattern RULE = Pattern.compile("[A-Z]+-[0-9]+|—");
    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern EXPECT = Pattern.compile("(?m)^# *\\^ expect: \\[([a-z-]+)]");

    /** One row: a rule id (or "—" for Weft's own checks), the codes it names and its fixtures. */
    record Row(String rule, Set<String> codes, List<String> fixtures, int line) {
        @Override
        public String toString() {
            return "row " + rule + " (line " + line + ")";
        }
    }

    private static List<Row> rows;
    private static final Set<String> CODES = new HashSet<>();

    @BeforeAll
    static void readTheTable() throws IOException {
        for (DiagnosticCode code : DiagnosticCode.values()) {
            CODES.add(code.id());
        }
        rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(TABLE, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("| ")) {
                continue;
            }
            String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
            String rule = cells[0].trim();
            if (!RULE.matcher(rule).matches() || cells.length != 3) {
                continue; // header row
            }
            Set<String> codes = new LinkedHashSet<>();
            ticked(cells[1]).stream().filter(CODES::contains).forEach(codes::add);
            List<String> fixtures = ticked(cells[2]);
            rows.add(new Row(rule, codes, fixtures, i + 1));
        }
        assertFalse(rows.isEmpty(), "no rows read from " + TABLE);
    }

    private static List<String> ticked(String cell) {
        List<String> found = new ArrayList<>();
        Matcher m = TICKED.matcher(cell);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everyRuleHasOneRow() {
        Set<String> seen = new HashSet<>();
        for (Row row : rows) {
            assertTrue(row.rule().equals("—") || seen.add(row.rule()), "two rows for " + row.rule());
        }
    }

    @Test
    void everyFixtureExistsAndExpectsTheRowsCodes() throws IOException {
        for (Row row : rows) {
            Set<String> expectedSomewhere = new HashSet<>();
            for (String fixture : row.fixtures()) {
                Path file = FIXTURES.resolve(fixture);
                assertTrue(Files.isRegularFile(file), row + " names " + fixture + ", which does not exist");
                if (fixture.startsWith("good/")) {
                    continue;
                }
                assertTrue(
                        fixture.startsWith("bad/") || fixture.startsWith("accepted/"),
                        row + ": fixtures are under bad/, accepted/ or good/: " + fixture);
                Set<String> expected = expectedCodes(file);
                Set<String> shared = new HashSet<>(expected);
                shared.retainAll(row.codes());
                // an accepted fixture may show that something compiles without any of the row's codes
                assertFalse(
                        shared.isEmpty() && fixture.startsWith("bad/"),
                        row + ": " + fixture + " expects none of " + row.codes());
                expectedSomewhere.addAll(shared);
            }
            for (String code : row.codes()) {
                if (!code.equals(DiagnosticCode.INTERNAL_ERROR.id())) {
                    assertTrue(
                            expectedSomewhere.contains(code),
                            row + " names [" + code + "], but none of its fixtures " + row.fixtures() + " expects it");
                }
            }
        }
    }

    @Test
    void rowsWithoutFixturesNameNoCode() {
        for (Row row : rows) {
            if (row.fixtures().isEmpty()) {
                assertTrue(
                        row.codes().isEmpty() || row.codes().equals(Set.of(DiagnosticCode.INTERNAL_ERROR.id())),
                        row + " names " + row.codes() + " but no fixture");
            }
        }
    }

    @Test
    void everyCodeIsInTheTable() {
        Set<String> named = rows.stream().flatMap(r -> r.codes().stream()).collect(Collectors.toSet());
        for (DiagnosticCode code : DiagnosticCode.values()) {
            assertTrue(named.contains(code.id()), "[" + code.id() + "] appears in no row of " + TABLE);
        }
    }

    @Test
    void theRulesACodeListsAreRowsThatNameIt() {
        Map<String, Row> byRule = new HashMap<>();
        rows.forEach(r -> byRule.put(r.rule(), r));
        for (DiagnosticCode code : DiagnosticCode.values()) {
            for (String rule : code.rules()) {
                Row row = byRule.get(rule);
                assertTrue(row != null, "[" + code.id() + "] lists " + rule + ", which has no row");
                assertTrue(
                        row.codes().contains(code.id()),
                        "[" + code.id() + "] lists " + rule + ", but " + row + " does not name it");
            }
        }
    }

    @Test
    void badAndAcceptedFixturesAreAllInTheTable() throws IOException {
        Set<String> named = rows.stream().flatMap(r -> r.fixtures().stream()).collect(Collectors.toSet());
        for (Path dir : List.of(BadDocumentsTest.BAD, AcceptedDocumentsTest.ACCEPTED)) {
            try (var files = Files.list(dir)) {
                List<String> missing = files.map(f -> dir.getFileName() + "/" + f.getFileName())
                        .filter(f -> f.matches(".*\\.arazzo\\.(yaml|yml|json)") && !named.contains(f))
                        .sorted()
                        .toList();
                assertEquals(List.of(), missing, dir + " fixtures no row of " + TABLE + " names");
            }
        }
    }

    private static Set<String> expectedCodes(Path fixture) throws IOException {
        Set<String> codes = new HashSet<>();
        Matcher m = EXPECT.matcher(Files.readString(fixture, StandardCharsets.UTF_8));
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }
}
