package dev.weft.maven;

import dev.weft.compiler.CompilationResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** The {@code generate} goal: compiles Arazzo documents into Java sources and adds them to the build. */
@Mojo(
        name = "generate",
        defaultPhase = LifecyclePhase.GENERATE_SOURCES,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.NONE)
public class GenerateMojo extends AbstractArazzoMojo {

    /** The folder the generated Java sources are written to; it is added as a compile source root. */
    @Parameter(property = "weft.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/arazzo")
    protected File outputDirectory;

    /** The plugin's own descriptor, for its version in the build stamp. */
    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    /** This execution, whose id names the build stamp so that executions never share one. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        // Added before anything can return, so a skipped or up-to-date run still compiles earlier output.
        project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
        if (skip) {
            getLog().info("Skipping Arazzo code generation (weft.skip is set)");
            return;
        }
        Path output = outputDirectory.toPath();
        Path stampFile = stampFile();
        try {
            List<Path> documents = findDocuments();
            if (documents.isEmpty()) {
                logNothingFound();
                removeEarlierOutput(output, stampFile);
                return;
            }
            String toolVersion = toolVersion();
            getLog().debug("Build stamp of Weft " + toolVersion);
            BuildStamp stamp = BuildStamp.compute(toolVersion, configuration(), sourceDirectory.toPath());
            if (stamp.isRecordedIn(stampFile, output)) {
                getLog().info("Arazzo sources are up to date; nothing to generate");
                return;
            }
            CompilationResult result = compile(documents);
            int written = new GeneratedSources(output).sync(result.files());
            stamp.write(stampFile, GeneratedSources.relativePaths(result.files()));
            getLog().info("Generated " + result.files().size() + " workflow class"
                    + (result.files().size() == 1 ? "" : "es") + " in " + outputDirectory + " (" + written
                    + " changed)");
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Cannot write the generated Arazzo sources to " + outputDirectory + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected Map<String, String> configuration() throws MojoFailureException {
        Map<String, String> values = new TreeMap<>(super.configuration());
        values.put("outputDirectory", outputDirectory.getAbsolutePath());
        return values;
    }

    private Path stampFile() {
        return Path.of(project.getBuild().getDirectory(), "weft", mojoExecution.getExecutionId() + ".stamp");
    }

    /**
     * The plugin version, plus for a snapshot the content of Weft's own jars: a snapshot keeps its
     * version while its code changes, and stale output after a compiler change would mislead.
     */
    private String toolVersion() throws IOException {
        StringBuilder version = new StringBuilder(plugin.getVersion());
        if (plugin.getVersion().endsWith("-SNAPSHOT") && plugin.getArtifacts() != null) {
            for (Artifact artifact : plugin.getArtifacts()) {
                File file = artifact.getFile();
                if (artifact.getGroupId().equals(plugin.getGroupId()) && file != null && file.isFile()) {
                    version.append(' ')
                            .append(artifact.getArtifactId())
                            .append('=')
                            .append(BuildStamp.contentHash(file.toPath()));
                }
            }
        }
        return version.toString();
    }

    // With every document gone, the classes generated from them must go too, or javac would keep compiling them.
    private void removeEarlierOutput(Path output, Path stampFile) throws IOException {
        if (Files.isRegularFile(stampFile)) {
            new GeneratedSources(output).sync(List.of());
            Files.delete(stampFile);
        }
    }
}
