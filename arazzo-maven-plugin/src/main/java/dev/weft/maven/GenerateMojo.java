package dev.weft.maven;

import java.io.File;
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
public class GenerateMojo extends AbstractGenerateMojo {

    /** The folder the Arazzo documents (and, usually, the OpenAPI descriptions they name) live in. */
    @Parameter(property = "weft.sourceDirectory", defaultValue = "${project.basedir}/src/main/arazzo")
    protected File sourceDirectory;

    /**
     * The folder the generated Java sources are written to; it is added as a compile source root.
     * Executions may share it: each removes only the stale files it wrote itself.
     */
    @Parameter(property = "weft.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/arazzo")
    protected File outputDirectory;

    @Override
    protected File sourceDirectory() {
        return sourceDirectory;
    }

    @Override
    protected File outputDirectory() {
        return outputDirectory;
    }

    @Override
    protected void addSourceRoot(String path) {
        project.addCompileSourceRoot(path);
    }
}
