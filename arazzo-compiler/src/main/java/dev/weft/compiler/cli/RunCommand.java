package dev.weft.compiler.cli;

import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedFile;
import dev.weft.compiler.WorkflowSignature;
import dev.weft.compiler.diagnostic.Suggestions;
import dev.weft.runtime.ResponseInspector;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code weft run}: checks the command line against the document (workflow, inputs, servers), compiles and
 * loads the workflow's class, and hands it to an {@link Execution}.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        separator = " ",
        versionProvider = Version.class,
        description = {
            "Compile an Arazzo document in memory and run one workflow against its APIs.",
            "Prints one line per step on stderr as it runs and the outputs as JSON on stdout; values that hold a "
                    + "secret of the run (a secret input, a credential) are printed as ***. Needs a JDK."
        },
        exitCodeListHeading = Main.EXIT_HEADING,
        exitCodeList = {Main.EXIT_OK, Main.EXIT_FAILED, Main.EXIT_USAGE, Main.EXIT_INVALID})
final class RunCommand implements Callable<Integer> {
    private static final String PACKAGE = "weft.cli.generated";

    /** The formats of {@code --report}. */
    enum ReportFormat {
        json,
        junit
    }

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Main main;

    @Parameters(paramLabel = "FILE", description = "The Arazzo document.")
    Path file;

    @Option(
            names = {"-w", "--workflow"},
            paramLabel = "ID",
            description = "The workflow to run; may be left out when the document has only one.")
    String workflowId;

    @Option(
            names = {"-i", "--input"},
            paramLabel = "NAME=VALUE",
            description = "A workflow input. VALUE is read as JSON when it is JSON (42, true, {...}) and the "
                    + "input is not a string, else as text.")
    Map<String, String> inputs = new LinkedHashMap<>();

    @Option(
            names = "--server",
            paramLabel = "SOURCE=URL",
            description = "The base URL of a source description, instead of its OpenAPI servers.")
    Map<String, String> servers = new LinkedHashMap<>();

    @Option(
            names = "--poll-delay",
            paramLabel = "MS",
            description = "The first delay between polling iterations, in milliseconds (default 1000; 0 for none).")
    Long pollDelay;

    @Option(
            names = "--report",
            paramLabel = "FORMAT",
            description = "Write a run report: ${COMPLETION-CANDIDATES} (JUnit XML, as CI systems read it).")
    ReportFormat report;

    @Option(
            names = "--report-file",
            paramLabel = "PATH",
            description = "Where --report writes (default weft-report.json or weft-report.xml).")
    Path reportFile;

    @Option(
            names = {"-v", "--verbose"},
            description = "Also print the document's warnings and each request and response: headers and a body "
                    + "excerpt, secrets masked.")
    boolean verbose;

    @Option(
            names = "--check",
            paramLabel = "SPEC",
            arity = "0..1",
            parameterConsumer = ResponseCheckOption.class,
            description = "Check each response against the OpenAPI descriptions (local files) of the document: "
                    + "status code, content type, body schema and required headers (Redocly respect's "
                    + "STATUS_CODE_CHECK, CONTENT_TYPE_CHECK, SCHEMA_CHECK, RESPONSE_HEADER_CHECK). SPEC sets "
                    + "severities: STATUS_CODE_CHECK=error,SCHEMA_CHECK=warn, respect's JSON form, or one of "
                    + "error, warn, off for all (default: every check error). An error fails the step (its "
                    + "onFailure actions see it); a warning is printed and the run goes on.")
    String check;

    @Option(
            names = "--no-cache",
            description = "Compile afresh: neither use nor update the cache of compiled workflows (in "
                    + "$XDG_CACHE_HOME/weft or ~/.cache/weft, or WEFT_CACHE_DIR).")
    boolean noCache;

    @Mixin
    CompileOptions compile;

