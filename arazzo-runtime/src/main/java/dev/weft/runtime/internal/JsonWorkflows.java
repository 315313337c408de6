package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.JsonWorkflow;
import dev.weft.runtime.WorkflowMetadata;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Builds the {@link JsonWorkflow} constant of a generated workflow class from its {@code Inputs.fromJson} and
 * its run, so that a JSON run goes through the same inputs record, secrets and steps as a typed one.
 */
public final class JsonWorkflows {
    private JsonWorkflows() {}

    /**
     * The JSON form of a generated workflow.
     *
     * @param workflowId the workflow's id
     * @param inputs converts a JSON object (or {@code null}) to the workflow's inputs record
     * @param run runs the workflow with those inputs as the given run, blocking
     * @param runAsync runs the workflow with those inputs as the given run, without blocking
     * @param <I> the inputs record
     * @return the JSON form
     */
    public static <I> JsonWorkflow of(
            String workflowId,
            Function<JsonNode, I> inputs,
            BiFunction<WorkflowRun, I, ObjectNode> run,
            BiFunction<WorkflowRun, I, CompletableFuture<ObjectNode>> runAsync) {
        return of(WorkflowMetadata.builder(workflowId).build(), inputs, run, runAsync);
    }

    /**
     * The JSON form of a generated workflow that describes itself.
     *
     * @param metadata the workflow's id, texts, schemas, secret inputs and HTTP methods
     * @param inputs converts a JSON object (or {@code null}) to the workflow's inputs record
     * @param run runs the workflow with those inputs as the given run, blocking
     * @param runAsync runs the workflow with those inputs as the given run, without blocking
     * @param <I> the inputs record
     * @return the JSON form
     */
    public static <I> JsonWorkflow of(
            WorkflowMetadata metadata,
            Function<JsonNode, I> inputs,
            BiFunction<WorkflowRun, I, ObjectNode> run,
            BiFunction<WorkflowRun, I, CompletableFuture<ObjectNode>> runAsync) {
        return new Generated<>(metadata, inputs, run, runAsync);
    }

    private record Generated<I>(
            WorkflowMetadata metadata,
            Function<JsonNode, I> inputs,
            BiFunction<WorkflowRun, I, ObjectNode> run,
            BiFunction<WorkflowRun, I, CompletableFuture<ObjectNode>> runAsync)
            implements JsonWorkflow {

        private Generated {
            Objects.requireNonNull(metadata, "metadata");
            Objects.requireNonNull(inputs, "inputs");
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(runAsync, "runAsync");
        }

        @Override
        public String workflowId() {
            return metadata.workflowId();
        }

        @Override
        public ObjectNode run(ArazzoClient client, JsonNode json) {
            Objects.requireNonNull(client, "client");
            I typed = typed(json);
            return run.apply(WorkflowRun.start(client, workflowId()), typed);
        }

        @Override
        public CompletableFuture<ObjectNode> runAsync(ArazzoClient client, JsonNode json) {
            Objects.requireNonNull(client, "client");
            I typed = typed(json);
            return runAsync.apply(WorkflowRun.start(client, workflowId()), typed);
        }

        /**
         * The inputs record, or the reason it cannot be built: the record's constructor rejects a missing
         * required input with a NullPointerException naming it, a conversion a wrong type with an
         * IllegalArgumentException naming the type found (never the value, which may be a secret).
         */
        private I typed(JsonNode json) {
            if (json != null && !json.isNull() && !json.isObject()) {
                String found = json.getNodeType().name().toLowerCase(Locale.ROOT);
                throw new IllegalArgumentException(
                        "the inputs of workflow '" + workflowId() + "' must be a JSON object, found " + found);
            }
            try {
                return inputs.apply(json == null || json.isNull() ? null : json);
            } catch (NullPointerException missing) {
                // "input 'x' of workflow 'y' is required", from the record's constructor
                throw new IllegalArgumentException(missing.getMessage(), missing);
            } catch (IllegalArgumentException wrongType) {
                throw new IllegalArgumentException(
                        "the inputs of workflow '" + workflowId() + "' do not fit: " + wrongType.getMessage(),
                        wrongType);
            }
        }

        @Override
        public String toString() {
            return "JsonWorkflow[" + workflowId() + "]";
        }
    }
}
