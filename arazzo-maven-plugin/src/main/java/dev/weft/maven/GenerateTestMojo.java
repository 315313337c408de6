package dev.weft.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * The {@code generate-test} goal: compiles the Arazzo documents of the tests into Java sources that
 * only the tests see.
 */
@Mojo(
        name = "generate-test",
        defaultPhase = LifecyclePhase.GENERATE_TEST_SOURCES,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.NONE)
public class GenerateTestMojo extends AbstractGenerateMojo {

    /** The folder the tests' Arazzo documents (and the OpenAPI descriptions they name) live in. */
    @Parameter(property = "weft.testSourceDirectory", defaultValue = "${project.basedir}/src/test/arazzo")
    protected File sourceDirectory;

    /**
     * The folder the generated Java sources are written to; it is added as a test compile source
     * root. Executions may share it: each removes only the stale files it wrote itself.
     */
    @Parameter(
            property = "weft.testOutputDirectory",
            defaultValue = "${project.build.directory}/generated-test-sources/arazzo")
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
        project.addTestCompileSourceRoot(path);
    }
}
