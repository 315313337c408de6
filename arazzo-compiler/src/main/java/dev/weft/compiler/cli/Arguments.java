package dev.weft.compiler.cli;

import dev.weft.compiler.CompilationRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import javax.lang.model.SourceVersion;

/** The parsed command line; {@link #parse} throws {@link IllegalArgumentException} saying what is wrong. */
record Arguments(
        String command,
        List<Path> files,
        boolean strict,
        Map<String, Path> mappings,
        Path outputDirectory,
        String packageName,
        String workflowId,
        Map<String, String> inputs,
        Map<String, String> servers,
        Duration pollDelay,
        Set<CompilationRequest.Target> targets) {

    private static final Set<String> COMMANDS = Set.of("validate", "generate", "run");

    static Arguments parse(String[] args) {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            throw new IllegalArgumentException(args.length == 0 ? "no command" : "unknown command '" + args[0] + "'");
        }
        String command = args[0];
        List<Path> files = new ArrayList<>();
        Map<String, Path> mappings = new LinkedHashMap<>();
        Map<String, String> inputs = new LinkedHashMap<>();
        Map<String, String> servers = new LinkedHashMap<>();
        boolean strict = false;
        Path output = null;
        String packageName = null;
        String workflow = null;
        Duration pollDelay = null;
        Set<CompilationRequest.Target> targets = Set.of(CompilationRequest.Target.PLAIN);
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--strict" -> strict = true;
                case "-d" -> output = Path.of(value(args, ++i, arg));
                case "-p" -> packageName = value(args, ++i, arg);
                case "--workflow" -> workflow = value(args, ++i, arg);
                case "--map" -> pair(value(args, ++i, arg), arg, (k, v) -> mappings.put(k, Path.of(v)));
                case "--input" -> pair(value(args, ++i, arg), arg, inputs::put);
                case "--server" -> pair(value(args, ++i, arg), arg, servers::put);
                case "--poll-delay" -> pollDelay = millis(value(args, ++i, arg), arg);
                case "--target" -> targets = CompilationRequest.Target.parse(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option '" + arg + "'");
                    }
                    files.add(Path.of(arg));
                }
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no Arazzo document given");
        }
        if (command.equals("generate") && (output == null || packageName == null)) {
            throw new IllegalArgumentException("generate needs -d DIR and -p PACKAGE");
        }
        if (packageName != null && !SourceVersion.isName(packageName)) {
            throw new IllegalArgumentException("'" + packageName + "' is not a Java package name");
        }
        if (command.equals("run") && (workflow == null || files.size() != 1)) {
            throw new IllegalArgumentException("run needs exactly one FILE and --workflow ID");
        }
        if (!command.equals("run")
                && (workflow != null || !inputs.isEmpty() || !servers.isEmpty() || pollDelay != null)) {
            throw new IllegalArgumentException("--workflow, --input, --server and --poll-delay go with run");
        }
        return new Arguments(
                command,
                List.copyOf(files),
                strict,
                mappings,
                output,
                packageName,
                workflow,
                inputs,
                servers,
                pollDelay,
                targets);
    }

    private static Duration millis(String text, String option) {
        try {
            long ms = Long.parseLong(text);
            if (ms < 0) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(ms);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes milliseconds >= 0, not '" + text + "'");
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static void pair(String text, String option, BiConsumer<String, String> into) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(option + " takes NAME=VALUE, not '" + text + "'");
        }
        into.accept(text.substring(0, eq), text.substring(eq + 1));
    }
}
