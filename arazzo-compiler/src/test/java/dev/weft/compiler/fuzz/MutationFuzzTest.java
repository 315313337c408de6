package dev.weft.compiler.fuzz;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedFile;
import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates the seed workflows, the project's fixtures and the OpenAPI descriptions they use, and
 * compiles every mutant: the compiler never throws and never reports {@code internal-error}, and the
 * code of every accepted document (each distinct one, until the javac time budget is spent) compiles
 * with {@code -Xlint:all -Werror}.
 *
 * <p>CI runs {@value #DEFAULT_ITERATIONS} mutations and gives javac {@value #DEFAULT_JAVAC_SECONDS} s. A
 * longer run: {@code mvn -pl arazzo-compiler test -Dtest=MutationFuzzTest -Dweft.fuzz.iterations=200000
 * -Dweft.fuzz.javacSeconds=3600 -Dweft.fuzz.seed=$RANDOM}; the build uses a fixed seed so it stays
 * deterministic, a failure prints its seed, and {@code -Dweft.fuzz.seed=N} replays it.
 */
class MutationFuzzTest {
    static final int DEFAULT_ITERATIONS = 8_000;
    static final long DEFAULT_SEED = 20_261_123L;
    static final int DEFAULT_JAVAC_SECONDS = 20;
    private static final int COMPILE_BATCH = 50;
    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private static final Pattern OPENAPI_URL = Pattern.compile("url: *'?\\.\\./openapi/([A-Za-z0-9._-]+)");

    @TempDir
    Path work;

    @Test
    void mutantsNeverCrashTheCompilerAndAcceptedOnesCompile() throws IOException {
        int iterations = Integer.getInteger("weft.fuzz.iterations", DEFAULT_ITERATIONS);
        long javacBudget =
                TimeUnit.SECONDS.toNanos(Integer.getInteger("weft.fuzz.javacSeconds", DEFAULT_JAVAC_SECONDS));
        // a fixed seed keeps the build deterministic; explore others with -Dweft.fuzz.seed=N
        long seed = Long.getLong("weft.fuzz.seed", DEFAULT_SEED);
        Random random = new Random(seed);
        List<String> originals = Workspace.prepare(work);
        List<String> clean = originals.subList(0, Workspace.cleanCount);
        Mutator mutator = new Mutator(random);
        Path docs = work.resolve("docs");

        int accepted = 0;
        int descriptionMutants = 0;
        int descriptionAccepted = 0;
        // distinct generated code (package names aside) -> the sources, compiled with javac below
        Map<String, List<JavaFileObject>> distinct = new LinkedHashMap<>();
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < iterations; i++) {
            // mostly clean documents, so many mutants survive to code generation; bad ones for the checks
            List<String> pool = random.nextInt(4) == 0 ? originals : clean;
            String document = pool.get(random.nextInt(pool.size()));
            Matcher source = OPENAPI_URL.matcher(document);
            // one in eight: a description mutant costs a parse (about twice a document mutant's compilation)
            boolean description = random.nextInt(8) == 0 && source.find();
            String mutant;
            if (description) {
                // the document as it is, against a mutated copy of one of its descriptions
                String name = source.group(1);
                Path copy = work.resolve("openapi/mutant-" + name);
                Files.writeString(
                        copy,
                        mutator.mutateDescription(
                                Workspace.openapi.get(name), copy.getFileName().toString()));
                // a fresh modification time for each mutant, so no cached parse of an earlier one is reused
                Files.setLastModifiedTime(copy, FileTime.fromMillis(1_000_000L * (i + 1)));
                mutant = document.replace("../openapi/" + name, "../openapi/mutant-" + name);
                descriptionMutants++;
            } else {
                mutant = mutator.mutate(document);
            }
            Path file = docs.resolve("mutant.arazzo.yaml");
            Files.writeString(file, mutant, StandardCharsets.UTF_8);
            String packageName = "fuzz.m" + i;
            CompilationResult result = compile(file, packageName, seed, mutant);
            if (!result.hasErrors()) {
                accepted++;
                descriptionAccepted += description ? 1 : 0;
                StringBuilder code = new StringBuilder();
                List<JavaFileObject> sources = new ArrayList<>();
                for (GeneratedFile generated : result.files()) {
                    code.append(generated.source().replace(packageName, "fuzz.m"));
                    sources.add(JavaFileObjects.forSourceString(generated.qualifiedName(), generated.source()));
                }
                distinct.putIfAbsent(code.toString(), sources);
            }
        }
        double mutating = (System.nanoTime() - start) / 1e9;
        double mutatingCpu = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;

        long javacStart = System.nanoTime();
        int compiled = 0;
        List<JavaFileObject> batch = new ArrayList<>();
        int inBatch = 0;
        for (List<JavaFileObject> sources : distinct.values()) {
            if (System.nanoTime() - javacStart > javacBudget) {
                break;
            }
            batch.addAll(sources);
            if (++inBatch == COMPILE_BATCH) {
                javacAccepts(batch, seed);
                compiled += inBatch;
                batch.clear();
                inBatch = 0;
            }
        }
        if (!batch.isEmpty()) {
            javacAccepts(batch, seed);
            compiled += inBatch;
        }
        System.out.printf(
                "MutationFuzzTest: %d mutations (%d of a description), %d accepted (%d), %d distinct, %d compiled "
                        + "with javac%s, 0 crashes, seed %d, %.1f s mutating (%.1f s CPU), %.1f s javac%n",
                iterations,
                descriptionMutants,
                accepted,
                descriptionAccepted,
                distinct.size(),
                compiled,
                compiled < distinct.size() ? " (the javac budget ran out)" : "",
                seed,
                mutating,
                mutatingCpu,
                (System.nanoTime() - javacStart) / 1e9);
        assertTrue(accepted > 0, "no mutant was accepted; the mutations are too destructive to test generation");
        assertTrue(descriptionAccepted > 0, "no description mutant was accepted");
    }

    private static CompilationResult compile(Path file, String packageName, long seed, String mutant) {
        CompilationResult result;
        try {
            result = ArazzoCompiler.compile(CompilationRequest.builder()
                    .document(file)
                    .packageName(packageName)
                    .build());
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("the compiler threw (seed " + seed + ") on:\n" + mutant, e);
        }
        for (Diagnostic d : result.diagnostics()) {
            if (d.code() == DiagnosticCode.INTERNAL_ERROR) {
                fail("internal-error (seed " + seed + "): " + d.message() + "\non:\n" + mutant);
            }
        }
        return result;
    }

    private static void javacAccepts(List<JavaFileObject> sources, long seed) {
        Compilation compilation = javac().withOptions("-Xlint:all", "-Werror").compile(sources);
        if (compilation.status() != Compilation.Status.SUCCESS) {
            StringBuilder why =
                    new StringBuilder("accepted documents generated code javac rejects (seed " + seed + "):\n");
            compilation.diagnostics().forEach(d -> why.append(d).append('\n'));
            fail(why.toString());
        }
        assertThat(compilation).succeededWithoutWarnings();
    }

    /** The documents to mutate, and their OpenAPI files laid out so relative source URLs resolve. */
    static final class Workspace {
        private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
        private static final Path SEED_OPENAPI = Path.of("../examples/civitai/src/main/arazzo/openapi");
        /** The first documents of {@link #prepare}'s list are the clean ones (good fixtures, then seeds). */
        static int cleanCount;
        /** The OpenAPI descriptions by file name, as the documents' {@code ../openapi/} urls name them. */
        static final Map<String, String> openapi = new LinkedHashMap<>();

        static List<String> prepare(Path work) throws IOException {
            copyAll(FIXTURES.resolve("openapi"), work.resolve("openapi"));
            copyAll(SEED_OPENAPI, work.resolve("openapi"));
            try (Stream<Path> files = Files.list(work.resolve("openapi"))) {
                for (Path f : files.sorted().toList()) {
                    openapi.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
                }
            }
            copyAll(FIXTURES.resolve("arazzo"), work.resolve("arazzo"));
            Files.createDirectories(work.resolve("docs"));
            List<String> originals = new ArrayList<>();
            for (Path dir : List.of(
                    FIXTURES.resolve("good"),
                    Path.of("../examples/civitai/src/main/arazzo/arazzo"),
                    FIXTURES.resolve("bad"))) {
                if (dir.endsWith("bad")) {
                    cleanCount = originals.size();
                }
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(p -> p.toString().matches(".*\\.ya?ml"))
                            .sorted()
                            .toList()) {
                        originals.add(Files.readString(f, StandardCharsets.UTF_8));
                    }
                }
            }
            assertEquals(true, originals.size() > 20, "documents to mutate: " + originals.size());
            return originals;
        }

        private static void copyAll(Path from, Path to) throws IOException {
            if (!Files.isDirectory(from)) {
                return;
            }
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.toList()) {
                    Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
