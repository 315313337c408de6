package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceScannerTest {
    @TempDir
    Path root;

    @Test
    void defaultIncludesFindArazzoDocumentsAtAnyDepthSorted() throws IOException {
        touch(
                "z.arazzo.yaml",
                "b/deep/c.arazzo.json",
                "a.arazzo.yml",
                "openapi/api.yaml",
                "notes.txt",
                "x.arazzo.yaml.bak");
        assertEquals(
                List.of("a.arazzo.yml", "b/deep/c.arazzo.json", "z.arazzo.yaml"),
                scan(AbstractArazzoMojo.DEFAULT_INCLUDES, List.of()));
    }

    @Test
    void excludesWinOverIncludes() throws IOException {
        touch("keep.arazzo.yaml", "drafts/skip.arazzo.yaml", "drafts/deeper/skip.arazzo.yaml");
        assertEquals(List.of("keep.arazzo.yaml"), scan(AbstractArazzoMojo.DEFAULT_INCLUDES, List.of("drafts/**")));
    }

    @Test
    void singleStarStaysInOneFolder() throws IOException {
        touch("arazzo/a.yml", "arazzo/sub/b.yml", "c.yml");
        assertEquals(List.of("arazzo/a.yml"), scan(List.of("arazzo/*.yml"), List.of()));
    }

    @Test
    void aMissingDirectoryHasNoDocuments() throws IOException {
        assertEquals(List.of(), new SourceScanner(List.of("**/*"), List.of()).scan(root.resolve("missing")));
    }

    @Test
    void theWalkKeepsLinkedFilesAndDoesNotDescendIntoLinkedFolders() throws IOException {
        touch("a.yaml", "sub/b.yaml", "outside/c.yaml");
        Path walked = root.resolve("walked");
        Files.createDirectories(walked.resolve("sub"));
        Files.move(root.resolve("a.yaml"), walked.resolve("a.yaml"));
        Files.move(root.resolve("sub/b.yaml"), walked.resolve("sub/b.yaml"));
        try {
            Files.createSymbolicLink(walked.resolve("linked.yaml"), root.resolve("outside/c.yaml"));
            Files.createSymbolicLink(walked.resolve("outside"), root.resolve("outside"));
            Files.createSymbolicLink(walked.resolve("sub/loop"), walked); // a cycle must not hang the walk
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("this file system has no symbolic links: " + e);
        }
        assertEquals(
                List.of("a.yaml", "linked.yaml", "sub/b.yaml"),
                List.copyOf(SourceScanner.regularFiles(walked).keySet()));
        try (var files = Files.walk(walked)) {
            assertEquals(
                    files.filter(Files::isRegularFile)
                            .map(file -> SourceScanner.slashed(walked.relativize(file)))
                            .sorted()
                            .toList(),
                    List.copyOf(SourceScanner.regularFiles(walked).keySet()),
                    "the same files as Files.walk");
        }
    }

    @Test
    void patternsFollowAntRules() {
        SourceScanner scanner = new SourceScanner(List.of("**/*.arazzo.yaml"), List.of());
        assertTrue(scanner.matches("a.arazzo.yaml"));
        assertTrue(scanner.matches("x/y/a.arazzo.yaml"));
        assertFalse(scanner.matches("a.arazzo.yml"));
        assertFalse(scanner.matches("aXarazzo.yaml"), "a dot is literal");

        SourceScanner middle = new SourceScanner(List.of("a/**/b?.json"), List.of());
        assertTrue(middle.matches("a/b1.json"));
        assertTrue(middle.matches("a/x/y/b2.json"));
        assertFalse(middle.matches("a/b12.json"));
        assertFalse(middle.matches("c/a/b1.json"));

        SourceScanner folder = new SourceScanner(List.of("drafts/"), List.of());
        assertTrue(folder.matches("drafts/x.arazzo.yaml"));
        assertFalse(folder.matches("other/x.arazzo.yaml"));
    }

    private List<String> scan(List<String> includes, List<String> excludes) throws IOException {
        return new SourceScanner(includes, excludes)
                .scan(root).stream()
                        .map(path -> SourceScanner.slashed(root.relativize(path)))
                        .toList();
    }

    private void touch(String... paths) throws IOException {
        for (String path : paths) {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, path);
        }
    }
}
