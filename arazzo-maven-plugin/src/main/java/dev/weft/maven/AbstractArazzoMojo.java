package dev.weft.maven;

import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import dev.weft.compiler.diagnostic.DiagnosticFormatter;
import dev.weft.compiler.diagnostic.Severity;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.inject.Inject;
import javax.lang.model.SourceVersion;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.sonatype.plexus.build.incremental.BuildContext;

/** The parameters every goal shares, the one call into the compiler, and the logging of its diagnostics. */
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
        try {
            return new SourceScanner(effectiveIncludes(), effectiveExcludes())
                    .scan(sourceDirectory().toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot list the Arazzo documents in " + sourceDirectory(), e);
        }
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
    protected final CompilationResult compile(List<Path> documents)
            throws MojoExecutionException, MojoFailureException {
        CompilationRequest request = CompilationRequest.builder()
                .documents(documents)
                .packageName(effectivePackageName())
                .strict(strict)
                .sourceMappings(mappings())
                .targets(effectiveTargets())
                .build();
        documents.forEach(document -> getLog().info("Compiling " + shown(document)));
        CompilationResult result;
        try {
            result = ArazzoCompiler.compile(request);
        } catch (RuntimeException e) {
            // The compiler reports every user error as a diagnostic, so anything thrown is Weft's fault.
            throw new MojoExecutionException("Weft failed while compiling the Arazzo documents; please report it", e);
        }
        DiagnosticFormatter formatter =
                new DiagnosticFormatter(project.getBasedir().toPath());
        result.diagnostics().forEach(d -> log(formatter, d));
        new IdeMarkers(buildContext).replace(markedFiles(documents), result.diagnostics());
        failOnProblems(result, formatter);
        return result;
    }

    /** The targets configured, the plain one included. */
    private Set<CompilationRequest.Target> effectiveTargets() throws MojoFailureException {
        try {
            return CompilationRequest.Target.parse(String.join(",", targets == null ? List.of() : targets));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("<targets>: " + e.getMessage(), e);
        }
    }

    /** Every configuration value that changes what the goal produces, for the build stamp. */
    protected Map<String, String> configuration() throws MojoFailureException {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("sourceDirectory", sourceDirectory().getAbsolutePath());
        values.put("includes", String.join("\n", effectiveIncludes()));
        values.put("excludes", String.join("\n", effectiveExcludes()));
        values.put("packageName", effectivePackageName());
        values.put("strict", Boolean.toString(strict));
        values.put("targets", effectiveTargets().toString());
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
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return HexFormat.of().formatHex(hash);
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable"; // the compiler reports a missing or unreadable mapped file itself
        }
    }

    /** The configured package name, or the default derived from the groupId. */
    protected final String effectivePackageName() throws MojoFailureException {
        if (packageName == null || packageName.isBlank()) {
            return legalPackageName(project.getGroupId() + ".arazzo");
        }
        String name = packageName.trim();
        if (!SourceVersion.isName(name)) {
            throw new MojoFailureException("packageName '" + name + "' is not a legal Java package name");
        }
        return name;
    }

    /** {@code name} made a legal Java package name: illegal characters become '_', keywords get a '_'. */
    static String legalPackageName(String name) {
        List<String> segments = new ArrayList<>();
        for (String raw : name.split("\\.")) {
            if (raw.isEmpty()) {
                continue;
            }
            StringBuilder segment = new StringBuilder();
            raw.codePoints().forEach(c -> segment.appendCodePoint(Character.isJavaIdentifierPart(c) ? c : '_'));
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

    private void log(DiagnosticFormatter formatter, Diagnostic d) {
        String text = formatter.format(d);
        switch (d.severity()) {
            case ERROR -> getLog().error(text);
            case WARNING -> getLog().warn(text);
            case NOTE -> getLog().info(text);
        }
    }

    private void failOnProblems(CompilationResult result, DiagnosticFormatter formatter)
            throws MojoExecutionException, MojoFailureException {
        List<Diagnostic> errors = result.errors();
        if (errors.stream().anyMatch(d -> d.code() == DiagnosticCode.INTERNAL_ERROR)) {
            throw new MojoExecutionException(summary(
                    "Weft failed while compiling the Arazzo documents; please report it." + " It found",
                    errors,
                    "error",
                    formatter));
        }
        if (!errors.isEmpty()) {
            throw new MojoFailureException(summary("Arazzo compilation failed with", errors, "error", formatter));
        }
        List<Diagnostic> warnings = result.diagnostics().stream()
                .filter(d -> d.severity() == Severity.WARNING)
                .toList();
        if (failOnWarnings && !warnings.isEmpty()) {
            throw new MojoFailureException(
                    summary("Arazzo compilation failed (failOnWarnings is set) with", warnings, "warning", formatter));
        }
    }

    private static String summary(
            String lead, List<Diagnostic> diagnostics, String noun, DiagnosticFormatter formatter) {
        String count = diagnostics.size() + " " + noun + (diagnostics.size() == 1 ? "" : "s");
        return diagnostics.stream()
                .map(formatter::headline)
                .collect(Collectors.joining(
                        System.lineSeparator(), lead + " " + count + ":" + System.lineSeparator(), ""));
    }
}
