package dev.weft.compiler.cli;

import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedFile;
import dev.weft.compiler.diagnostic.DiagnosticFormatter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code weft}: validate Arazzo documents, generate their Java classes, or compile one in memory and
 * run a workflow, printing its outputs as JSON.
 *
 * <pre>
 * weft validate FILE... [--strict] [--map URL=FILE]...
 * weft generate FILE... -d DIR -p PACKAGE [--target temporal] [--strict] [--map URL=FILE]...
 * weft run FILE --workflow ID [--input NAME=VALUE]... [--server SOURCE=URL]... [--poll-delay MS] [--strict]
 * </pre>
 *
 * Exit status: 0 success, 1 the documents have errors or the workflow failed, 2 the command line is wrong.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = String.join(
            System.lineSeparator(),
            "usage: weft validate FILE... [--strict] [--map URL=FILE]...",
            "       weft generate FILE... -d DIR -p PACKAGE [--target temporal] [--strict] [--map URL=FILE]...",
            "       weft run FILE --workflow ID [--input NAME=VALUE]... [--server SOURCE=URL]... [--poll-delay MS]",
            "",
            "  --input NAME=VALUE   a workflow input; VALUE is read as JSON when it is JSON (42, true, {...}),",
            "                       else as a string",
            "  --server SOURCE=URL  the base URL of a source description, instead of its OpenAPI servers",
            "  --poll-delay MS      the first delay between polling iterations (default 1000; 0 for none)",
            "  --map URL=FILE       read FILE wherever a source description's url is URL (never downloaded)",
            "  --target temporal    also generate each workflow's durable form on Temporal (needs arazzo-temporal)");

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("weft: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        try {
            return switch (arguments.command()) {
                case "validate" -> report(compile(arguments, "weft.validate"), err) ? OK : FAILED;
                case "generate" -> generate(arguments, out, err);
                case "run" -> new WorkflowRunner(arguments, out, err).run();
                default -> throw new IllegalStateException(arguments.command());
            };
        } catch (RuntimeException e) {
            err.println("weft: internal error, please report it: " + e);
            e.printStackTrace(err);
            return FAILED;
        }
    }

    static CompilationResult compile(Arguments arguments, String packageName) {
        return ArazzoCompiler.compile(CompilationRequest.builder()
                .documents(arguments.files())
                .packageName(packageName)
                .strict(arguments.strict())
                .sourceMappings(arguments.mappings())
                .targets(arguments.targets())
                .build());
    }

    /** Prints every diagnostic; true when there is no error. */
    static boolean report(CompilationResult result, PrintStream err) {
        DiagnosticFormatter formatter = new DiagnosticFormatter(Path.of("").toAbsolutePath());
        result.diagnostics().forEach(d -> err.println(formatter.format(d)));
        long errors = result.errors().size();
        if (errors > 0) {
            err.println(errors + (errors == 1 ? " error" : " errors"));
        }
        return errors == 0;
    }

    private static int generate(Arguments arguments, PrintStream out, PrintStream err) {
        CompilationResult result = compile(arguments, arguments.packageName());
        if (!report(result, err)) {
            return FAILED;
        }
        try {
            for (GeneratedFile file : result.files()) {
                out.println(file.writeTo(arguments.outputDirectory()));
            }
        } catch (IOException e) {
            err.println("weft: cannot write to " + arguments.outputDirectory() + ": " + e.getMessage());
            return FAILED;
        }
        return OK;
    }
}
