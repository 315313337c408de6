package dev.weft.examples.civitai;

import dev.weft.examples.civitai.workflows.CancelWorkflow;
import dev.weft.examples.civitai.workflows.GetWorkflow;
import dev.weft.examples.civitai.workflows.ImageGenerationPollWorkflow;
import dev.weft.examples.civitai.workflows.ModelVersionToGenerationWorkflow;
import dev.weft.examples.civitai.workflows.PatchWorkflow;
import dev.weft.examples.civitai.workflows.PresignedBlobGenerateWorkflow;
import dev.weft.examples.civitai.workflows.QueryWorkflow;
import dev.weft.examples.civitai.workflows.SubmitWorkflow;
import dev.weft.examples.civitai.workflows.UpdateWorkflow;
import dev.weft.examples.civitai.workflows.WorkflowQueryCancelWorkflow;
import dev.weft.mcp.SecretBinding;
import dev.weft.mcp.WorkflowMcpServer;
import dev.weft.mcp.WorkflowTools;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Civitai workflows as an MCP server, served the way the Naftiko capability exposes the Orchestration API: its
 * four tools ({@code civitai-submit-workflow}, {@code civitai-get-workflow}, {@code civitai-query-workflows},
 * {@code civitai-cancel-workflow}, whose read-only, destructive and idempotent hints follow from their HTTP methods),
 * the update and patch operations beside them, and the four seed workflows; the API key is bound from
 * {@code CIVITAI_API_KEY} on the server, as the capability binds it, and never asked of the agent.
 *
 * <pre>
 * java -cp ... dev.weft.examples.civitai.CivitaiMcpServer [--http PORT] [--base-url URL] [--site-url URL]
 *     [--poll-delay MS]
 * </pre>
 *
 * Without {@code --http} it serves on stdin/stdout, as an MCP client such as Claude Desktop starts it.
 */
public final class CivitaiMcpServer {
    static final String ORCHESTRATION = "civitaiOrchestrationApi";
    static final String SITE = "civitaiSiteApi";

    private CivitaiMcpServer() {}

    /**
     * The tools: the capability's four, update and patch, then the seeds.
     *
     * @param client the client the runs go through
     * @param apiKey where the server takes the API key from
     * @return the tools
     */
    public static WorkflowTools tools(ArazzoClient client, SecretBinding apiKey) {
        return WorkflowTools.builder(client)
                .add(SubmitWorkflow.JSON, tool -> tool.name("civitai-submit-workflow"))
                .add(GetWorkflow.JSON, tool -> tool.name("civitai-get-workflow"))
                .add(QueryWorkflow.JSON, tool -> tool.name("civitai-query-workflows"))
                .add(CancelWorkflow.JSON, tool -> tool.name("civitai-cancel-workflow"))
                .add(UpdateWorkflow.JSON, tool -> tool.name("civitai-update-workflow"))
                .add(PatchWorkflow.JSON, tool -> tool.name("civitai-patch-workflow"))
                .add(ImageGenerationPollWorkflow.JSON)
                .add(WorkflowQueryCancelWorkflow.JSON)
                .add(ModelVersionToGenerationWorkflow.JSON)
                .add(PresignedBlobGenerateWorkflow.JSON)
                .secret("apiKey", apiKey)
                .build();
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = options(args);
        ArazzoClient.Builder client = ArazzoClient.builder();
        String base = options.getOrDefault("base-url", System.getenv("CIVITAI_ORCHESTRATION_URL"));
        if (base != null && !base.isBlank()) {
            client.server(ORCHESTRATION, base);
        }
        if (options.containsKey("site-url")) {
            client.server(SITE, options.get("site-url"));
        }
        Duration delay = Duration.ofMillis(Long.parseLong(options.getOrDefault("poll-delay", "2000")));
        client.pollPolicy(PollPolicy.defaults().withInitialDelay(delay).withMaxDelay(delay.multipliedBy(8)));
        WorkflowTools tools = tools(client.build(), SecretBinding.env("CIVITAI_API_KEY"));
        if (options.containsKey("http")) {
            try (WorkflowMcpServer server =
                    WorkflowMcpServer.http(tools, "civitai", "127.0.0.1", Integer.parseInt(options.get("http")))) {
                System.err.println("civitai MCP server at " + server.url().orElseThrow());
                server.awaitClosed();
            }
        } else {
            try (WorkflowMcpServer server = WorkflowMcpServer.stdio(tools, "civitai")) {
                server.awaitClosed();
            }
        }
        System.exit(0); // the SDK's stdio threads are not daemons
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument '" + args[i]
                        + "'; use --http PORT, --base-url URL, --site-url URL or --poll-delay MS");
            }
        }
        return options;
    }
}
