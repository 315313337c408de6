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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates the seed workflows and the project's fixtures and compiles every mutant: the compiler never
 * throws and never reports {@code internal-error}, and every document it accepts generates code that
 * javac compiles with {@code -Xlint:all -Werror}.
 *
 * <p>CI runs {@value #DEFAULT_ITERATIONS} mutations. A longer run:
 * {@code mvn -pl arazzo-compiler test -Dtest=MutationFuzzTest -Dweft.fuzz.iterations=200000
 * -Dweft.fuzz.seed=$RANDOM}; the build uses a fixed seed so it stays deterministic, a failure prints its
 * seed, and {@code -Dweft.fuzz.seed=N} replays it.
 */
class MutationFuzzTest {
    static final int DEFAULT_ITERATIONS = 10_000;
    static final long DEFAULT_SEED = 20_261_123L;
    private static final int COMPILE_BATCH = 40;
    private static final int MAX_COMPILED = 600;

    @TempDir
    Path work;

    @Test
    void mutantsNeverCrashTheCompilerAndAcceptedOnesCompile() throws IOException {
        int iterations = Integer.getInteger("weft.fuzz.iterations", DEFAULT_ITERATIONS);
        // a fixed seed keeps the build deterministic; explore others with -Dweft.fuzz.seed=N
        long seed = Long.getLong("weft.fuzz.seed", DEFAULT_SEED);
        Random random = new Random(seed);
        List<String> originals = Workspace.prepare(work);
        List<String> clean = originals.subList(0, Workspace.cleanCount);
        Mutator mutator = new Mutator(random);
        Path docs = work.resolve("docs");

        int accepted = 0;
        int compiled = 0;
        List<JavaFileObject> batch = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            // mostly clean documents, so many mutants survive to code generation; bad ones for the checks
            List<String> pool = random.nextInt(4) == 0 ? originals : clean;
            String mutant = mutator.mutate(pool.get(random.nextInt(pool.size())));
            Path file = docs.resolve("mutant.arazzo.yaml");
            Files.writeString(file, mutant, StandardCharsets.UTF_8);
            CompilationResult result = compile(file, "fuzz.m" + i, seed, mutant);
            if (!result.hasErrors()) {
                accepted++;
                if (compiled < MAX_COMPILED) {
                    compiled++;
                    for (GeneratedFile generated : result.files()) {
                        batch.add(JavaFileObjects.forSourceString(generated.qualifiedName(), generated.source()));
                    }
                }
                if (batch.size() >= COMPILE_BATCH) {
                    javacAccepts(batch, seed);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            javacAccepts(batch, seed);
        }
        System.out.printf(
                "MutationFuzzTest: %d mutations, %d accepted, %d compiled with javac, 0 crashes, "
                        + "seed %d, %.1f s%n",
                iterations, accepted, compiled, seed, (System.nanoTime() - start) / 1e9);
        assertTrue(accepted > 0, "no mutant was accepted; the mutations are too destructive to test generation");
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

        static List<String> prepare(Path work) throws IOException {
            copyAll(FIXTURES.resolve("openapi"), work.resolve("openapi"));
            copyAll(SEED_OPENAPI, work.resolve("openapi"));
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
