package dev.weft.mcp.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The command line of {@code weft mcp}, parsed.
 *
 * @param files the Arazzo documents
 * @param httpPort the port for streamable HTTP, or {@code null} for stdio
 * @param host the address HTTP listens on
 * @param servers base URLs of source descriptions, by name
 * @param secrets environment variables of secret inputs, by input
 * @param names tool names, by workflowId
 * @param pollDelay the first delay between polls, or {@code null} for the default
 * @param strict whether the seeds' dialects are errors
 * @param mappings local copies of remote sources, by URL
 */
record McpArguments(
        List<Path> files,
        Integer httpPort,
        String host,
        Map<String, String> servers,
        Map<String, String> secrets,
        Map<String, String> names,
        Duration pollDelay,
        boolean strict,
        Map<String, Path> mappings) {

    static final String USAGE = String.join(
            System.lineSeparator(),
            "usage: weft mcp FILE... [--http PORT [--host HOST]] [--secret INPUT=VARIABLE]...",
            "                [--name WORKFLOW=TOOL]... [--server SOURCE=URL]... [--poll-delay MS] [--strict]",
            "                [--map URL=FILE]...",
            "",
            "  Serves every workflow of the documents as an MCP tool, on stdin/stdout unless --http is given.",
            "  --http PORT             streamable HTTP at http://HOST:PORT/mcp instead of stdio (0: any free port)",
            "  --host HOST             the address HTTP listens on (default 127.0.0.1)",
            "  --secret INPUT=VARIABLE the secret input INPUT of every workflow comes from the environment variable",
            "                          VARIABLE on the server; agents never see it",
            "  --name WORKFLOW=TOOL    the tool of workflow WORKFLOW is named TOOL (default: the workflowId)",
            "  --server SOURCE=URL     the base URL of a source description, instead of its OpenAPI servers",
            "  --poll-delay MS         the first delay between polling iterations (default 1000; 0 for none)",
            "  --map URL=FILE          read FILE wherever a source description's url is URL (never downloaded)");

    static McpArguments parse(String[] args) {
        List<Path> files = new ArrayList<>();
        Map<String, String> servers = new LinkedHashMap<>();
        Map<String, String> secrets = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Path> mappings = new LinkedHashMap<>();
        Integer port = null;
        String host = "127.0.0.1";
        Duration pollDelay = null;
        boolean strict = false;
        // 'weft mcp FILE' and 'java -jar ...-cli.jar FILE' alike
        int start = args.length > 0 && args[0].equals("mcp") ? 1 : 0;
        for (int i = start; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--http" -> port = port(value(args, ++i, arg));
                case "--host" -> host = value(args, ++i, arg);
                case "--secret" -> pair(value(args, ++i, arg), arg, secrets::put);
                case "--name" -> pair(value(args, ++i, arg), arg, names::put);
                case "--server" -> pair(value(args, ++i, arg), arg, servers::put);
                case "--poll-delay" -> pollDelay = millis(value(args, ++i, arg), arg);
                case "--strict" -> strict = true;
                case "--map" -> pair(value(args, ++i, arg), arg, (k, v) -> mappings.put(k, Path.of(v)));
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
        return new McpArguments(List.copyOf(files), port, host, servers, secrets, names, pollDelay, strict, mappings);
    }

    private static Integer port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--http takes a port from 0 to 65535, not '" + text + "'");
    }

    private static Duration millis(String text, String option) {
        try {
            long ms = Long.parseLong(text);
            if (ms >= 0) {
                return Duration.ofMillis(ms);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes milliseconds >= 0, not '" + text + "'");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static void pair(String text, String option, BiConsumer<String, String> into) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException(option + " takes NAME=VALUE, not '" + text + "'");
        }
        into.accept(text.substring(0, eq), text.substring(eq + 1));
    }
}
