package dev.weft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.diagnostic.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One code, one severity: the catalogue in {@link DiagnosticCode} decides, no call site overrides it
 * (issue 12), and {@code strict} changes exactly the dialect codes.
 */
class SeverityPolicyTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern CHECKED_CALL = Pattern.compile(
            "diagnostics\\s*\\.(error|warning|dialect)\\(\\s*(DiagnosticCode\\.)?([A-Za-z_][A-Za-z0-9_]*)\\s*,");
    private static final Location AT = new Location(Path.of("x.arazzo.yaml"), 1, 1);

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void onlyDiagnosticsCreatesDiagnostics() throws IOException {
        for (Path file : sources()) {
            if (!file.endsWith(Path.of("diagnostic", "Diagnostics.java"))) {
                assertTrue(!Files.readString(file).contains("new Diagnostic("), file + " builds a Diagnostic itself");
            }
        }
    }

    @Test
    void everyCallSiteThatNamesASeverityAgreesWithTheCatalogue() throws IOException {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Path file : sources()) {
            Matcher m = CHECKED_CALL.matcher(Files.readString(file));
            while (m.find()) {
                calls++;
                String method = m.group(1);
                if (m.group(2) == null) {
                    wrong.add(file + ": " + method + "(" + m.group(3) + ", …) names no code; use report()");
                    continue;
                }
                DiagnosticCode code = DiagnosticCode.valueOf(m.group(3));
                boolean agrees = switch (method) {
                    case "error" -> code.defaultSeverity() == Severity.ERROR;
                    case "warning" -> code.defaultSeverity() == Severity.WARNING && !code.isDialect();
                    default -> code.isDialect();
                };
                if (!agrees) {
                    wrong.add(file + ": " + method + "(" + code + ") but the catalogue says " + code.defaultSeverity()
                            + (code.isDialect() ? " (dialect)" : ""));
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(calls > 0, "the pattern found no call at all");
    }

    @Test
    void aCallSiteCannotOverrideTheCatalogue() {
        Diagnostics diagnostics = new Diagnostics();
        assertThrows(
                IllegalArgumentException.class,
                () -> diagnostics.error(DiagnosticCode.MISSING_PATH_PARAMETER, AT, "m"));
        assertThrows(IllegalArgumentException.class, () -> diagnostics.warning(DiagnosticCode.UNKNOWN_STEP, AT, "m"));
        assertThrows(
                IllegalArgumentException.class, () -> diagnostics.warning(DiagnosticCode.BARE_EXPRESSION, AT, "m"));
        assertThrows(IllegalArgumentException.class, () -> diagnostics.dialect(DiagnosticCode.UNKNOWN_STEP, AT, "m"));
        assertEquals(0, diagnostics.size());
    }

    @Test
    void strictMakesDialectCodesErrorsAndNothingElse() {
        for (DiagnosticCode code : DiagnosticCode.values()) {
            Diagnostics lenient = new Diagnostics(false);
            Diagnostics strict = new Diagnostics(true);
            lenient.report(code, AT, "m");
            strict.report(code, AT, "m");
            assertEquals(code.defaultSeverity(), lenient.sorted().get(0).severity(), code.id());
            assertEquals(
                    code.isDialect() ? Severity.ERROR : code.defaultSeverity(),
                    strict.sorted().get(0).severity(),
                    code.id());
            assertTrue(!code.isDialect() || code.defaultSeverity() == Severity.WARNING, code.id());
        }
    }

    @Test
    void everyFixtureReportsEachCodeAtItsCataloguedSeverity() throws IOException {
        List<Path> fixtures = new ArrayList<>();
        for (String dir : List.of("bad", "accepted", "good")) {
            try (Stream<Path> files = Files.list(Path.of("src/test/resources/fixtures", dir))) {
                files.filter(f -> f.toString().matches(".*\\.arazzo\\.(yaml|yml|json)"))
                        .sorted()
                        .forEach(fixtures::add);
            }
        }
        int seen = 0;
        for (Path fixture : fixtures) {
            for (boolean strict : List.of(false, true)) {
                CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                        .document(fixture)
                        .strict(strict)
                        .build());
                for (Diagnostic d : result.diagnostics()) {
                    seen++;
                    assertEquals(d.code().severity(strict), d.severity(), (strict ? "strict: " : "") + d);
                }
            }
        }
        assertTrue(seen > 100, "only " + seen + " diagnostics seen");
    }
}
