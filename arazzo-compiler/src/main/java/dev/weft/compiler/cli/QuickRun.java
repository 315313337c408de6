package dev.weft.compiler.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code weft run FILE} with the common options, read without picocli: building picocli's model of the commands
 * (by reflection, from classes that class-data sharing cannot archive) costs a one-shot run about a quarter of a
 * second. Only a command line whose meaning is certain is read here: {@code run}, one FILE, and each of
 * {@code -w/--workflow}, {@code -i/--input}, {@code --server}, {@code --poll-delay}, {@code -v/--verbose},
 * {@code --no-cache}, {@code --strict} and {@code --map} in its spaced form, singly where picocli takes one.
 * Anything else (help, another option, an attached or clustered form, a repeated single option, a value that
 * starts with {@code -} or an {@code @file}) goes to picocli as before, so both read every command line alike.
 */
final class QuickRun {
    private QuickRun() {}

    /** A mistake on a command line read here, printed as picocli's handler prints one. */
    static final class Usage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Usage(String message) {
            super(message, null, false, false);
        }
    }

    /** The {@code run} command this reads from {@code args}, or null when picocli must read them. */
    static RunCommand parse(String[] args) {
        if (args.length < 2 || !"run".equals(args[0])) {
            return null;
        }
        RunCommand command = new RunCommand();
        command.compile = new CompileOptions();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("@")) {
                return null; // an argument file
            }
            if (!arg.startsWith("-")) {
                if (command.file != null || (command.file = path(arg)) == null) {
                    return null;
                }
                continue;
            }
            String option = switch (arg) {
                case "-w", "--workflow" -> "--workflow";
                case "-i", "--input" -> "--input";
                case "-v", "--verbose" -> "--verbose";
                default -> arg;
            };
            boolean repeatable = option.equals("--input") || option.equals("--server") || option.equals("--map");
            if (!seen.add(option) && !repeatable) {
                return null;
            }
            switch (option) {
                case "--verbose" -> command.verbose = true;
                case "--no-cache" -> command.noCache = true;
                case "--strict" -> command.compile.strict = true;
                case "--workflow", "--input", "--server", "--poll-delay", "--map" -> {
                    if (i + 1 == args.length || args[i + 1].startsWith("-") || args[i + 1].startsWith("@")) {
                        return null;
                    }
                    if (!value(command, option, args[++i])) {
                        return null;
                    }
                }
                default -> {
                    return null;
                }
            }
        }
        return command.file == null ? null : command;
    }

    /** Sets an option's value; false when picocli would read it otherwise or refuse it. */
    private static boolean value(RunCommand command, String option, String value) {
        switch (option) {
            case "--workflow" -> command.workflowId = value;
            case "--poll-delay" -> {
                if (!value.matches("[0-9]{1,18}")) {
                    return false;
                }
                command.pollDelay = Long.parseLong(value);
            }
            case "--map" -> {
                int eq = value.indexOf('=');
                Path file = eq <= 0 ? null : path(value.substring(eq + 1));
                return file != null && put(command.compile.mappings, value.substring(0, eq), file);
            }
            default -> {
                int eq = value.indexOf('=');
                Map<String, String> map = option.equals("--input") ? command.inputs : command.servers;
                return eq > 0 && put(map, value.substring(0, eq), value.substring(eq + 1));
            }
        }
        return true;
    }

    /** Adds an entry that is not there yet (a repeated key is left to picocli). */
    private static <V> boolean put(Map<String, V> map, String key, V value) {
        return map.putIfAbsent(key, value) == null;
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
