package dev.weft.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What {@code generate} and {@code generate-test} share: the up-to-date check, the one compile, and
 * this execution's share of the output folder.
 */
public abstract class AbstractGenerateMojo extends AbstractArazzoMojo {

    /** This execution, whose goal and id name the build stamp so that executions never share one. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    /** The folder the generated Java sources are written to. */
    protected abstract File outputDirectory();

    /** Adds {@code path} to the source roots the project compiles (main or test). */
    protected abstract void addSourceRoot(String path);

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        // Added before anything can return, so a skipped or up-to-date run still compiles earlier output.
        addSourceRoot(outputDirectory().getAbsolutePath());
        if (skip) {
            getLog().info("Skipping Arazzo code generation (weft.skip is set)");
            return;
        }
        if (nothingChangedInIde()) {
            getLog().debug("No Arazzo source changed since the IDE's last build");
            return;
        }
        String execution = BuildStamp.executionName(mojoExecution.getGoal(), mojoExecution.getExecutionId());
        Path stampFile = BuildStamp.fileOf(
                Path.of(project.getBuild().getDirectory(), "weft"),
                mojoExecution.getGoal(),
                mojoExecution.getExecutionId());
        try {
            // one walk of the source folder, for the documents and for the stamp
            SortedMap<String, Path> sources = sourceFiles();
            List<Path> documents = documentsAmong(sources);
            if (documents.isEmpty()) {
                logNothingFound();
                // With every document gone, the classes generated from them must go too, or javac would
                // keep compiling them.
                writeOutput(stampFile, List.of());
                Files.deleteIfExists(stampFile);
                return;
            }
            BuildStamp stamp = BuildStamp.compute(toolVersion(), configuration(), sources);
            if (stamp.isRecordedIn(stampFile, outputDirectory().toPath())) {
                getLog().info("Arazzo sources are up to date; nothing to generate");
                return;
            }
            CompilerBridge.Outcome result = compile(documents);
            writeOutput(stampFile, result.files());
            stamp.write(
                    stampFile, execution, outputDirectory().toPath(), GeneratedSources.relativePaths(result.files()));
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Cannot write the generated Arazzo sources to " + outputDirectory() + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected Map<String, String> configuration() throws MojoFailureException {
        Map<String, String> values = new TreeMap<>(super.configuration());
        values.put("outputDirectory", outputDirectory().getAbsolutePath());
        return values;
    }

    /** Writes {@code files}, removes this execution's stale ones, and logs each file written or removed. */
    private void writeOutput(Path stampFile, List<CompilerBridge.Generated> files)
            throws IOException, MojoFailureException {
        Path output = outputDirectory().toPath();
        Map<String, String> others = BuildStamp.claimsOfOthers(stampFile, output);
        GeneratedSources sources = new GeneratedSources(output, buildContext);
        List<String> clashes = sources.clashes(files, others);
        if (!clashes.isEmpty()) {
            throw new MojoFailureException("Executions that share " + shown(output) + " generate the same class:"
                    + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", clashes)
                    + System.lineSeparator()
                    + "Give them different <packageName> or <outputDirectory> values (an execution that no longer"
                    + " exists is forgotten by mvn clean).");
        }
        List<String> previous = BuildStamp.Recorded.read(stampFile)
                .filter(r -> r.outputDirectory().equals(output.toAbsolutePath().normalize()))
                .map(BuildStamp.Recorded::outputs)
                .orElse(List.of());
        GeneratedSources.Changes changes = sources.sync(files, previous, others);
        changes.removed().forEach(path -> getLog().info("Removed " + shown(output.resolve(path))));
        changes.written().forEach(file -> getLog().info("Wrote " + file.qualifiedName()));
        if (!files.isEmpty()) {
            getLog().info("Generated " + files.size() + " workflow class" + (files.size() == 1 ? "" : "es") + " in "
                    + shown(output) + " (" + changes.written().size() + " written, " + changes.unchanged()
                    + " unchanged)");
        }
    }

    /**
     * The plugin version, plus for a snapshot the identity of Weft's own jars (the plugin's, those a user added
     * to it, the compiler's and the runtime's): a snapshot keeps its version while its code changes, and stale
     * output after a compiler change would mislead. A jar's identity is its path, size and time of last change:
     * hashing the compiler's megabyte on every build cost more than the rest of an up-to-date run, and a rebuilt
     * jar has a new time. The compiler's jars are looked up alone, without resolving what they depend on.
     */
    private String toolVersion() {
        StringBuilder version = new StringBuilder(plugin.getVersion());
        if (plugin.getVersion().endsWith("-SNAPSHOT")) {
            Map<String, File> jars = new TreeMap<>();
            for (Artifact artifact : plugin.getArtifacts() == null ? List.<Artifact>of() : plugin.getArtifacts()) {
                if (artifact.getGroupId().equals(plugin.getGroupId())
                        && artifact.getFile() != null
                        && artifact.getFile().isFile()) {
                    jars.put(artifact.getArtifactId(), artifact.getFile());
                }
            }
            if (repositorySystem != null && session != null) {
                for (Path jar : compilerLoader().stampedJars()) {
                    jars.putIfAbsent(jarName(jar), jar.toFile());
                }
            }
            for (Map.Entry<String, File> jar : jars.entrySet()) {
                File file = jar.getValue();
                version.append(' ')
                        .append(jar.getKey())
                        .append('=')
                        .append(file.getAbsolutePath())
                        .append(' ')
                        .append(file.length())
                        .append(' ')
                        .append(file.lastModified());
            }
        }
        getLog().debug("Build stamp of Weft " + version);
        return version.toString();
    }

    // arazzo-compiler for .../arazzo-compiler/0.1.0-SNAPSHOT/arazzo-compiler-0.1.0-SNAPSHOT.jar
    private String jarName(Path jar) {
        String name = jar.getFileName().toString();
        String suffix = "-" + plugin.getVersion() + ".jar";
        return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
    }
}
