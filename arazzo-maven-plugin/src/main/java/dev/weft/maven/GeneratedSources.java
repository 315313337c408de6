package dev.weft.maven;

import dev.weft.compiler.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The generated-sources folder the plugin owns: writes what changed and removes what is no longer
 * generated.
 */
final class GeneratedSources {
    private final Path root;

    GeneratedSources(Path root) {
        this.root = root;
    }

    /**
     * Makes the folder hold exactly {@code files} as {@code .java} sources: stale sources are deleted,
     * and a file is rewritten only when its content changed, so unchanged files keep their timestamps
     * and javac's own staleness check stays quiet.
     *
     * @return the number of files written
     */
    int sync(List<GeneratedFile> files) throws IOException {
        Set<String> wanted =
                files.stream().map(f -> SourceScanner.slashed(f.relativePath())).collect(Collectors.toSet());
        deleteStale(wanted);
        int written = 0;
        for (GeneratedFile file : files) {
            Path target = root.resolve(file.relativePath());
            byte[] content = file.source().getBytes(StandardCharsets.UTF_8);
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            Files.write(target, content);
            written++;
        }
        return written;
    }

    /** The relative paths, with '/' separators, of {@code files} below the folder. */
    static List<String> relativePaths(List<GeneratedFile> files) {
        return files.stream()
                .map(f -> SourceScanner.slashed(f.relativePath()))
                .sorted()
                .toList();
    }

    private void deleteStale(Set<String> wanted) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            // Deepest first, so a folder is visited after its files and can be removed once empty.
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : all) {
            if (path.equals(root)) {
                continue;
            }
            if (Files.isRegularFile(path)
                    && path.getFileName().toString().endsWith(".java")
                    && !wanted.contains(SourceScanner.slashed(root.relativize(path)))) {
                Files.delete(path);
            } else if (Files.isDirectory(path) && isEmpty(path)) {
                Files.delete(path);
            }
        }
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }
}
