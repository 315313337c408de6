package dev.weft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No line of the project's Java passes 120 columns. The formatter (Spotless, at {@code verify}) wraps code at
 * 120 but cannot break a long string literal or comment; this test catches those, in every module.
 */
class LineLengthTest {
    private static final int COLUMNS = 120;
    private static final Path PROJECT = Path.of("..");

    @Test
    void noJavaLinePasses120Columns() throws IOException {
        List<String> tooLong = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(PROJECT)) {
            for (Path file : paths.filter(LineLengthTest::isProjectJava).toList()) {
                files++;
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).length() > COLUMNS) {
                        tooLong.add(PROJECT.relativize(file) + ":" + (i + 1) + " has "
                                + lines.get(i).length());
                    }
                }
            }
        }
        assertTrue(files > 100, "only " + files + " Java files found under " + PROJECT.toAbsolutePath());
        assertEquals(List.of(), tooLong, "split these lines (long literals: \"...\" + \"...\")");
    }

    /** Sources under {@code src/main/java}, {@code src/test/java} and the ITs, not golden files or build output. */
    private static boolean isProjectJava(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.endsWith(".java")
                && !path.contains("/target/")
                && !path.contains("/src/test/resources/")
                && (path.contains("/src/main/java/") || path.contains("/src/test/java/") || path.contains("/src/it/"));
    }
}
