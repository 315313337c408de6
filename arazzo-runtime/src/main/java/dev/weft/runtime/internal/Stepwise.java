package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A generated workflow one step at a time, for a durable engine (arazzo-temporal) that keeps the run's state
 * between steps, runs the state machine and the workflows it calls itself, and has each step run here, by the
 * generated class's own request and response code: built as the {@code STEPWISE} constant of a class generated
 * with a durable target.
 */
public final class Stepwise {

    /** Runs one step of an execution restored from a state. */
    @FunctionalInterface
    public interface StepRunner {
        /**
         * @param run the run, resumed with its counters
         * @param inputs the workflow's inputs, secret ones included
         * @param state the outputs of the steps so far, as an earlier {@link StepResult} gave them
         * @param stepId the step (or pseudo-step) to run
         * @param call for a step that calls a workflow, how the called workflow ended; else {@code null}
         * @return what the step decided
         */
        StepResult run(WorkflowRun run, ObjectNode inputs, ObjectNode state, String stepId, WorkflowCall call);
    }

    /** Computes the inputs a step passes to the workflow it calls. */
    @FunctionalInterface
    public interface CallInputs {
        /**
         * @param run the run
         * @param inputs the workflow's inputs, secret ones included
         * @param state the outputs of the steps so far
         * @param stepId the step that calls a workflow
         * @return the called workflow's inputs
         */
        ObjectNode inputs(WorkflowRun run, ObjectNode inputs, ObjectNode state, String stepId);
    }

    /**
     * A step of the workflow as a durable engine schedules it.
     *
     * @param id the step's id (a pseudo-step's, such as {@code goto other}, for a goto to a workflow)
     * @param method the HTTP method of an operation step, upper case, or {@link #SEND} / {@link #RECEIVE} for an
     *     AsyncAPI step; {@code null} for a step that calls a workflow
     * @param calledWorkflowId the workflow a step calls, or {@code null} for an operation step
     * @param timeoutMillis the step's Arazzo 1.1 {@code timeout} in milliseconds, or 0 when it has none
     */
    public record Step(String id, String method, String calledWorkflowId, long timeoutMillis) {
        /** The method of an AsyncAPI step that sends a message. */
        public static final String SEND = "SEND";

        /** The method of an AsyncAPI step that waits for a message: it changes nothing, so it may be repeated. */
        public static final String RECEIVE = "RECEIVE";

        private static final Set<String> IDEMPOTENT =
                Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE", RECEIVE);

        /** Validates the step. */
        public Step {
            if (timeoutMillis < 0) {
                throw new IllegalArgumentException(
                        "timeout of step '" + id + "' must be at least 0, was " + timeoutMillis);
            }
        }

        /** @return whether the step has an Arazzo 1.1 {@code timeout} */
        public boolean hasTimeout() {
            return timeoutMillis > 0;
        }

        /** @return whether this step sends a request */
        public boolean isOperation() {
            return calledWorkflowId == null;
        }

        /**
         * @return whether the step's request may be sent twice with the effect of once (RFC 9110, 9.2.2), or the
         *     step is a receive
         */
        public boolean isIdempotent() {
            return method != null && IDEMPOTENT.contains(method.toUpperCase(Locale.ROOT));
        }
    }

    private final String workflowId;
    private final String firstStep;
    private final List<String> secretInputs;
    private final List<String> dependsOn;
    private final Map<String, Step> steps;
    private final StepRunner runner;
    private final CallInputs callInputs;

    private Stepwise(Builder builder, StepRunner runner, CallInputs callInputs) {
        this.workflowId = builder.workflowId;
        this.firstStep = builder.firstStep;
        this.secretInputs = List.copyOf(builder.secretInputs);
        this.dependsOn = List.copyOf(builder.dependsOn);
        this.steps = Collections.unmodifiableMap(new LinkedHashMap<>(builder.steps));
        this.runner = Objects.requireNonNull(runner, "runner");
        this.callInputs = Objects.requireNonNull(callInputs, "callInputs");
        if (!steps.containsKey(firstStep)) {
            throw new IllegalArgumentException("first step '" + firstStep + "' is not a step of " + workflowId);
        }
    }

    /**
     * Starts the description of a workflow.
     *
     * @param workflowId the workflow's id
     * @param firstStep its first step
     * @return the builder
     */
    public static Builder builder(String workflowId, String firstStep) {
        return new Builder(workflowId, firstStep);
    }

    /** @return the workflow's id */
    public String workflowId() {
        return workflowId;
    }

    /** @return the first step's id */
    public String firstStep() {
        return firstStep;
    }

    /** @return the names of the inputs that are secrets, which a durable engine keeps out of its records */
    public List<String> secretInputs() {
        return secretInputs;
    }

    /** @return the workflows to run first, in order, each unless it already ran ({@code dependsOn}) */
    public List<String> dependsOn() {
        return dependsOn;
    }

    /** @return the steps and pseudo-steps by id, in document order */
    public Map<String, Step> steps() {
        return steps;
    }

