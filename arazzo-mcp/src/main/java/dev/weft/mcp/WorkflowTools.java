package dev.weft.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.JsonWorkflow;
import dev.weft.runtime.WorkflowMetadata;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Generated workflows as MCP tools, one per workflow, for an {@code McpServer.async(...)} of the official MCP
 * Java SDK:
 *
 * <pre>{@code
 * WorkflowTools tools = WorkflowTools.builder(client)
 *         .add(ImageGenerationPollWorkflow.JSON)
 *         .add(CancelWorkflow.JSON, tool -> tool.name("civitai-cancel-workflow"))
 *         .secret("apiKey", SecretBinding.env("CIVITAI_API_KEY"))
 *         .build();
 * McpServer.async(CancellableTransports.of(new StdioServerTransportProvider(McpJsonDefaults.getMapper())))
 *         .serverInfo("civitai", "1.0.0")
 *         .tools(tools.specifications())
 *         .build();
 * }</pre>
 *
 * <p>A tool's name is its workflow's id, its description the workflow's summary and description, its input schema
 * the workflow's inputs less the secret ones, its output schema the outputs', its hints those {@link
 * ToolHints#derive} gives; {@link ToolOptions} override each. Secret inputs (and any input given a {@link
 * SecretBinding}) are bound on the server and never read from the agent. Immutable once built.
 */
public final class WorkflowTools {

    private final List<WorkflowTool> tools;

    private WorkflowTools(List<WorkflowTool> tools) {
        this.tools = List.copyOf(tools);
    }

    /**
     * Starts a set of tools whose runs go through {@code client} (its servers, poll policy, timeouts, listeners).
     *
     * @param client the client
     * @return the builder
     */
    public static Builder builder(ArazzoClient client) {
        return new Builder(client);
    }

    /** @return the tools' specifications, for {@code McpServer.async(...).tools(...)} */
    public List<McpServerFeatures.AsyncToolSpecification> specifications() {
        return tools.stream().map(WorkflowTool::specification).toList();
    }

    /** @return the tools' definitions as {@code tools/list} shows them */
    public List<McpSchema.Tool> tools() {
        return tools.stream().map(WorkflowTool::tool).toList();
    }

    /** Collects workflows and secret bindings; not thread-safe. */
    public static final class Builder {
        private final ArazzoClient client;
        private final Map<JsonWorkflow, ToolOptions> workflows = new LinkedHashMap<>();
        private final Map<String, SecretBinding> secrets = new LinkedHashMap<>();

        private Builder(ArazzoClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /**
         * Adds a workflow as a tool with the derived name, description and hints.
         *
         * @param workflow a generated class's {@code JSON} constant
         * @return this builder
         */
        public Builder add(JsonWorkflow workflow) {
            return add(workflow, options -> {});
        }

        /**
         * Adds a workflow as a tool, overriding what {@code options} sets.
         *
         * @param workflow a generated class's {@code JSON} constant
         * @param options sets the name, title, description or hints
         * @return this builder
         */
        public Builder add(JsonWorkflow workflow, Consumer<ToolOptions> options) {
            Objects.requireNonNull(workflow, "workflow");
            ToolOptions set = new ToolOptions();
            options.accept(set);
            workflows.put(workflow, set);
            return this;
        }

        /**
         * Adds workflows as tools with the derived names, descriptions and hints.
         *
         * @param all generated classes' {@code JSON} constants
         * @return this builder
         */
        public Builder addAll(Collection<? extends JsonWorkflow> all) {
            all.forEach(this::add);
            return this;
        }

        /**
         * Binds an input of every workflow that has it to a value the server holds; the input leaves the tools'
         * schemas and is never taken from the agent's arguments.
         *
         * @param input the input's name, e.g. {@code apiKey}
         * @param binding where the value comes from
         * @return this builder
         */
        public Builder secret(String input, SecretBinding binding) {
            secrets.put(Objects.requireNonNull(input, "input"), Objects.requireNonNull(binding, "binding"));
            return this;
        }

        /**
         * Builds the tools.
         *
         * @return the tools
         * @throws IllegalArgumentException when two tools get one name, a name is not a valid tool name, or a
         *     binding names an input no workflow has
         * @throws IllegalStateException when a workflow requires a secret input that has no binding
         */
        public WorkflowTools build() {
            List<WorkflowTool> tools = new ArrayList<>();
            Map<String, String> names = new LinkedHashMap<>();
            Set<String> bound = new TreeSet<>();
            for (Map.Entry<JsonWorkflow, ToolOptions> entry : workflows.entrySet()) {
                WorkflowTool tool = tool(entry.getKey(), entry.getValue(), bound);
                String other = names.putIfAbsent(tool.tool().name(), tool.workflowId());
                if (other != null) {
                    throw new IllegalArgumentException("workflows '" + other + "' and '" + tool.workflowId()
                            + "' would both be the tool '" + tool.tool().name()
                            + "'; name one of them: add(workflow, tool -> tool.name(\"...\"))");
                }
                tools.add(tool);
            }
            Set<String> unused = new TreeSet<>(secrets.keySet());
            unused.removeAll(bound);
            if (!unused.isEmpty()) {
                throw new IllegalArgumentException(
                        "no workflow has the input(s) " + unused + " that secret(...) binds; check the names");
            }
            return new WorkflowTools(tools);
        }

        private WorkflowTool tool(JsonWorkflow workflow, ToolOptions options, Set<String> bound) {
            WorkflowMetadata metadata = workflow.metadata();
            ObjectNode schema = metadata.inputsSchema();
            Set<String> inputs = new LinkedHashSet<>();
            if (schema.get("properties") instanceof ObjectNode properties) {
                properties.fieldNames().forEachRemaining(inputs::add);
            }
            inputs.addAll(metadata.secretInputs());
            Set<String> hidden = new LinkedHashSet<>(metadata.secretInputs());
            Map<String, SecretBinding> bindings = new LinkedHashMap<>();
            secrets.forEach((input, binding) -> {
                if (inputs.contains(input)) {
                    hidden.add(input);
                    bindings.put(input, binding);
                    bound.add(input);
                }
            });
            for (String secret : hidden) {
                if (!bindings.containsKey(secret) && isRequired(schema, secret)) {
                    throw new IllegalStateException(
                            "workflow '" + metadata.workflowId() + "' requires the secret input '"
                                    + secret + "', which is never taken from the agent: bind it with secret(\"" + secret
                                    + "\", SecretBinding.env(\"VARIABLE\"))");
                }
            }
            return new WorkflowTool(workflow, ToolSchemas.tool(metadata, options, hidden), hidden, bindings, client);
        }

        private static boolean isRequired(ObjectNode schema, String input) {
            JsonNode required = schema.get("required");
            if (required != null && required.isArray()) {
                for (JsonNode name : required) {
                    if (input.equals(name.asText())) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
