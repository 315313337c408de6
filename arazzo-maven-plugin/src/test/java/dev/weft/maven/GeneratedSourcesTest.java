package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedSourcesTest {
    private static final CompilerBridge.Generated A = new CompilerBridge.Generated("p.A", "class A {}");

    @TempDir
    Path temp;

    @Test
    void filesOfNoEarlierRunAreNeverDeleted() throws Exception {
        Path root = temp.resolve("out");
        Files.createDirectories(root.resolve("p"));
        Files.writeString(root.resolve("p/Handwritten.java"), "class Handwritten {}");
        Files.writeString(temp.resolve("Outside.java"), "class Outside {}");

        // a tampered or foreign stamp lists a file outside the folder: it stays
        GeneratedSources.Changes changes = new GeneratedSources(root, new RecordingBuildContext(false))
                .sync(List.of(A), List.of("../Outside.java"), Map.of());

        assertEquals(List.of(), changes.removed());
        assertTrue(Files.isRegularFile(root.resolve("p/Handwritten.java")));
        assertTrue(Files.isRegularFile(temp.resolve("Outside.java")));
    }

    @Test
    void aStaleFileGoesWithItsEmptyPackageFolders() throws Exception {
        Path root = temp.resolve("out");
        RecordingBuildContext context = new RecordingBuildContext(false);
        GeneratedSources sources = new GeneratedSources(root, context);
        sources.sync(List.of(new CompilerBridge.Generated("p.q.Old", "class Old {}"), A), List.of(), Map.of());

        GeneratedSources.Changes changes = sources.sync(List.of(A), List.of("p/A.java", "p/q/Old.java"), Map.of());

        assertEquals(List.of("p/q/Old.java"), changes.removed());
        assertEquals(1, changes.unchanged());
        assertTrue(Files.notExists(root.resolve("p/q")));
        assertTrue(Files.isRegularFile(root.resolve("p/A.java")));
        assertEquals(List.of(root.resolve("p/q/Old.java").toFile()), context.refreshed, "the IDE hears of it");
    }
}
