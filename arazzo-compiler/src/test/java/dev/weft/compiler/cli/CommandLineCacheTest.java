package dev.weft.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.compiler.cli.Weft.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft run} from its cache, in a JVM of its own: the second run of a document prints the same warnings and
 * outputs as the first, and loads neither Swagger Parser nor javac; {@code --no-cache} neither reads nor writes it.
 */
@Timeout(180)
class CommandLineCacheTest {
    private TasksServer server;

    @TempDir
    Path tmp;

    private Path document;

    @BeforeEach
    void start() throws Exception {
        server = TasksServer.start();
        Path folder = Files.createDirectories(tmp.resolve("docs"));
        // a bare expression in a string, for a warning that a hit must print again
        document = Files.writeString(
                folder.resolve("tasks.arazzo.yaml"),
                Files.readString(Weft.TASKS)
                        .replaceFirst("'Bearer \\{\\$inputs.apiKey}'", "'Bearer \\$inputs.apiKey'"));
        Files.copy(Weft.TASKS.resolveSibling("tasks.openapi.yaml"), folder.resolve("tasks.openapi.yaml"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Runs {@code weft run} in a new JVM with this test's class path, logging the classes it loads. */
    private Result run(Path classes, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load:file=" + classes,
                "-Dweft.cache.dir=" + tmp.resolve("cache"),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "run",
                document.toString(),
                "-w",
                "create-task",
                "--server",
                "tasks=" + server.url(),
                "--poll-delay",
                "0",
                "-i",
                "apiKey=" + Weft.KEY,
                "-i",
                "title=t",
                "-i",
                "owner=ada",
                "--verbose"));
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command)
                .redirectOutput(tmp.resolve("out").toFile())
                .redirectError(tmp.resolve("err").toFile())
                .start();
        assertTrue(process.waitFor(150, TimeUnit.SECONDS), "weft run ended");
        return new Result(
                process.exitValue(),
                Files.readString(tmp.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("err"), StandardCharsets.UTF_8));
    }

    private static List<String> warnings(Result result) {
        return result.err().lines().filter(l -> l.contains(": warning: [")).toList();
    }

    private static boolean loadedCompilers(Path classes) throws Exception {
        String loaded = Files.readString(classes);
        return loaded.contains("io.swagger.") || loaded.contains("com.sun.tools.javac.");
    }

    private long entries() throws Exception {
        if (!Files.isDirectory(tmp.resolve("cache"))) {
            return 0;
        }
        try (Stream<Path> files = Files.list(tmp.resolve("cache"))) {
            return files.count();
        }
    }

    @Test
    void aSecondRunComesFromTheCacheWithTheSameWarningsAndNoCompiler() throws Exception {
        Result first = run(tmp.resolve("first.log"));
        assertEquals(Main.OK, first.status(), first::toString);
        assertTrue(loadedCompilers(tmp.resolve("first.log")), "the first run compiles");
        assertEquals(1, entries());

        Result second = run(tmp.resolve("second.log"));

        assertEquals(Main.OK, second.status(), second::toString);
        assertFalse(warnings(first).isEmpty(), first::toString);
        assertEquals(warnings(first), warnings(second), "a hit prints the same warnings");
        assertEquals(first.out().replaceAll("t-\\d+", "t-N"), second.out().replaceAll("t-\\d+", "t-N"));
        assertFalse(loadedCompilers(tmp.resolve("second.log")), "a hit loads neither Swagger Parser nor javac");
        assertFalse(second.all().contains(Weft.KEY));
        try (Stream<Path> files = Files.list(tmp.resolve("cache"))) {
            for (Path entry : files.toList()) {
                assertFalse(Files.readString(entry).contains(Weft.KEY), "no input is kept in the cache");
            }
        }
    }

    @Test
    void noCacheNeitherReadsNorWritesIt() throws Exception {
        Result result = run(tmp.resolve("classes.log"), "--no-cache");

        assertEquals(Main.OK, result.status(), result::toString);
        assertEquals(0, entries());
        assertTrue(loadedCompilers(tmp.resolve("classes.log")));
    }
}
