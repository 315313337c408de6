package dev.weft.compiler.cli;

import dev.weft.compiler.diagnostic.Suggestions;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code weft}, the command line: names the commands and turns every failure into one of the documented exit
 * statuses, with a one-line message and never a stack trace for a user's mistake.
 *
 * <p>A command is a class annotated {@link Command} that implements {@code Callable<Integer>} (returning an exit
 * status) and takes its streams from {@link #console()} of its {@code @ParentCommand}; adding one is writing that
 * class and naming it in {@code subcommands} below. A mistake on the command line that picocli cannot see (an
 * unknown input, say) is a {@link ParameterException} thrown from {@code call()}: it exits with {@link #USAGE}.
 */
@Command(
        name = "weft",
        mixinStandardHelpOptions = true,
        separator = " ",
        versionProvider = Version.class,
        description = "Checks Arazzo 1.0 workflows and the OpenAPI descriptions they use, generates their Java "
                + "classes, or runs a workflow.",
        subcommands = {CheckCommand.class, GenerateCommand.class, RunCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = Main.EXIT_HEADING,
        exitCodeList = {Main.EXIT_OK, Main.EXIT_FAILED, Main.EXIT_USAGE, Main.EXIT_INVALID})
public final class Main implements Callable<Integer> {
    /** Exit status: the command did what it was asked. */
    public static final int OK = 0;
    /** Exit status: the workflow failed, or a file could not be written. */
    public static final int FAILED = 1;
    /** Exit status: the command line is wrong. */
    public static final int USAGE = 2;
    /** Exit status: a document is invalid. */
    public static final int INVALID = 3;

    static final String EXIT_HEADING = "%nExit status:%n";
    static final String EXIT_OK = "0:success";
    static final String EXIT_FAILED = "1:the workflow failed, or a file could not be written";
    static final String EXIT_USAGE = "2:the command line is wrong: an unknown option, command, input, server or "
            + "workflow, a missing or ill-typed input";
    static final String EXIT_INVALID = "3:a document has errors (the diagnostics are printed)";

    @Spec
    private CommandSpec spec;

    private Console console;

    private Main() {}

    /** The streams the commands write to. */
    Console console() {
        return console;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "no command given: use check, generate or run");
    }

    public static void main(String[] args) {
        Timing.mark("main");
        int status = run(args, System.out, System.err, Console.stderrCharset());
        Timing.mark("exit");
        releaseSelectors();
        System.exit(status);
    }

    /**
     * Lets the JDK HTTP client's selector threads end before the JVM exits. Each waits for its sockets in native
     * code, and an exiting JDK 17 waits up to 300 ms for threads in native code to stop: a one-shot run spent
     * that long exiting. Interrupted, a selector thread leaves its wait and closes its client, which nothing
     * uses any more.
     */
    private static void releaseSelectors() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads);
        for (int i = 0; i < count; i++) {
            Thread thread = threads[i];
            if (thread.isDaemon()
                    && thread.getName().startsWith("HttpClient-")
                    && thread.getName().endsWith("-SelectorManager")) {
                thread.interrupt();
            }
        }
    }

    /** Runs a command with UTF-8 streams; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, StandardCharsets.UTF_8);
    }

    /**
     * Runs a command; returns the exit status.
     *
     * @param errCharset the charset {@code err} is shown in (results on {@code out} are UTF-8 JSON)
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Charset errCharset) {
        Main main = new Main();
        main.console = new Console(out, err, errCharset);
        RunCommand quick = QuickRun.parse(args);
        int status = quick != null ? quick(quick.under(main), main.console) : picocli(main, args);
        main.console.out().flush();
        main.console.err().flush();
        return status;
    }

    /** A {@code run} command line {@link QuickRun} read, run as picocli would run it, without picocli. */
    private static int quick(RunCommand command, Console console) {
        try {
            return command.call();
        } catch (QuickRun.Usage e) {
            console.err().println("weft: " + e.getMessage());
            console.err().println("Try 'weft run --help' for more information.");
            return USAGE;
        } catch (RuntimeException e) {
            return internalError(e, console);
        }
    }

    private static int picocli(Main main, String[] args) {
        CommandLine line = new CommandLine(main)
                .setOut(main.console.out())
                .setErr(main.console.err())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(Main::usage)
                .setExecutionExceptionHandler((e, commandLine, parsed) -> internalError(e, main.console));
        return line.execute(args);
    }

    /** A wrong command line: one line saying what is wrong (with a likely fix) and where to read more. */
    private static int usage(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        String message = e instanceof UnmatchedArgumentException unmatched ? unmatched(unmatched) : e.getMessage();
        line.getErr().println("weft: " + message);
        line.getErr().println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for more information.");
        return USAGE;
    }

    /** An unknown option or command (the first one: the rest often follows from it), with the closest known one. */
    private static String unmatched(UnmatchedArgumentException e) {
        CommandSpec command = e.getCommandLine().getCommandSpec();
        List<String> args = e.getUnmatched();
        if (args.isEmpty()) {
            return e.getMessage();
        }
        String arg = args.stream().filter(a -> a.startsWith("-")).findFirst().orElse(args.get(0));
        if (arg.startsWith("-")) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            return "unknown option '" + name + "'"
                    + Suggestions.hint(name, command.optionsMap().keySet());
        }
        if (!command.subcommands().isEmpty()) {
            return "unknown command '" + arg + "'"
                    + Suggestions.hint(arg, command.subcommands().keySet());
        }
        return "unexpected argument '" + arg + "'";
    }

    /** A bug in Weft: the one case that prints a stack trace, for the report it asks for. */
    private static int internalError(Exception e, Console console) {
        console.err().println("weft: internal error, please report it: " + e);
        e.printStackTrace(console.err());
        return FAILED;
    }
}
