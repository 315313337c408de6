package dev.weft.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import javax.inject.Inject;
import javax.lang.model.SourceVersion;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.sonatype.plexus.build.incremental.BuildContext;

/**
 * The parameters every goal shares and the one call into the compiler, which {@link CompilerLoader} resolves and
 * loads only then.
 */
public abstract class AbstractArazzoMojo extends AbstractMojo {
    static final List<String> DEFAULT_INCLUDES = List.of("**/*.arazzo.yaml", "**/*.arazzo.yml", "**/*.arazzo.json");

    /** The project being built. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /**
     * The IDE's view of the build (m2e's incremental builds and markers); in a plain Maven build, one
     * that writes straight to disk and reports every file as changed.
     */
    @Inject
    protected BuildContext buildContext;

    /** Maven's resolver, which resolves Weft's compiler once there is something to compile. */
    @Inject
    protected RepositorySystem repositorySystem;

    /** The build, for its resolver session (offline or not, the local repository, the reactor). */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** The plugin's own descriptor, for its version (the compiler's) and, in the build stamp, its jars. */
    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    /**
     * Ant-style patterns, relative to {@code sourceDirectory}, of the Arazzo documents to compile.
     * Default: {@code **}{@code /*.arazzo.yaml}, {@code **}{@code /*.arazzo.yml} and
     * {@code **}{@code /*.arazzo.json}.
     */
    @Parameter(property = "weft.includes")
    protected List<String> includes;

    /** Ant-style patterns, relative to {@code sourceDirectory}, of files to leave out although included. */
    @Parameter(property = "weft.excludes")
    protected List<String> excludes;

    /**
     * The Java package of the generated classes. Default: the project's groupId followed by
     * {@code .arazzo}, made a legal package name (e.g. {@code com.acme.arazzo}).
     */
    @Parameter(property = "weft.packageName")
    protected String packageName;

    /**
     * Whether the forms the Arazzo specification does not allow but Weft accepts with a warning (a
     * bare {@code $inputs.x} inside a string, JSONPath conditions written as comparisons) are errors.
     */
    @Parameter(property = "weft.strict", defaultValue = "false")
    protected boolean strict;

    /**
     * What to generate for each workflow besides its plain class: {@code temporal} adds its durable form on
     * Temporal (a workflow interface and implementation, an activities interface and implementation), which
     * needs {@code dev.weft:arazzo-temporal} on the class path. Default: none, the plain classes only.
     */
    @Parameter(property = "weft.targets")
    protected List<String> targets = new ArrayList<>();

    /** Whether warnings fail the build as errors do. */
    @Parameter(property = "weft.failOnWarnings", defaultValue = "false")
    protected boolean failOnWarnings;

    /**
     * Local files to read instead of remote source description URLs (Weft never downloads at build
     * time): a list of {@code <sourceMapping>} with a {@code <url>} as the document writes it and a
     * {@code <file>}.
     */
    @Parameter
    protected List<SourceMapping> sourceMappings = new ArrayList<>();

    /** Whether to skip this goal. */
    @Parameter(property = "weft.skip", defaultValue = "false")
    protected boolean skip;

    /** The folder the Arazzo documents (and, usually, the OpenAPI descriptions they name) live in. */
    protected abstract File sourceDirectory();

    /** The Arazzo documents below {@code sourceDirectory} that match the includes and no exclude, sorted. */
    protected final List<Path> findDocuments() throws MojoExecutionException {
        return documentsAmong(sourceFiles());
    }

    /** Every regular file below {@code sourceDirectory}, by relative path: the documents and what they read. */
    protected final SortedMap<String, Path> sourceFiles() throws MojoExecutionException {
        try {
            return SourceScanner.regularFiles(sourceDirectory().toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot list the Arazzo documents in " + sourceDirectory(), e);
        }
    }

    /** The Arazzo documents among {@code files} (of {@link #sourceFiles}) that match the includes and no exclude. */
    protected final List<Path> documentsAmong(SortedMap<String, Path> files) {
        return new SourceScanner(effectiveIncludes(), effectiveExcludes()).select(files);
    }

    /** Logs that no document was found, naming where the goal looked. */
    protected final void logNothingFound() {
        getLog().info("No Arazzo documents in " + sourceDirectory() + " match " + effectiveIncludes()
                + (effectiveExcludes().isEmpty() ? "" : " (excluding " + effectiveExcludes() + ")"));
    }

    /** {@code file} relative to the project's base directory when it lies below it, for log lines. */
    protected final String shown(Path file) {
        Path base = project.getBasedir().toPath().toAbsolutePath();
        Path absolute = file.toAbsolutePath();
        return SourceScanner.slashed(absolute.startsWith(base) ? base.relativize(absolute) : absolute);
    }

    /**
     * Compiles the documents and logs every diagnostic.
     *
     * @throws MojoFailureException if a document has errors, or warnings with {@code failOnWarnings}
     * @throws MojoExecutionException if Weft itself failed
     */
    protected final CompilerBridge.Outcome compile(List<Path> documents)
            throws MojoExecutionException, MojoFailureException {
        CompilerBridge.Job job = new CompilerBridge.Job(
                documents,
                effectivePackageName(),
                strict,
                mappings(),
                String.join(",", targets == null ? List.of() : targets),
                failOnWarnings,
                project.getBasedir().toPath(),
                markedFiles(documents),
                getLog(),
                buildContext);
        documents.forEach(document -> getLog().info("Compiling " + shown(document)));
        CompilerBridge compiler = compilerLoader().load();
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        // the compiler's libraries (and the XPath engine's ServiceLoader) may look for classes there
        thread.setContextClassLoader(compiler.getClass().getClassLoader());
        try {
            return compiler.compile(job);
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    /** Resolves Weft's compiler (and, for the build stamp, its jars) through Maven's resolver. */
    protected final CompilerLoader compilerLoader() {
        return new CompilerLoader(
                repositorySystem,
                session == null ? null : session.getRepositorySession(),
                project.getRemotePluginRepositories(),
                plugin.getVersion());
    }

    /**
     * The targets configured, the plain one included, as names: the compiler reads them, so an unknown one fails
     * there, and the build stamp sees {@code Temporal} and {@code plain,temporal} alike.
     */
    private String effectiveTargets() {
        TreeSet<String> names = new TreeSet<>(List.of("plain"));
        for (String target : targets == null ? List.<String>of() : targets) {
            for (String name : target.split("[,\\s]+")) {
                if (!name.isEmpty()) {
                    names.add(name.toLowerCase(Locale.ROOT));
                }
            }
        }
        return names.toString();
    }

    /** Every configuration value that changes what the goal produces, for the build stamp. */
    protected Map<String, String> configuration() throws MojoFailureException {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("sourceDirectory", sourceDirectory().getAbsolutePath());
        values.put("includes", String.join("\n", effectiveIncludes()));
        values.put("excludes", String.join("\n", effectiveExcludes()));
        // What decides the package, not the package checked and derived: javax.lang.model's SourceVersion, which
        // does that, cost an up-to-date build some 10 ms to load; a failed run writes no stamp.
        String name = configuredPackageName();
        values.put("packageName", name == null ? "from groupId " + project.getGroupId() : name);
        values.put("strict", Boolean.toString(strict));
        values.put("targets", effectiveTargets());
        values.put("failOnWarnings", Boolean.toString(failOnWarnings));
        for (Map.Entry<String, Path> mapping : mappings().entrySet()) {
            // a mapped file may live outside sourceDirectory, so its content is part of the stamp here
            values.put("sourceMapping " + mapping.getKey(), mapping.getValue() + " " + digest(mapping.getValue()));
        }
        return values;
    }

    /** The source mappings, files resolved against the project. */
    protected final Map<String, Path> mappings() throws MojoFailureException {
        Map<String, Path> mappings = new LinkedHashMap<>();
        for (SourceMapping mapping : sourceMappings) {
            if (mapping.getUrl() == null || mapping.getFile() == null) {
                throw new MojoFailureException("each <sourceMapping> needs a <url> and a <file>");
            }
            Path file = mapping.getFile().toPath();
            mappings.put(
                    mapping.getUrl(),
                    file.isAbsolute() ? file : project.getBasedir().toPath().resolve(file));
        }
        return mappings;
    }

    /**
     * Whether an incremental IDE build saw no change to any file this goal reads; always false in a
     * full build, where the IDE (or Maven) does not say what changed.
     */
    protected final boolean nothingChangedInIde() throws MojoFailureException {
        if (!buildContext.isIncremental() || buildContext.hasDelta(sourceDirectory())) {
            return false;
        }
        return mappings().values().stream().noneMatch(file -> buildContext.hasDelta(file.toFile()));
    }

    // The IDE's markers on these files are replaced by this run's diagnostics.
    private List<Path> markedFiles(List<Path> documents) throws MojoFailureException {
        List<Path> files = new ArrayList<>(documents);
        files.add(sourceDirectory().toPath());
        files.addAll(mappings().values());
        return files;
    }

    private static String digest(Path file) {
        try {
            return BuildStamp.contentHash(file);
        } catch (IOException e) {
            return "unreadable"; // the compiler reports a missing or unreadable mapped file itself
        }
    }

    /** The configured package name, or the default derived from the groupId. */
    protected final String effectivePackageName() throws MojoFailureException {
        String name = configuredPackageName();
        if (name == null) {
            return legalPackageName(project.getGroupId() + ".arazzo");
        }
        if (!SourceVersion.isName(name)) {
            throw new MojoFailureException("packageName '" + name + "' is not a legal Java package name");
        }
        return name;
    }

    /** The configured package name, trimmed; null when none is set and the groupId decides. */
    private String configuredPackageName() {
        return packageName == null || packageName.isBlank() ? null : packageName.trim();
    }

    /** {@code name} made a legal Java package name: illegal characters become '_', keywords get a '_'. */
    static String legalPackageName(String name) {
        List<String> segments = new ArrayList<>();
        for (String raw : name.split("\\.")) {
            if (raw.isEmpty()) {
                continue;
            }
            StringBuilder segment = new StringBuilder();
            for (int i = 0; i < raw.length(); ) {
                int c = raw.codePointAt(i);
                segment.appendCodePoint(Character.isJavaIdentifierPart(c) ? c : '_');
                i += Character.charCount(c);
            }
            if (!Character.isJavaIdentifierStart(segment.codePointAt(0))) {
                segment.insert(0, '_');
            }
            if (SourceVersion.isKeyword(segment)) {
                segment.append('_');
            }
            segments.add(segment.toString());
        }
        return segments.isEmpty() ? "arazzo" : String.join(".", segments);
    }

    private List<String> effectiveIncludes() {
        return includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : List.copyOf(includes);
    }

    private List<String> effectiveExcludes() {
        return excludes == null ? List.of() : List.copyOf(excludes);
    }
}