    /**
     * @param stepId a step's id
     * @return the step
     * @throws IllegalArgumentException if the workflow has no such step
     */
    public Step step(String stepId) {
        Step step = steps.get(stepId);
        if (step == null) {
            throw new IllegalArgumentException("workflow '" + workflowId + "' has no step '" + stepId + "'");
        }
        return step;
    }

    /**
     * Runs one step: sends an operation step's request and reads the response, or reads how a called
     * workflow ended, by the generated class's code; the step's failure is thrown as a
     * {@link dev.weft.runtime.WorkflowException}.
     *
     * @param run the run, resumed with its counters (the visit of this step included)
     * @param inputs the inputs, secret ones included
     * @param state the outputs of the steps so far
     * @param stepId the step
     * @param call how the called workflow ended, for a step that calls one
     * @return what the step decided
     */
    public StepResult run(WorkflowRun run, ObjectNode inputs, ObjectNode state, String stepId, WorkflowCall call) {
        Step step = step(stepId);
        if (step.isOperation() != (call == null)) {
            throw new IllegalArgumentException("step '" + stepId + "' of " + workflowId
                    + (step.isOperation() ? " sends a request; it takes no workflow call" : " needs a workflow call"));
        }
        return runner.run(run, inputs, state, stepId, call);
    }

    /**
     * The inputs a step that calls a workflow passes to it, secret ones included.
     *
     * @param run the run
     * @param inputs the inputs, secret ones included
     * @param state the outputs of the steps so far
     * @param stepId the step
     * @return the called workflow's inputs
     */
    public ObjectNode callInputs(WorkflowRun run, ObjectNode inputs, ObjectNode state, String stepId) {
        if (step(stepId).isOperation()) {
            throw new IllegalArgumentException("step '" + stepId + "' of " + workflowId + " calls no workflow");
        }
        return callInputs.inputs(run, inputs, state, stepId);
    }

    /**
     * Records a step output in a state, for generated code.
     *
     * @param state the state
     * @param stepId the step
     * @param output the output's name
     * @param value its value; {@code null} (not yet computed) is left out
     */
    public static void put(ObjectNode state, String stepId, String output, JsonNode value) {
        if (value != null) {
            JsonNode outputs = state.get(stepId);
            (outputs instanceof ObjectNode o ? o : state.putObject(stepId)).set(output, value);
        }
    }

    /**
     * Reads a step output from a state, for generated code.
     *
     * @param state the state
     * @param stepId the step
     * @param output the output's name
     * @return the value, or {@code null} when the state has none
     */
    public static JsonNode get(ObjectNode state, String stepId, String output) {
        JsonNode outputs = state == null ? null : state.get(stepId);
        return outputs == null ? null : outputs.get(output);
    }

    @Override
    public String toString() {
        return "Stepwise[" + workflowId + ", steps " + steps.keySet() + "]";
    }

    /** Describes a workflow's steps; not thread-safe. */
    public static final class Builder {
        private final String workflowId;
        private final String firstStep;
        private final List<String> secretInputs = new ArrayList<>();
        private final List<String> dependsOn = new ArrayList<>();
        private final Map<String, Step> steps = new LinkedHashMap<>();

        private Builder(String workflowId, String firstStep) {
            this.workflowId = Objects.requireNonNull(workflowId, "workflowId");
            this.firstStep = Objects.requireNonNull(firstStep, "firstStep");
        }

        /**
         * @param names inputs that are secrets
         * @return this builder
         */
        public Builder secretInputs(String... names) {
            secretInputs.addAll(List.of(names));
            return this;
        }

        /**
         * @param workflowIds the workflows to run first, in order
         * @return this builder
         */
        public Builder dependsOn(String... workflowIds) {
            dependsOn.addAll(List.of(workflowIds));
            return this;
        }

        /**
         * @param stepId an operation step
         * @param method its HTTP method
         * @return this builder
         */
        public Builder operation(String stepId, String method) {
            return operation(stepId, method, 0);
        }

        /**
         * @param stepId an operation step with an Arazzo 1.1 {@code timeout}
         * @param method its HTTP method
         * @param timeoutMillis the timeout in milliseconds, or 0 for none
         * @return this builder
         */
        public Builder operation(String stepId, String method, long timeoutMillis) {
            return add(new Step(stepId, Objects.requireNonNull(method, "method"), null, timeoutMillis));
        }

        /**
         * @param stepId a step that calls a workflow, or a pseudo-step that goes to one
         * @param calledWorkflowId the workflow
         * @return this builder
         */
        public Builder call(String stepId, String calledWorkflowId) {
            return add(new Step(stepId, null, Objects.requireNonNull(calledWorkflowId, "calledWorkflowId"), 0));
        }

        private Builder add(Step step) {
            if (steps.putIfAbsent(step.id(), step) != null) {
                throw new IllegalArgumentException("step '" + step.id() + "' twice in " + workflowId);
            }
            return this;
        }

        /**
         * @param runner runs one step
         * @param callInputs computes a called workflow's inputs
         * @return the description
         */
        public Stepwise build(StepRunner runner, CallInputs callInputs) {
            return new Stepwise(this, runner, callInputs);
        }
    }
}