    @Override
    public Integer call() {
        if (pollDelay != null && pollDelay < 0) {
            throw usage("--poll-delay takes milliseconds >= 0, not " + pollDelay);
        }
        if (reportFile != null && report == null) {
            throw usage("--report-file needs --report json or --report junit");
        }
        Timing.mark("command line read");
        ResponseInspector checks = null;
        if (check != null) {
            try {
                checks = ResponseCheckOption.load(file, check, RunCommand.class.getClassLoader());
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
        RunCache.Compiled compiled = compiled();
        Timing.mark("compiled classes");
        if (compiled == null) {
            return Main.INVALID;
        }
        WorkflowSignature workflow = workflow(compiled.workflows());
        checkServers(compiled.workflows());
        RunInputs runInputs;
        try {
            runInputs = RunInputs.of(workflow, inputs);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        String className = compiled.classNames().get(RunCache.workflowKey(file, workflow.workflowId()));
        WorkflowRunner.Loaded loaded = WorkflowRunner.load(
                compiled.classes(), className, main.console().err());
        if (loaded == null) {
            return Main.FAILED;
        }
        Timing.mark("loaded");
        return new Execution(this, main.console(), checks).run(loaded.workflow(), workflow, runInputs);
    }

    /**
     * The document's compiled classes, from the cache when nothing it was compiled from changed, else compiled
     * now (and cached); the diagnostics printed either way. Null when there are errors or javac failed.
     */
    private RunCache.Compiled compiled() {
        PrintWriter err = main.console().err();
        Path dir = noCache ? null : RunCache.defaultDir();
        RunCache cache = dir == null ? null : new RunCache(dir);
        String key = cache == null ? null : RunCache.key(file, PACKAGE, compile.strict, compile.mappings);
        RunCache.Compiled hit = key == null ? null : cache.get(key);
        if (hit != null) {
            CompileOptions.print(hit.diagnostics(), err, verbose);
            return hit;
        }
        CompilationResult result = compile.compileQuietly(List.of(file), PACKAGE);
        if (CompileOptions.print(result.diagnostics(), err, verbose)) {
            return null;
        }
        Map<String, byte[]> classes = WorkflowRunner.compile(result.files(), err);
        if (classes == null) {
            return null;
        }
        Map<String, String> classNames = new LinkedHashMap<>();
        for (GeneratedFile generated : result.files()) {
            if (generated.document() != null && generated.workflowId() != null) {
                classNames.put(
                        RunCache.workflowKey(generated.document(), generated.workflowId()), generated.qualifiedName());
            }
        }
        RunCache.Compiled compiled =
                new RunCache.Compiled(result.diagnostics(), result.workflows(), classNames, classes);
        if (key != null) {
            cache.put(key, result.inputs(), compiled);
        }
        return compiled;
    }

    /** The report's file: the one given, or {@code weft-report.json} / {@code .xml} in the current folder. */
    Path reportPath() {
        return reportFile != null
                ? reportFile
                : Path.of(report == ReportFormat.junit ? "weft-report.xml" : "weft-report.json");
    }

    /** A mistake on the command line, for picocli's handler or, read by {@link QuickRun}, for its own. */
    RuntimeException usage(String message) {
        return spec == null ? new QuickRun.Usage(message) : new ParameterException(spec.commandLine(), message);
    }

    /** The command as {@link QuickRun} read it, under {@code main}. */
    RunCommand under(Main main) {
        this.main = main;
        return this;
    }

    private WorkflowSignature workflow(List<WorkflowSignature> workflows) {
        Path document = file.toAbsolutePath().normalize();
        List<WorkflowSignature> declared = workflows.stream()
                .filter(w -> w.document().toAbsolutePath().normalize().equals(document))
                .toList();
        List<String> ids = declared.stream().map(WorkflowSignature::workflowId).toList();
        if (workflowId == null) {
            if (declared.size() == 1) {
                return declared.get(0);
            }
            throw usage("the document has " + ids.size() + " workflows; name one with --workflow: " + quoted(ids));
        }
        return declared.stream()
                .filter(w -> w.workflowId().equals(workflowId))
                .findFirst()
                .orElseThrow(() -> {
                    String hint = Suggestions.hint(workflowId, ids);
                    throw usage("the document has no workflow '" + workflowId + "'"
                            + (hint.isEmpty() ? ids.isEmpty() ? "" : "; its workflows: " + quoted(ids) : hint));
                });
    }

    /** Every {@code --server} names a source description of the documents and gives an http(s) URL. */
    private void checkServers(List<WorkflowSignature> workflows) {
        Set<String> sources = workflows.stream()
                .flatMap(w -> w.sources().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (Map.Entry<String, String> server : servers.entrySet()) {
            String name = server.getKey();
            if (!sources.contains(name)) {
                String hint = Suggestions.hint(name, sources);
                throw usage("unknown server '" + name + "': no source description has that name"
                        + (hint.isEmpty() ? sources.isEmpty() ? "" : "; the sources: " + quoted(sources) : hint));
            }
            if (!isHttpUrl(server.getValue())) {
                throw usage("--server " + name + "=URL takes an http or https URL, not '" + server.getValue() + "'");
            }
        }
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String quoted(Collection<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }
}
