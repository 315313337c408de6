package dev.weft.compiler.cli;

import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedFile;
import dev.weft.compiler.WorkflowSignature;
import dev.weft.compiler.diagnostic.Suggestions;
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
        CompilationResult result =
                compile.compile(List.of(file), PACKAGE, main.console().err(), verbose);
        if (result == null) {
            return Main.INVALID;
        }
        WorkflowSignature workflow = workflow(result);
        checkServers(result);
        RunInputs runInputs;
        try {
            runInputs = RunInputs.of(workflow, inputs);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        String className = result.files().stream()
                .filter(f -> f.runs(file, workflow.workflowId()))
                .map(GeneratedFile::qualifiedName)
                .findFirst()
                .orElseThrow();
        try (WorkflowRunner.Loaded loaded =
                WorkflowRunner.load(result.files(), className, main.console().err())) {
            if (loaded == null) {
                return Main.FAILED;
            }
            return new Execution(this, main.console()).run(loaded.workflow(), workflow, runInputs);
        }
    }

    /** The report's file: the one given, or {@code weft-report.json} / {@code .xml} in the current folder. */
    Path reportPath() {
        return reportFile != null
                ? reportFile
                : Path.of(report == ReportFormat.junit ? "weft-report.xml" : "weft-report.json");
    }

    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private WorkflowSignature workflow(CompilationResult result) {
        Path document = file.toAbsolutePath().normalize();
        List<WorkflowSignature> declared = result.workflows().stream()
                .filter(w -> w.document().toAbsolutePath().normalize().equals(document))
                .toList();
        List<String> ids = declared.stream().map(WorkflowSignature::workflowId).toList();
        if (workflowId == null) {
            if (declared.size() == 1) {
                return declared.get(0);
            }
            throw usage("the document has " + ids.size() + " workflows; name one with --workflow: " + quoted(ids));
        }
        return result.workflow(file, workflowId).orElseThrow(() -> {
            String hint = Suggestions.hint(workflowId, ids);
            throw usage("the document has no workflow '" + workflowId + "'"
                    + (hint.isEmpty() ? ids.isEmpty() ? "" : "; its workflows: " + quoted(ids) : hint));
        });
    }

    /** Every {@code --server} names a source description of the documents and gives an http(s) URL. */
    private void checkServers(CompilationResult result) {
        Set<String> sources = result.workflows().stream()
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
