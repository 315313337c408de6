package dev.weft.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.JsonWorkflow;
import dev.weft.runtime.http.Redactor;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;

/**
 * One workflow served as one MCP tool: a call binds the secret inputs on the server, starts the workflow's
 * {@code runAsync} with the agent's other arguments, reports its steps and polls as progress, cancels with the
 * call, and answers with the outputs or a tool error.
 */
final class WorkflowTool {

    private final JsonWorkflow workflow;
    private final McpSchema.Tool tool;
    private final Map<String, SecretBinding> secrets;
    private final Set<String> hidden;
    private final ArazzoClient client;

    /**
     * @param hidden the inputs never taken from the agent: the workflow's secret inputs and any other bound one
     * @param secrets the bindings of this workflow's inputs
     */
    WorkflowTool(
            JsonWorkflow workflow,
            McpSchema.Tool tool,
            Set<String> hidden,
            Map<String, SecretBinding> secrets,
            ArazzoClient client) {
        this.workflow = workflow;
        this.tool = tool;
        this.hidden = Set.copyOf(hidden);
        this.secrets = Map.copyOf(secrets);
        this.client = client;
    }

    McpSchema.Tool tool() {
        return tool;
    }

    String workflowId() {
        return workflow.workflowId();
    }

    McpServerFeatures.AsyncToolSpecification specification() {
        return McpServerFeatures.AsyncToolSpecification.builder()
                .tool(tool)
                .callHandler(this::call)
                .build();
    }

    private Mono<McpSchema.CallToolResult> call(McpAsyncServerExchange exchange, McpSchema.CallToolRequest request) {
        return Mono.defer(() -> {
            List<String> secretValues = new ArrayList<>();
            CompletableFuture<ObjectNode> run;
            try {
                ObjectNode inputs = inputs(request.arguments(), secretValues);
                Object token = request.progressToken();
                ArazzoClient callClient = token == null
                        ? client
                        : client.withListener(new ProgressListener(exchange, token, workflow.workflowId()));
                run = workflow.runAsync(callClient, inputs);
            } catch (RuntimeException e) {
                return Mono.just(ToolResults.failure(e, workflow.workflowId(), Redactor.Masks.of(secretValues)));
            }
            CallTable.slot(exchange).ifPresent(slot -> slot.attach(run));
            Redactor.Masks masks = Redactor.Masks.of(secretValues);
            // cancelling this Mono (the SDK closing the session) cancels the run and its request in flight
            return Mono.fromFuture(run)
                    .map(outputs -> ToolResults.success(outputs, masks))
                    .onErrorResume(failure -> Mono.just(ToolResults.failure(failure, workflow.workflowId(), masks)));
        });
    }

    /**
     * The run's inputs: the agent's arguments without any secret input (those are never taken from the agent,
     * even when it sends one), then each bound secret read from its binding.
     */
    private ObjectNode inputs(Map<String, Object> arguments, List<String> values) {
        ObjectNode inputs =
                arguments == null ? ToolSchemas.JSON.createObjectNode() : ToolSchemas.JSON.valueToTree(arguments);
        inputs.remove(hidden);
        for (Map.Entry<String, SecretBinding> secret : secrets.entrySet()) {
            String value = secret.getValue().value(secret.getKey());
            values.add(value);
            inputs.put(secret.getKey(), value);
        }
        return inputs;
    }
}
