package dev.weft.compiler.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The message catalogue keeps STYLE §2 rule 6 (lowercase, no final period, names quoted), has no dead
 * template and a template for every code, and what the compiler prints keeps the rules too.
 */
class MessageTest {
    /**
     * Words a message may start with although they are capitalised: names, not sentence starts (an HTTP
     * method starts an operation's name, {@code POST /items}).
     */
    private static final List<String> PROPER_NAMES = List.of(
            "Weft",
            "Arazzo",
            "JSONPath",
            "XPath",
            "OpenAPI",
            "JSON",
            "YAML",
            "Goessner",
            "RFC",
            "GET",
            "PUT",
            "POST",
            "DELETE",
            "OPTIONS",
            "HEAD",
            "PATCH",
            "TRACE");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][A-Za-z0-9]*)\\}");

    @Test
    void everyTemplateStartsInLowercaseAndEndsWithoutAPeriod() {
        List<String> wrong = new ArrayList<>();
        for (Message message : Message.values()) {
            String text = message.template();
            if (!startsWell(text)) {
                wrong.add(message + " starts with a capital: " + text);
            }
            if (text.strip().endsWith(".")) {
                wrong.add(message + " ends with a period: " + text);
            }
            if (text.contains("\n") && !text.endsWith("\n{stackTrace}")) {
                wrong.add(message + " breaks a line: " + text);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void namesStandInQuotesAndOnlyPhrasesStandBare() {
        List<String> wrong = new ArrayList<>();
        Set<String> phrasesUsed = new HashSet<>();
        for (Message message : Message.values()) {
            String text = message.template();
            boolean[] quoted = quotedSpans(text);
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                String name = m.group(1);
                if (Message.PHRASES.contains(name)) {
                    phrasesUsed.add(name);
                } else if (!quoted[m.start()]) {
                    wrong.add(message + ": {" + name + "} is a name, so it stands in quotes, or it is a phrase and "
                            + "belongs in Message.PHRASES: " + text);
                }
            }
        }
        assertEquals(List.of(), wrong);
        Set<String> unused = new HashSet<>(Message.PHRASES);
        unused.removeAll(phrasesUsed);
        assertEquals(Set.of(), unused, "Message.PHRASES names placeholders no template has");
    }

    @Test
    void everyTemplateIsUsedSomewhere() {
        JavaClasses compiler = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.weft.compiler");
        JavaClass catalogue = compiler.get(Message.class);
        List<String> dead = Arrays.stream(Message.values())
                .filter(message -> catalogue.getField(message.name()).getAccessesToSelf().stream()
                        .noneMatch(access -> !access.getOriginOwner().isEquivalentTo(Message.class)))
                .map(Message::name)
                .toList();
        assertEquals(List.of(), dead, "templates no main class uses (STYLE §5: no catalogue with dead entries)");
    }

    @Test
    void everyCodeHasATemplate() {
        Set<DiagnosticCode> covered = new HashSet<>();
        for (Message message : Message.values()) {
            if (!message.isPart()) {
                covered.add(message.code());
            }
        }
        List<DiagnosticCode> missing = Arrays.stream(DiagnosticCode.values())
                .filter(code -> !covered.contains(code))
                .toList();
        assertEquals(List.of(), missing, "codes without a message template");
    }

    @Test
    void argumentsFillThePlaceholdersInOrderOfFirstAppearance() {
        assertEquals(List.of("workflow", "source"), Message.UNQUALIFIED_WORKFLOW.parameters());
        assertEquals(
                "workflow 'fetch' is in source description 'shop'; Arazzo 1.0.1 requires "
                        + "'$sourceDescriptions.shop.fetch'",
                Message.UNQUALIFIED_WORKFLOW.format("fetch", "shop"));
        assertEquals(
                "'$x' inside a string is not an expression by the Arazzo spec; write '{$x}'",
                Message.BARE_EXPRESSION.format("$x"));
        assertThrows(IllegalArgumentException.class, () -> Message.UNQUALIFIED_WORKFLOW.format("fetch"));
    }

    @Test
    void aPartIsNotADiagnostic() {
        Diagnostics diagnostics = new Diagnostics();
        Location at = new Location(Path.of("x.arazzo.yaml"), 1, 1);

        assertThrows(IllegalArgumentException.class, () -> diagnostics.report(Message.DID_YOU_MEAN, at, "x"));
        assertThrows(IllegalArgumentException.class, () -> diagnostics.report(Message.UNKNOWN_STEP, at, "x"));
        diagnostics.report(Message.NEGATIVE_RETRY_LIMIT, at);

        assertEquals(1, diagnostics.size());
        Diagnostic reported = diagnostics.sorted().get(0);
        assertEquals(DiagnosticCode.INVALID_ACTION, reported.code());
        assertEquals(DiagnosticCode.INVALID_ACTION.severity(false), reported.severity());
        assertEquals("retryLimit must be an integer >= 0", reported.message());
    }

    /** What the templates become with real values: every fixture's diagnostics keep the rules too. */
    @Test
    void everyMessageTheFixturesGetKeepsTheRules() throws IOException {
        List<String> wrong = new ArrayList<>();
        int seen = 0;
        for (String dir : List.of("bad", "accepted", "good")) {
            try (Stream<Path> files = Files.list(Path.of("src/test/resources/fixtures", dir))) {
                for (Path fixture : files.filter(f -> f.toString().matches(".*\\.arazzo\\.(yaml|yml|json)"))
                        .sorted()
                        .toList()) {
                    for (Diagnostic d : ArazzoCompiler.compile(CompilationRequest.builder()
                                    .document(fixture)
                                    .build())
                            .diagnostics()) {
                        seen++;
                        String text = d.message();
                        if (!startsWell(text) || text.strip().endsWith(".") || text.contains("\n")) {
                            wrong.add(fixture.getFileName() + ": " + d);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(seen > 100, "only " + seen + " diagnostics seen");
    }

    private static boolean startsWell(String text) {
        return text.isEmpty()
                || !Character.isUpperCase(text.charAt(0))
                || PROPER_NAMES.stream().anyMatch(name -> text.startsWith(name + " "));
    }

    /**
     * Which characters stand between single quotes. An apostrophe between two letters ({@code workflow's})
     * is part of a word, not a quote.
     */
    static boolean[] quotedSpans(String text) {
        boolean[] quoted = new boolean[text.length()];
        boolean open = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean apostrophe = c == '\''
                    && i > 0
                    && i + 1 < text.length()
                    && Character.isLetter(text.charAt(i - 1))
                    && Character.isLetter(text.charAt(i + 1));
            if (c == '\'' && !apostrophe) {
                open = !open;
            } else {
                quoted[i] = open;
            }
        }
        return quoted;
    }
}
