package dev.weft.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.JsonWorkflow;
import dev.weft.runtime.WorkflowMetadata;
import java.util.concurrent.CompletableFuture;

/**
 * A JsonWorkflow that only describes itself, for the tests of how tools are defined (the runs of real generated
 * workflows are in {@code WeftMcpTest}).
 */
record FakeWorkflow(WorkflowMetadata metadata) implements JsonWorkflow {

    static FakeWorkflow of(WorkflowMetadata.Builder metadata) {
        return new FakeWorkflow(metadata.build());
    }

    @Override
    public String workflowId() {
        return metadata.workflowId();
    }

    @Override
    public ObjectNode run(ArazzoClient client, JsonNode inputs) {
        throw new UnsupportedOperationException("describes itself only");
    }

    @Override
    public CompletableFuture<ObjectNode> runAsync(ArazzoClient client, JsonNode inputs) {
        throw new UnsupportedOperationException("describes itself only");
    }
}
