package dev.weft.compiler.names;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedFile;
import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import dev.weft.compiler.diagnostic.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Classes of one compilation get distinct names however their ids clash (issue 10 item 14, issue 11 item
 * 3 and its ids point): across documents by the document's name, ignoring case, deterministically whatever
 * order the front end lists the documents in.
 */
class WorkflowClassNamesTest {
    @TempDir
    Path work;

    @BeforeEach
    void documents() throws IOException {
        Files.copy(
                Path.of("src/test/resources/fixtures/openapi/items.openapi.yaml"), work.resolve("items.openapi.yaml"));
        write("shop.arazzo.yaml", """
                sourceDescriptions:
                - {name: items, url: ./items.openapi.yaml}
                - {name: library, url: ./library.arazzo.yaml, type: arazzo}
                workflows:
                - workflowId: fetch
                  steps:
                  - stepId: delegate
                    workflowId: $sourceDescriptions.library.fetch
                  - stepId: again
                    workflowId: $sourceDescriptions.library.Fetch
                """);
        write("library.arazzo.yaml", """
                sourceDescriptions:
                - {name: items, url: ./items.openapi.yaml}
                workflows:
                - workflowId: fetch
                  steps:
                  - {stepId: read, operationId: getItem, parameters: [{name: id, in: path, value: x}]}
                - workflowId: Fetch
                  steps:
                  - {stepId: read, operationId: getItem, parameters: [{name: id, in: path, value: y}]}
                """);
    }

    @Test
    void aWorkflowIdInTwoDocumentsGetsTwoClasses() {
        CompilationResult alone = compile(List.of("shop.arazzo.yaml"));
        CompilationResult both = compile(List.of("shop.arazzo.yaml", "library.arazzo.yaml"));
        CompilationResult reversed = compile(List.of("library.arazzo.yaml", "shop.arazzo.yaml"));

        for (CompilationResult result : List.of(alone, both, reversed)) {
            assertEquals(List.of(), result.errors());
            assertEquals(
                    Set.of("names.ShopFetchWorkflow", "names.LibraryFetchWorkflow", "names.LibraryFetch2Workflow"),
                    names(result));
            compiles(result);
        }
        assertEquals(sources(both), sources(reversed), "the order of the documents changes nothing");
        String shop = source(both, "names.ShopFetchWorkflow");
        assertTrue(shop.contains("LibraryFetchWorkflow.call(") && shop.contains("LibraryFetch2Workflow.call("), shop);
        List<Diagnostic> notes = both.diagnostics().stream()
                .filter(d -> d.code() == DiagnosticCode.DOCUMENT_PREFIX)
                .toList();
        assertEquals(3, notes.size(), notes.toString());
        assertTrue(notes.stream().allMatch(d -> d.severity() == Severity.NOTE), notes.toString());
        assertTrue(
                notes.stream().anyMatch(d -> d.message().contains("this one is generated as 'ShopFetchWorkflow'")),
                notes.toString());
    }

    @Test
    void clashesInOneDocumentAreNamedApartWithAWarning() {
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(Path.of("src/test/resources/fixtures/good/java-names.arazzo.yaml"))
                .build());

