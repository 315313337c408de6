package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The {@code generate} and {@code generate-test} goals on a project on disk, with a real compile. */
@Timeout(60)
class GenerateMojoTest {
    private static final String FETCH_ITEM = "com/example/items/FetchItemWorkflow.java";
    private static final String FETCH_AGAIN = "com/example/items/FetchAgainWorkflow.java";

    @TempDir
    Path temp;

    private TestProject project;

    @BeforeEach
    void createProject() throws Exception {
        project = new TestProject(temp);
    }

    @Test
    void anUnchangedRunWritesNothingAndAnEditedDocumentRegeneratesItsClass() throws Exception {
        project.generate("default").execute();
        assertEquals(List.of(output(FETCH_AGAIN), output(FETCH_ITEM)), sorted(project.context.written));

        project.context.written.clear();
        project.log.clear();
        project.generate("default").execute();
        assertEquals(List.of(), project.context.written, "an unchanged build writes nothing");
        assertTrue(project.log.has("Arazzo sources are up to date; nothing to generate"));

        Path document = temp.resolve("src/main/arazzo/items/fetch-item.arazzo.yaml");
        Files.writeString(document, Files.readString(document).replace("id: $steps.getItem", "itemId: $steps.getItem"));
        project.generate("default").execute();
        assertEquals(List.of(output(FETCH_ITEM)), project.context.written, "only the edited workflow's class");
        assertTrue(Files.readString(output(FETCH_ITEM).toPath()).contains("itemId"));
    }

    @Test
    void theDefaultPackageFollowsTheGroupIdAndANewGroupIdRegenerates() throws Exception {
        GenerateMojo first = project.generate("default");
        first.packageName = null;
        first.execute();
        assertTrue(Files.isDirectory(project.mainOutput().resolve("com/example/arazzo")));

        project.project.setGroupId("org.other");
        project.log.clear();
        GenerateMojo second = project.generate("default");
        second.packageName = " ";
        second.execute();
        assertFalse(project.log.has("Arazzo sources are up to date"), "another groupId is another package");
        assertTrue(Files.isDirectory(project.mainOutput().resolve("org/other/arazzo")));
        assertFalse(Files.exists(project.mainOutput().resolve("com/example/arazzo")), "the old package's classes go");
    }

    @Test
    void anIncrementalIdeBuildThatTouchedNoSourceDoesNothing() throws Exception {
        project.context = new RecordingBuildContext(true);
        project.generate("default").execute();
        assertEquals(List.of(), project.context.written);
        assertFalse(project.log.has("Compiling"), "nothing was compiled");

        project.context.changed.add(
                temp.resolve("src/main/arazzo/items.openapi.yaml").toFile());
        project.generate("default").execute();
        assertEquals(2, project.context.written.size(), "a changed OpenAPI description regenerates");
    }

    @Test
    void theLogNamesEachDocumentCompiledAndEachClassWritten() throws Exception {
        project.generate("default").execute();
        assertTrue(
                project.log.has("[INFO] Compiling src/main/arazzo/items/fetch-item.arazzo.yaml"),
                project.log.lines::toString);
        assertTrue(project.log.has("[INFO] Compiling src/main/arazzo/more/fetch-again.arazzo.yaml"));
        assertTrue(project.log.has("[INFO] Wrote com.example.items.FetchItemWorkflow"));
        assertTrue(project.log.has("[INFO] Wrote com.example.items.FetchAgainWorkflow"));
        assertTrue(project.log.has(
                "[INFO] Generated 2 workflow classes in target/generated-sources/arazzo (2 written, 0 unchanged)"));
    }

    @Test
    void executionsSharingTheOutputFolderKeepEachOthersClasses() throws Exception {
        project.generate("items", "items/**").execute();
        project.generate("more", "more/**").execute();
        assertTrue(output(FETCH_ITEM).isFile(), "the second execution kept the first one's class");
        assertTrue(output(FETCH_AGAIN).isFile());

        // mvn arazzo:generate on the command line is one more execution, 'default-cli', over every document
        project.generate("default-cli").execute();
        assertTrue(output(FETCH_ITEM).isFile() && output(FETCH_AGAIN).isFile());

        // a document removed: only its execution's class goes, and only once no other execution claims it
        Files.delete(temp.resolve("src/main/arazzo/items/fetch-item.arazzo.yaml"));
        project.generate("items", "items/**").execute();
        assertTrue(output(FETCH_ITEM).isFile(), "default-cli still claims it");
        project.generate("default-cli").execute();
        assertFalse(output(FETCH_ITEM).exists(), "no execution generates it any more");
        assertTrue(output(FETCH_AGAIN).isFile());
        assertTrue(project.log.has("[INFO] Removed target/generated-sources/arazzo/" + FETCH_ITEM));
    }

    @Test
    void twoExecutionsGeneratingOneClassDifferentlyIsAClearError() throws Exception {
        Path other = temp.resolve("src/main/arazzo/other/fetch-item.arazzo.yaml");
        Files.createDirectories(other.getParent());
        Files.writeString(
                other,
                Files.readString(temp.resolve("src/main/arazzo/items/fetch-item.arazzo.yaml"))
                        .replace("id: $steps.getItem", "itemId: $steps.getItem"));
        project.generate("items", "items/**").execute();
        String before = Files.readString(output(FETCH_ITEM).toPath());

        MojoFailureException e = assertThrows(
                MojoFailureException.class,
                () -> project.generate("other", "other/**").execute());
        assertTrue(e.getMessage().contains("com.example.items.FetchItemWorkflow"), e.getMessage());
        assertTrue(e.getMessage().contains("is also generated, differently, by 'generate (items)'"), e.getMessage());
        assertTrue(e.getMessage().contains("different <packageName> or <outputDirectory>"), e.getMessage());
        assertEquals(before, Files.readString(output(FETCH_ITEM).toPath()), "nothing was overwritten");
    }

    @Test
    void generateTestWritesTestSourcesAndAddsATestSourceRoot() throws Exception {
        project.copyFixture(temp.resolve("src/test/arazzo"));
        project.generate("default", "items/**").execute();
        project.generateTest("default").execute();

        Path testOutput = temp.resolve("target/generated-test-sources/arazzo");
        assertTrue(Files.isRegularFile(testOutput.resolve(FETCH_ITEM)));
        assertTrue(Files.isRegularFile(testOutput.resolve(FETCH_AGAIN)));
        assertEquals(List.of(testOutput.toString()), project.project.getTestCompileSourceRoots());
        assertEquals(List.of(project.mainOutput().toString()), project.project.getCompileSourceRoots());
        // one execution may run both goals: each keeps its own stamp
        assertTrue(Files.isRegularFile(temp.resolve("target/weft/generate-default.stamp")));
        assertTrue(Files.isRegularFile(temp.resolve("target/weft/generate-test-default.stamp")));
        project.log.clear();
        project.generate("default", "items/**").execute();
        assertTrue(project.log.has("up to date"), "generate-test did not disturb generate's stamp");
    }

    @Test
    void theSourceRootIsAddedEvenWhenSkipped() throws Exception {
        GenerateMojo mojo = project.generate("default");
        mojo.skip = true;
        mojo.execute();
        assertEquals(List.of(project.mainOutput().toString()), project.project.getCompileSourceRoots());
        assertFalse(Files.exists(project.mainOutput()));
    }

    private File output(String relative) {
        return project.mainOutput().resolve(relative).toFile();
    }

    private static List<File> sorted(List<File> files) {
        return files.stream().sorted().toList();
    }
}
