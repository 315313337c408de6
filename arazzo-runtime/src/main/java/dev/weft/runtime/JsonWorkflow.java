package dev.weft.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A generated workflow run with JSON inputs and outputs, for callers that choose the workflow at run time
 * (a command line, a tool server, a job queue) rather than compile against its {@code Inputs} and
 * {@code Outputs} records.
 *
 * <p>Every generated workflow class provides one as its constant {@code JSON}:
 *
 * <pre>{@code
 * ObjectNode outputs = OrdersWorkflow.JSON.run(client, inputs);
 * JsonWorkflow chosen = JsonWorkflow.of(Class.forName(className));   // the same constant, found by class
 * }</pre>
 *
 * <p>A JSON run is the typed run: the inputs object is converted to the workflow's {@code Inputs} record
 * (as its {@code fromJson} converts: strings, numbers and booleans as the input's schema types them, unknown
 * members ignored), inputs marked secret are registered as the run's secrets and redacted from every message,
 * log line and event, exactly as {@code run(Inputs)} does, and the outputs are the workflow's outputs as one
 * JSON object, an output whose value is absent left out. Instances are immutable and thread-safe: one may
 * serve any number of concurrent runs.
 */
public interface JsonWorkflow {

    /** The name of the public static constant of a generated workflow class that holds its JSON form. */
    String FIELD = "JSON";

    /**
     * Returns the workflow's Arazzo {@code workflowId}.
     *
     * @return the id
     */
    String workflowId();

    /**
     * Returns what the workflow says about itself: summary, description, the JSON Schemas of its inputs and
     * outputs, its secret inputs and the HTTP methods it sends (for a tool server that lists workflows).
     *
     * @return the metadata; for a class generated before Weft recorded it, one that knows only the id
     */
    default WorkflowMetadata metadata() {
        return WorkflowMetadata.builder(workflowId()).build();
    }

    /**
     * Runs the workflow to its end, blocking the calling thread.
     *
     * @param client the client the run sends its requests through
     * @param inputs the inputs, a JSON object; {@code null} or JSON {@code null} for none
     * @return the outputs
     * @throws IllegalArgumentException when the inputs do not fit the workflow (not an object, a required input
     *     missing, a value of the wrong type), before any request is sent
     * @throws WorkflowException when a step fails and no action handles it, or a poll limit is reached
     */
    ObjectNode run(ArazzoClient client, JsonNode inputs);

    /**
     * Runs the workflow without blocking a thread on HTTP or on poll delays; cancelling the future cancels the
     * run and the request in flight.
     *
     * @param client the client the run sends its requests through
     * @param inputs the inputs, a JSON object; {@code null} or JSON {@code null} for none
     * @return the outputs, or a future failed with the {@link WorkflowException}
     * @throws IllegalArgumentException when the inputs do not fit the workflow, as {@link #run} does
     */
    CompletableFuture<ObjectNode> runAsync(ArazzoClient client, JsonNode inputs);

    /**
     * Returns the JSON form of a generated workflow class: its {@value #FIELD} constant.
     *
     * @param workflowClass a class Weft generated for a workflow
     * @return the class's JSON form
     * @throws IllegalArgumentException when the class has no public static {@code JsonWorkflow} constant named
     *     {@value #FIELD}, i.e. it is not a generated workflow class
     */
    static JsonWorkflow of(Class<?> workflowClass) {
        Objects.requireNonNull(workflowClass, "workflowClass");
        try {
            Field field = workflowClass.getField(FIELD);
            if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof JsonWorkflow workflow) {
                return workflow;
            }
        } catch (NoSuchFieldException | IllegalAccessException e) {
            // not a generated workflow class: reported below
        }
        throw new IllegalArgumentException(workflowClass.getName()
                + " is not a generated workflow class: it has no public static JsonWorkflow " + FIELD);
    }
}
