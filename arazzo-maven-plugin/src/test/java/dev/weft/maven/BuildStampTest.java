package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildStampTest {
    private static final Map<String, String> CONFIG = Map.of("packageName", "com.acme.arazzo", "strict", "false");

    @TempDir
    Path temp;

    private Path sources;

    @BeforeEach
    void writeSources() throws IOException {
        sources = Files.createDirectories(temp.resolve("src/main/arazzo"));
        Files.writeString(sources.resolve("a.arazzo.yaml"), "arazzo: 1.0.1\n");
        Files.createDirectories(sources.resolve("openapi"));
        Files.writeString(sources.resolve("openapi/api.yaml"), "openapi: 3.1.0\n");
    }

    @Test
    void sameInputsGiveTheSameHash() throws IOException {
        assertEquals(stamp().hash(), stamp().hash());
        assertTrue(stamp().hash().matches("[0-9a-f]{16}-[0-9a-f]+"), stamp().hash());
    }

    @Test
    void configurationOrderDoesNotMatter() throws IOException {
        Map<String, String> reordered = new java.util.LinkedHashMap<>();
        reordered.put("strict", "false");
        reordered.put("packageName", "com.acme.arazzo");
        assertEquals(
                stamp().hash(),
                BuildStamp.compute("1.0", reordered, SourceScanner.regularFiles(sources))
                        .hash());
    }

    @Test
    void changingAnArazzoDocumentChangesTheHash() throws IOException {
        String before = stamp().hash();
        Files.writeString(sources.resolve("a.arazzo.yaml"), "arazzo: 1.0.0\n");
        assertNotEquals(before, stamp().hash());
    }

    @Test
    void changingAnotherFileBelowTheSourceDirectoryChangesTheHash() throws IOException {
        String before = stamp().hash();
        Files.writeString(sources.resolve("openapi/api.yaml"), "openapi: 3.0.3\n");
        assertNotEquals(before, stamp().hash());
    }

    @Test
    void addingOrRenamingAFileChangesTheHash() throws IOException {
        String before = stamp().hash();
        Files.move(sources.resolve("a.arazzo.yaml"), sources.resolve("b.arazzo.yaml"));
        String renamed = stamp().hash();
        assertNotEquals(before, renamed);
        Files.writeString(sources.resolve("c.arazzo.yaml"), "");
        assertNotEquals(renamed, stamp().hash());
    }

    @Test
    void changingTheConfigurationChangesTheHash() throws IOException {
        String before = stamp().hash();
        Map<String, String> strict = Map.of("packageName", "com.acme.arazzo", "strict", "true");
        assertNotEquals(
                before,
                BuildStamp.compute("1.0", strict, SourceScanner.regularFiles(sources))
                        .hash());
    }

    @Test
    void valuesCannotRunIntoEachOther() throws IOException {
        // "ab" + "c" and "a" + "bc" must not hash alike.
        String one = BuildStamp.compute("1.0", Map.of("x", "ab", "y", "c"), SourceScanner.regularFiles(sources))
                .hash();
        String two = BuildStamp.compute("1.0", Map.of("x", "a", "y", "bc"), SourceScanner.regularFiles(sources))
                .hash();
        assertNotEquals(one, two);
    }

    @Test
    void changingThePluginVersionChangesTheHash() throws IOException {
        assertNotEquals(
                stamp().hash(),
                BuildStamp.compute("1.1", CONFIG, SourceScanner.regularFiles(sources))
                        .hash());
    }

    @Test
    void aMissingSourceDirectoryHasAHash() throws IOException {
        Path missing = temp.resolve("nowhere");
        assertEquals(
                BuildStamp.compute("1.0", CONFIG, SourceScanner.regularFiles(missing))
                        .hash(),
                BuildStamp.compute("1.0", CONFIG, SourceScanner.regularFiles(missing))
                        .hash());
    }

    @Test
    void aWrittenStampIsRecognisedWhileItsOutputsExist() throws IOException {
        Path output = Files.createDirectories(temp.resolve("generated"));
        Path stampFile = temp.resolve("target/weft/generate-default.stamp");
        BuildStamp stamp = stamp();
        assertFalse(stamp.isRecordedIn(stampFile, output));

        Files.createDirectories(output.resolve("com/acme"));
        Files.writeString(output.resolve("com/acme/FooWorkflow.java"), "class FooWorkflow {}");
        stamp.write(stampFile, "generate (default)", output, List.of("com/acme/FooWorkflow.java"));
        assertTrue(stamp.isRecordedIn(stampFile, output));
        assertFalse(stamp.isRecordedIn(stampFile, temp.resolve("elsewhere")), "another output folder");

        Files.delete(output.resolve("com/acme/FooWorkflow.java"));
        assertFalse(stamp.isRecordedIn(stampFile, output));
    }

    @Test
    void aStampOfOtherInputsIsNotRecognised() throws IOException {
        Path output = Files.createDirectories(temp.resolve("generated"));
        Path stampFile = temp.resolve("default.stamp");
        stamp().write(stampFile, "generate (default)", output, List.of());
        Files.writeString(sources.resolve("a.arazzo.yaml"), "arazzo: 1.0.0\n");
        assertFalse(stamp().isRecordedIn(stampFile, output));
    }

    @Test
    void aStampOfAnotherFormatIsNotRecognised() throws IOException {
        Path output = Files.createDirectories(temp.resolve("generated"));
        Path stampFile = temp.resolve("default.stamp");
        Files.writeString(
                stampFile,
                "weft-build-stamp/1\nhash " + stamp().hash() + "\nexecution generate (default)\ndirectory " + output
                        + "\n");
        assertFalse(stamp().isRecordedIn(stampFile, output));
    }

    @Test
    void theOtherStampsOfTheSameOutputFolderSayWhoOwnsWhat() throws IOException {
        Path output = temp.resolve("generated");
        Path stamps = temp.resolve("target/weft");
        Path mine = BuildStamp.fileOf(stamps, "generate", "a");
        assertEquals(stamps.resolve("generate-a.stamp"), mine);
        stamp().write(mine, "generate (a)", output, List.of("p/A.java"));
        stamp().write(BuildStamp.fileOf(stamps, "generate", "b"), "generate (b)", output, List.of("p/B.java"));
        stamp().write(BuildStamp.fileOf(stamps, "generate-test", "a"), "generate-test (a)", temp, List.of("p/T.java"));

        assertEquals(Map.of("p/B.java", "generate (b)"), BuildStamp.claimsOfOthers(mine, output));
        assertEquals(Map.of(), BuildStamp.claimsOfOthers(mine, temp.resolve("unused")));
    }

    private BuildStamp stamp() throws IOException {
        return BuildStamp.compute("1.0", CONFIG, SourceScanner.regularFiles(sources));
    }
}
