package dev.weft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.diagnostic.Severity;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One code, one severity: the catalogue in {@link DiagnosticCode} decides and a call site names only a
 * {@link Message} (issue 12), and {@code strict} changes exactly the dialect codes.
 */
class SeverityPolicyTest {
    private static final Path MAIN = Path.of("src/main/java");
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
    void aCallSiteNamesAMessageNeverACodeOrASeverity() {
        for (Method method : Diagnostics.class.getMethods()) {
            assertTrue(
                    !List.of(method.getParameterTypes()).contains(DiagnosticCode.class)
                            && !List.of(method.getParameterTypes()).contains(Severity.class),
                    "Diagnostics." + method.getName() + " lets a call site choose a code or a severity");
        }
    }

    @Test
    void strictMakesDialectCodesErrorsAndNothingElse() {
        for (Message message : Message.values()) {
            if (message.isPart()) {
                continue;
            }
            DiagnosticCode code = message.code();
            Object[] values =
                    Collections.nCopies(message.parameters().size(), "x").toArray();
            Diagnostics lenient = new Diagnostics(false);
            Diagnostics strict = new Diagnostics(true);
            lenient.report(message, AT, values);
            strict.report(message, AT, values);
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
