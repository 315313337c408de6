package dev.weft.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.sonatype.plexus.build.incremental.BuildContext;

/**
 * The one call into Weft's compiler, in types of the JDK and of Maven only: the compiler and its dependencies
 * (Swagger Parser, Jackson, JavaPoet...) are no dependencies of the plugin, so Maven neither resolves nor loads
 * them on a build that finds the generated sources up to date. {@link CompilerLoader} resolves them on the first
 * build that compiles and loads {@code dev.weft.maven.compile.ArazzoCompilerBridge}, the implementation, beside
 * them.
 */
public interface CompilerBridge {

    /**
     * What to compile and where to report.
     *
     * @param documents the Arazzo documents
     * @param packageName the package of the generated classes
     * @param strict whether the forms Weft accepts with a warning are errors
     * @param sourceMappings local files for remote source description URLs
     * @param targets the configured targets, names separated by commas (the plain one is implied)
     * @param failOnWarnings whether warnings fail the build
     * @param baseDirectory the project's folder, which diagnostics name files relative to
     * @param markedFiles the files (and folders) whose IDE markers this run's diagnostics replace
     * @param log the Mojo's log
     * @param buildContext the IDE's view of the build
     */
    record Job(
            List<Path> documents,
            String packageName,
            boolean strict,
            Map<String, Path> sourceMappings,
            String targets,
            boolean failOnWarnings,
            Path baseDirectory,
            List<Path> markedFiles,
            Log log,
            BuildContext buildContext) {
        /** Copies the lists and the map. */
        public Job {
            documents = List.copyOf(documents);
            sourceMappings = Map.copyOf(sourceMappings);
            markedFiles = List.copyOf(markedFiles);
        }
    }

    /**
     * One generated source file.
     *
     * @param qualifiedName the class's qualified name, e.g. {@code com.acme.FooWorkflow}
     * @param source its Java source
     */
    record Generated(String qualifiedName, String source) {
        /** Its path below a source root, e.g. {@code com/acme/FooWorkflow.java}. */
        public Path relativePath() {
            return Path.of(qualifiedName.replace('.', '/') + ".java");
        }
    }

    /**
     * What a successful compile produced.
     *
     * @param files the generated sources
     * @param warnings how many warnings it reported
     */
    record Outcome(List<Generated> files, long warnings) {
        /** Copies the list. */
        public Outcome {
            files = List.copyOf(files);
        }
    }

    /**
     * Compiles the documents, logs every diagnostic and marks it in the IDE.
     *
     * @param job what to compile
     * @return the generated sources
     * @throws MojoFailureException if a document has errors, or warnings with {@code failOnWarnings}
     * @throws MojoExecutionException if Weft itself failed
     */
    Outcome compile(Job job) throws MojoExecutionException, MojoFailureException;
}
