package dev.weft.mcp.cli;

import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.diagnostic.DiagnosticFormatter;
import dev.weft.mcp.SecretBinding;
import dev.weft.mcp.WorkflowMcpServer;
import dev.weft.mcp.WorkflowTools;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.JsonWorkflow;
import dev.weft.runtime.PollPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code weft mcp FILE...}: compiles Arazzo documents in memory, as {@code weft run} does, and serves each of their
 * workflows as an MCP tool over stdio (standard output carries only the protocol; everything else goes to standard
 * error) or streamable HTTP.
 *
 * <p>The compiler's own {@code weft} command cannot offer {@code mcp} without depending on this module, which
 * depends on the compiler: so this is the {@code main} of this module's {@code -cli} jar.
 *
 * <p>Exit status: 0 when the client closed stdio, 1 when the documents have errors or the server cannot start, 2
 * when the command line is wrong.
 */
public final class McpCommand {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final String PACKAGE = "weft.mcp.generated";
    /** Swagger Parser's logger, kept so that its level stays set: its notes would only add noise on stderr. */
    private static final Logger SWAGGER = Logger.getLogger("io.swagger");

    private McpCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /**
     * Serves until the client closes the input (stdio) or the process is stopped (HTTP).
     *
     * @param args the command line, with or without the leading {@code mcp}
     * @param in the client's messages, for stdio
     * @param out the server's messages, for stdio
     * @param err diagnostics and notes
     * @return the exit status
     */
    public static int run(String[] args, InputStream in, OutputStream out, PrintStream err) {
        McpArguments arguments;
        try {
            arguments = McpArguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("weft mcp: " + e.getMessage());
            err.println(McpArguments.USAGE);
            return USAGE;
        }
        SWAGGER.setLevel(Level.WARNING);
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .documents(arguments.files())
                .packageName(PACKAGE)
                .strict(arguments.strict())
                .sourceMappings(arguments.mappings())
                .build());
        if (!report(result, err)) {
            return FAILED;
        }
        try (InMemoryWorkflows loaded = InMemoryWorkflows.load(result.files())) {
            WorkflowTools tools = tools(arguments, loaded.workflows());
            return serve(arguments, tools, loaded.workflows().size(), in, out, err);
        } catch (IllegalStateException | IllegalArgumentException e) {
            err.println("weft mcp: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("weft mcp: cannot compile the generated code: " + e);
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    private static WorkflowTools tools(McpArguments arguments, List<JsonWorkflow> workflows) {
        ArazzoClient.Builder client = ArazzoClient.builder();
        arguments.servers().forEach(client::server);
        if (arguments.pollDelay() != null) {
            client.pollPolicy(PollPolicy.defaults()
                    .withInitialDelay(arguments.pollDelay())
                    .withMaxDelay(arguments.pollDelay().multipliedBy(8)));
        }
        WorkflowTools.Builder tools = WorkflowTools.builder(client.build());
        for (JsonWorkflow workflow : workflows) {
            String name = arguments.names().get(workflow.workflowId());
            tools.add(workflow, options -> {
                if (name != null) {
                    options.name(name);
                }
            });
        }
        for (Map.Entry<String, String> secret : arguments.secrets().entrySet()) {
            tools.secret(secret.getKey(), SecretBinding.env(secret.getValue()));
        }
        try {
            return tools.build();
        } catch (IllegalStateException unbound) {
            throw new IllegalStateException(unbound.getMessage() + " (on the command line: --secret INPUT=VARIABLE)");
        }
    }

    private static int serve(
            McpArguments arguments, WorkflowTools tools, int count, InputStream in, OutputStream out, PrintStream err)
            throws InterruptedException {
        if (arguments.httpPort() == null) {
            try (WorkflowMcpServer server = WorkflowMcpServer.stdio(tools, "weft", in, out)) {
                err.println("weft mcp: serving " + count + " tool(s) on stdio");
                server.awaitClosed();
            }
            return OK;
        }
        WorkflowMcpServer server = WorkflowMcpServer.http(tools, "weft", arguments.host(), arguments.httpPort());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "weft-mcp-shutdown"));
        err.println("weft mcp: serving " + count + " tool(s) at "
                + server.url().map(Object::toString).orElse("?"));
        server.awaitClosed();
        return OK;
    }

    /** Prints every diagnostic; true when there is no error. */
    private static boolean report(CompilationResult result, PrintStream err) {
        DiagnosticFormatter formatter = new DiagnosticFormatter(Path.of("").toAbsolutePath());
        result.diagnostics().forEach(d -> err.println(formatter.format(d)));
        long errors = result.errors().size();
        if (errors > 0) {
            err.println(errors + (errors == 1 ? " error" : " errors"));
        }
        return errors == 0;
    }
}
