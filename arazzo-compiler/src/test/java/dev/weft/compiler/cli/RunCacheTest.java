package dev.weft.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft run}'s cache of compiled classes: a hit gives back what was compiled, diagnostics included; a change
 * to the document, to a description it reads or to an option is a miss; concurrent writers and readers never see
 * half an entry; a corrupt entry is ignored and replaced.
 */
@Timeout(120)
class RunCacheTest {
    private static final String PACKAGE = "weft.cli.generated";

    @TempDir
    Path tmp;

    private Path document;
    private Path description;
    private RunCache cache;

    @BeforeEach
    void copyTheFixture() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("docs"));
        // a bare expression in a string, for a warning that a hit must keep
        document = Files.writeString(
                folder.resolve("tasks.arazzo.yaml"),
                Files.readString(Weft.TASKS)
                        .replaceFirst("'Bearer \\{\\$inputs.apiKey}'", "'Bearer \\$inputs.apiKey'"));
        description = Files.copy(Weft.TASKS.resolveSibling("tasks.openapi.yaml"), folder.resolve("tasks.openapi.yaml"));
        cache = new RunCache(tmp.resolve("cache"));
    }

    private static CompilationResult compile(Path document) {
        return ArazzoCompiler.compile(CompilationRequest.builder()
                .documents(List.of(document))
                .packageName(PACKAGE)
                .build());
    }

    private static RunCache.Compiled compiled(CompilationResult result) {
        StringBuilderWriter err = new StringBuilderWriter();
        Map<String, byte[]> classes = WorkflowRunner.compile(result.files(), err.writer);
        assertNotNull(classes, err::toString);
        Map<String, String> names = new LinkedHashMap<>();
        for (GeneratedFile f : result.files()) {
            if (f.workflowId() != null) {
                names.put(RunCache.workflowKey(f.document(), f.workflowId()), f.qualifiedName());
            }
        }
        return new RunCache.Compiled(result.diagnostics(), result.workflows(), names, classes);
    }

    private String key() {
        return RunCache.key(document, PACKAGE, false, Map.of());
    }

    private RunCache.Compiled store() {
        CompilationResult result = compile(document);
        assertFalse(result.hasErrors(), result.diagnostics()::toString);
        RunCache.Compiled compiled = compiled(result);
        assertTrue(cache.put(key(), result.inputs(), compiled));
        return compiled;
    }

    @Test
    void aHitGivesBackTheClassesDiagnosticsAndSignatures() {
        RunCache.Compiled stored = store();

        RunCache.Compiled hit = cache.get(key());

        assertNotNull(hit);
        assertEquals(stored.diagnostics(), hit.diagnostics(), "the warnings are printed again on a hit");
        assertFalse(hit.diagnostics().isEmpty(), "the fixture has warnings, so that the test means something");
        assertEquals(stored.workflows(), hit.workflows());
        assertEquals(stored.classNames(), hit.classNames());
        assertEquals(stored.classes().keySet(), hit.classes().keySet());
        stored.classes()
                .forEach((name, bytes) -> assertArrayEquals(bytes, hit.classes().get(name), name));
        String className = hit.classNames().values().iterator().next();
        assertNotNull(WorkflowRunner.load(hit.classes(), className, new StringBuilderWriter().writer));
    }

    @Test
    void theCompilationsInputsAreTheDocumentAndItsDescription() {
        CompilationResult result = compile(document);

        assertEquals(
                List.of(
                        document.toAbsolutePath().normalize(),
                        description.toAbsolutePath().normalize()),
                result.inputs());
    }

    @Test
    void anEditedDescriptionIsAMiss() throws Exception {
        store();
        Files.writeString(description, Files.readString(description) + "\n# edited\n");

        assertNull(cache.get(key()));
    }

    @Test
    void aDeletedDescriptionIsAMiss() throws Exception {
        store();
        Files.delete(description);

        assertNull(cache.get(key()));
    }

    @Test
    void anEditedDocumentOrAnotherOptionIsAnotherKey() throws Exception {
        String before = key();
        assertEquals(before, key(), "the key is stable");
        assertNotEquals(before, RunCache.key(document, PACKAGE, true, Map.of()), "strict");
        assertNotEquals(before, RunCache.key(document, "other.pkg", false, Map.of()), "package");
        assertNotEquals(
                before,
                RunCache.key(document, PACKAGE, false, Map.of("https://x.example/a.yaml", description)),
                "source mappings");
        Files.writeString(document, Files.readString(document) + "\n# edited\n");
        assertNotEquals(before, key(), "the document's content");
        assertNull(RunCache.key(tmp.resolve("missing.yaml"), PACKAGE, false, Map.of()));
    }

    @Test
    void aCorruptOrForeignEntryIsIgnoredAndReplaced() throws Exception {
        store();
        Path entry = tmp.resolve("cache").resolve(key() + ".json");
        byte[] whole = Files.readAllBytes(entry);

        Files.write(entry, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertNull(cache.get(key()), "a torn entry");
        Files.writeString(entry, "not json at all \u0000");
        assertNull(cache.get(key()), "garbage");
        Files.writeString(entry, "{\"format\": 1, \"key\": \"another\"}");
        assertNull(cache.get(key()), "an entry of another key");
        Files.writeString(entry, new String(whole, StandardCharsets.UTF_8).replace("\"format\":1", "\"format\":99"));
        assertNull(cache.get(key()), "another format");
        store();
        assertNotNull(cache.get(key()), "the next compilation replaces it");
    }

    @Test
    void concurrentWritersAndReadersSeeAWholeEntryOrNone() throws Exception {
        CompilationResult result = compile(document);
        RunCache.Compiled compiled = compiled(result);
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers * 2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int n = 0; n < 20; n++) {
                        assertTrue(cache.put(key(), result.inputs(), compiled));
                    }
                    return null;
                }));
                done.add(pool.submit(() -> {
                    go.await();
                    for (int n = 0; n < 40; n++) {
                        RunCache.Compiled seen = cache.get(key());
                        if (seen != null) {
                            assertEquals(
                                    compiled.classes().keySet(), seen.classes().keySet());
                            assertEquals(compiled.diagnostics(), seen.diagnostics());
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertNotNull(cache.get(key()));
        try (Stream<Path> files = Files.list(tmp.resolve("cache"))) {
            assertEquals(
                    List.of(key() + ".json"),
                    files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file is left behind");
        }
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyCostsACompilation() throws Exception {
        Path blocked = Files.writeString(tmp.resolve("a-file"), "not a folder");
        RunCache unwritable = new RunCache(blocked.resolve("cache"));
        CompilationResult result = compile(document);

        assertFalse(unwritable.put(key(), result.inputs(), compiled(result)));
        assertNull(unwritable.get(key()));
    }

    /** A {@link PrintWriter} over a string, for what the runner prints. */
    private static final class StringBuilderWriter {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintWriter writer = new PrintWriter(bytes, true, StandardCharsets.UTF_8);

        @Override
        public String toString() {
            writer.flush();
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
