package dev.weft.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** The {@code validate} goal: checks Arazzo documents as {@code generate} does, but writes nothing. */
@Mojo(
        name = "validate",
        defaultPhase = LifecyclePhase.VALIDATE,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.NONE)
public class ValidateMojo extends AbstractArazzoMojo {

    /** The folder the Arazzo documents (and, usually, the OpenAPI descriptions they name) live in. */
    @Parameter(property = "weft.sourceDirectory", defaultValue = "${project.basedir}/src/main/arazzo")
    protected File sourceDirectory;

    @Override
    protected File sourceDirectory() {
        return sourceDirectory;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Arazzo validation (weft.skip is set)");
            return;
        }
        if (nothingChangedInIde()) {
            getLog().debug("No Arazzo source changed since the IDE's last build");
            return;
        }
        List<Path> documents = findDocuments();
        if (documents.isEmpty()) {
            logNothingFound();
            return;
        }
        long warnings = compile(documents).warnings();
        getLog().info("Validated " + documents.size() + " Arazzo document" + (documents.size() == 1 ? "" : "s")
                + ": no errors" + (warnings == 0 ? "" : ", " + warnings + " warning" + (warnings == 1 ? "" : "s")));
    }
}