        assertEquals(List.of(), result.errors());
        List<String> warnings = result.diagnostics().stream()
                .filter(d -> d.code() == DiagnosticCode.NAME_COLLISION && d.severity() == Severity.WARNING)
                .map(d -> d.location().line() + ": " + d.message())
                .toList();
        assertEquals(
                List.of(
                        "15: input 'item_id' and 'item-id' (line 14) both become the Java name 'itemId'; this one is"
                                + " named 'itemId_'",
                        "35: output 'from-json' and 'fromJson' (line 34) both become the Java name 'fromJson_'; this"
                                + " one is named 'fromJson__'",
                        "39: workflowId 'ORDERS' and 'orders' (line 36) become 'ORDERSWorkflow' and 'OrdersWorkflow',"
                                + " one file where file names ignore case; this one is generated as 'ORDERS2Workflow'"),
                warnings);
    }

    /** An input named like a local variable of the generated record's methods keeps its own value. */
    @Test
    void inputsNamedLikeTheRecordsLocalsKeepTheirValues() throws Exception {
        StringBuilder properties = new StringBuilder("json: {type: string}, text: {type: string}");
        for (int i = 0; i < 40; i++) {
            properties.append(", p").append(i).append(": {type: string}"); // enough for toString's statements
        }
        write("locals.arazzo.yaml", """
                sourceDescriptions:
                - {name: items, url: ./items.openapi.yaml}
                workflows:
                - workflowId: locals
                  inputs: {type: object, properties: {%s}}
                  steps:
                  - {stepId: read, operationId: getItem, parameters: [{name: id, in: path, value: $inputs.json}]}
                """.formatted(properties));
        CompilationResult result = compile(List.of("locals.arazzo.yaml"));
        assertEquals(List.of(), result.errors());

        try (java.net.URLClassLoader loader = dev.weft.compiler.GeneratedClasses.compile(result.files(), work)) {
            Class<?> inputs = loader.loadClass("names.LocalsWorkflow$Inputs");
            java.lang.reflect.Method fromJson =
                    inputs.getDeclaredMethod("fromJson", com.fasterxml.jackson.databind.JsonNode.class);
            fromJson.setAccessible(true);
            Object value = fromJson.invoke(
                    null,
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"json\": \"J\", \"text\": \"T\"}"));
            java.lang.reflect.Method toJson = inputs.getDeclaredMethod("toJson");
            toJson.setAccessible(true);
            assertEquals("{\"json\":\"J\",\"text\":\"T\"}", toJson.invoke(value).toString());
            assertTrue(value.toString().startsWith("Inputs[json=J, text=T, p0=null"), value.toString());
        }
    }

    @Test
    void generatedFilesSayWhichWorkflowTheyRun() {
        CompilationResult result = compile(List.of("shop.arazzo.yaml"));
        GeneratedFile fetch = result.files().stream()
                .filter(f -> f.runs(work.resolve("library.arazzo.yaml"), "Fetch"))
                .findFirst()
                .orElseThrow();
        assertEquals("names.LibraryFetch2Workflow", fetch.qualifiedName());
    }

    @Test
    void anyIdGivesAValidDistinctMemberName() {
        List<String> ids = List.of(
                "yield",
                "record",
                "var",
                "_",
                "",
                "1st",
                "get-pet",
                "get_pet",
                "getPet",
                "toJson",
                "class",
                "naïve",
                "流".repeat(100),
                "x".repeat(1_000),
                "x".repeat(1_001),
                "\u2028",
                "🎉");
        Set<String> names = new HashSet<>(JavaNames.distinctMembers(ids).values());
        assertEquals(ids.size(), names.size(), names.toString());
        for (String id : ids) {
            for (String name : List.of(JavaNames.memberName(id), JavaNames.className(id), JavaNames.constantName(id))) {
                assertTrue(SourceVersion.isName(name), "'" + name + "' from '" + id + "'");
                assertTrue(name.length() <= JavaNames.MAX_LENGTH + "Workflow".length(), name);
            }
        }
        assertEquals(JavaNames.memberName("x".repeat(1_000)), JavaNames.memberName("x".repeat(1_000)));
        assertTrue(!JavaNames.memberName("x".repeat(1_000)).equals(JavaNames.memberName("x".repeat(1_001))));
    }

    private CompilationResult compile(List<String> documents) {
        return ArazzoCompiler.compile(CompilationRequest.builder()
                .documents(documents.stream().map(work::resolve).toList())
                .packageName("names")
                .build());
    }

    private static Set<String> names(CompilationResult result) {
        Set<String> names = new HashSet<>();
        Set<String> folded = new HashSet<>();
        for (GeneratedFile file : result.files()) {
            names.add(file.qualifiedName());
            assertTrue(folded.add(file.qualifiedName().toLowerCase(Locale.ROOT)), "one file ignoring case");
        }
        return names;
    }

    private static List<String> sources(CompilationResult result) {
        return result.files().stream()
                .sorted(java.util.Comparator.comparing(GeneratedFile::qualifiedName))
                .map(GeneratedFile::source)
                .toList();
    }

    private static String source(CompilationResult result, String name) {
        return result.files().stream()
                .filter(f -> f.qualifiedName().equals(name))
                .map(GeneratedFile::source)
                .findFirst()
                .orElseThrow();
    }

    private static void compiles(CompilationResult result) {
        List<JavaFileObject> sources = new ArrayList<>();
        result.files().forEach(f -> sources.add(JavaFileObjects.forSourceString(f.qualifiedName(), f.source())));
        assertThat(javac().withOptions("-Xlint:all", "-Werror").compile(sources))
                .succeededWithoutWarnings();
    }

    private void write(String name, String body) throws IOException {
        Files.writeString(
                work.resolve(name),
                "arazzo: 1.0.1\ninfo: {title: " + name + ", version: '1'}\n" + body,
                StandardCharsets.UTF_8);
        assertTrue(Stream.of(name).allMatch(n -> Files.isRegularFile(work.resolve(n))));
    }
}
