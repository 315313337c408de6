package dev.weft.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;

/**
 * A Maven project on disk, with the documents of {@code src/test/resources/project} under its
 * {@code src/main/arazzo}, and Mojos configured for it as Maven would configure them.
 */
final class TestProject {
    static final Path FIXTURE = Path.of("src/test/resources/project");

    final Path base;
    final MavenProject project = new MavenProject();
    final Lines log = new Lines();
    RecordingBuildContext context = new RecordingBuildContext(false);

    TestProject(Path base) throws IOException {
        this.base = base;
        copyFixture(base.resolve("src/main/arazzo"));
        project.setGroupId("com.example");
        project.setFile(base.resolve("pom.xml").toFile());
        project.getBuild().setDirectory(base.resolve("target").toString());
    }

    /** Copies the fixture's documents to {@code folder}. */
    void copyFixture(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(FIXTURE)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path target = folder.resolve(FIXTURE.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
        }
    }

    Path mainOutput() {
        return base.resolve("target/generated-sources/arazzo");
    }

    /** A {@code generate} Mojo of execution {@code id}, compiling the documents {@code includes} match. */
    GenerateMojo generate(String id, String... includes) {
        GenerateMojo mojo = new GenerateMojo();
        mojo.sourceDirectory = base.resolve("src/main/arazzo").toFile();
        mojo.outputDirectory = mainOutput().toFile();
        configure(mojo, "generate", id, includes);
        return mojo;
    }

    /** A {@code generate-test} Mojo of execution {@code id}, with the goal's default folders. */
    GenerateTestMojo generateTest(String id) {
        GenerateTestMojo mojo = new GenerateTestMojo();
        mojo.sourceDirectory = base.resolve("src/test/arazzo").toFile();
        mojo.outputDirectory =
                base.resolve("target/generated-test-sources/arazzo").toFile();
        configure(mojo, "generate-test", id);
        return mojo;
    }

    private void configure(AbstractGenerateMojo mojo, String goal, String id, String... includes) {
        mojo.project = project;
        mojo.buildContext = context;
        mojo.packageName = "com.example.items";
        mojo.includes = includes.length == 0 ? null : List.of(includes);
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setGroupId("dev.weft");
        plugin.setArtifactId("arazzo-maven-plugin");
        plugin.setVersion("1.0-test");
        mojo.plugin = plugin;
        MojoDescriptor descriptor = new MojoDescriptor();
        descriptor.setGoal(goal);
        mojo.mojoExecution = new MojoExecution(descriptor, id);
        mojo.setLog(log);
    }

    /** The log lines at info level and above, each prefixed with its level. */
    static final class Lines extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            lines.add("[INFO] " + content);
        }

        @Override
        public void warn(CharSequence content) {
            lines.add("[WARNING] " + content);
        }

        @Override
        public void error(CharSequence content) {
            lines.add("[ERROR] " + content);
        }

        @Override
        public void debug(CharSequence content) {
            lines.add("[DEBUG] " + content);
        }

        boolean has(String text) {
            return lines.stream().anyMatch(line -> line.contains(text));
        }

        void clear() {
            lines.clear();
        }
    }
}
