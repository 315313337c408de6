package dev.weft.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** {@link QuickRun} reads a command line as picocli does, or leaves it to picocli. */
class QuickRunTest {

    /** What a command line sets, as one comparable list. */
    private static List<Object> fields(RunCommand command) {
        return List.of(
                String.valueOf(command.file),
                String.valueOf(command.workflowId),
                command.inputs,
                command.servers,
                String.valueOf(command.pollDelay),
                String.valueOf(command.report),
                String.valueOf(command.reportFile),
                command.verbose,
                command.noCache,
                command.compile.strict,
                command.compile.mappings);
    }

    /** The run command picocli reads from args, or null when picocli refuses them. */
    private static RunCommand picocli(String... args) {
        CommandLine line = new CommandLine(Main.class);
        try {
            CommandLine.ParseResult parsed = line.parseArgs(args);
            if (!parsed.hasSubcommand()
                    || parsed.subcommand().isUsageHelpRequested()
                    || parsed.subcommand().isVersionHelpRequested()) {
                return null;
            }
            return parsed.subcommand().commandSpec().userObject() instanceof RunCommand run ? run : null;
        } catch (ParameterException e) {
            return null;
        }
    }

    private static void assertReadAlike(String... args) {
        RunCommand quick = QuickRun.parse(args);
        RunCommand picocli = picocli(args);
        assertNotNull(quick, () -> String.join(" ", args) + " is read by QuickRun");
        assertNotNull(picocli, () -> String.join(" ", args) + " is read by picocli");
        assertEquals(fields(picocli), fields(quick), () -> String.join(" ", args));
    }

    private static void assertLeftToPicocli(String... args) {
        assertNull(QuickRun.parse(args), () -> String.join(" ", args) + " is left to picocli");
    }

    @Test
    void theCommonRunCommandLinesAreReadAsPicocliReadsThem() {
        assertReadAlike("run", "a.arazzo.yaml");
        assertReadAlike(
                "run",
                "docs/a.arazzo.yaml",
                "--server",
                "api=http://127.0.0.1:8080",
                "--poll-delay",
                "0",
                "-i",
                "apiKey=k",
                "-i",
                "engine=flux2",
                "--input",
                "prompt=a fox = a dog",
                "-i",
                "empty=");
        assertReadAlike("run", "-w", "create-task", "a.yaml", "-v", "--no-cache", "--strict");
        assertReadAlike("run", "--workflow", "x", "--verbose", "--map", "https://x/api.yaml=local.yaml", "a.yaml");
        assertReadAlike("run", "a.yaml", "--poll-delay", "007", "-i", "n={\"a\":[1,2]}", "-i", "t=true");
        assertReadAlike("run", "a.yaml", "--server", "a=http://a", "--server", "b=http://b");
    }

    @Test
    void anythingElseIsLeftToPicocli() {
        List<String[]> lines = new ArrayList<>(List.of(
                new String[] {"run"},
                new String[] {"check", "a.yaml"},
                new String[] {"generate", "a.yaml", "-d", "out"},
                new String[] {"run", "--help"},
                new String[] {"run", "a.yaml", "-h"},
                new String[] {"run", "a.yaml", "--version"},
                new String[] {"run", "a.yaml", "b.yaml"},
                new String[] {"run", "a.yaml", "--report", "json"},
                new String[] {"run", "a.yaml", "--report-file", "r.json"},
                new String[] {"run", "a.yaml", "--inptu", "x=1"},
                new String[] {"run", "a.yaml", "-i"},
                new String[] {"run", "a.yaml", "-i", "novalue"},
                new String[] {"run", "a.yaml", "-i", "=x"},
                new String[] {"run", "a.yaml", "-i", "a=1", "-i", "a=2"},
                new String[] {"run", "a.yaml", "-i", "-x=1"},
                new String[] {"run", "a.yaml", "-iapiKey=k"},
                new String[] {"run", "a.yaml", "--input=apiKey=k"},
                new String[] {"run", "a.yaml", "-vi", "a=1"},
                new String[] {"run", "a.yaml", "-v", "-v"},
                new String[] {"run", "a.yaml", "-w", "a", "--workflow", "b"},
                new String[] {"run", "a.yaml", "--poll-delay", "-1"},
                new String[] {"run", "a.yaml", "--poll-delay", "soon"},
                new String[] {"run", "a.yaml", "--poll-delay", "1", "--poll-delay", "2"},
                new String[] {"run", "a.yaml", "--server", "http://a"},
                new String[] {"run", "a.yaml", "--map", "nofile"},
                new String[] {"run", "@args.txt"},
                new String[] {"run", "a.yaml", "-i", "@x"},
                new String[] {"run", "--", "a.yaml"},
                new String[] {"run", "-"},
                new String[] {"run", "a\0.yaml"}));
        for (String[] args : lines) {
            assertLeftToPicocli(args);
        }
    }
}
