package dev.weft.temporal.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.internal.Stepwise;
import dev.weft.runtime.internal.Values;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What one worker's durable workflows and activities share: the {@link ArazzoClient} steps send through, the
 * secret inputs bound on the worker, the settings new runs record, and the workflows registered, by id.
 */
public final class Engine {
    private final ArazzoClient client;
    private final Map<String, Supplier<String>> secrets;
    private final RunSettings settings;
    private final Map<String, Stepwise> workflows = new LinkedHashMap<>();

    /**
     * @param client the client steps send their requests through
     * @param secrets the values of secret inputs, by input name
     * @param settings the settings new runs record
     */
    public Engine(ArazzoClient client, Map<String, Supplier<String>> secrets, RunSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Registers a workflow, before the worker starts.
     *
     * @param workflow the workflow
     */
    public synchronized void register(Stepwise workflow) {
        if (workflows.putIfAbsent(workflow.workflowId(), workflow) != null) {
            throw new IllegalArgumentException("workflow '" + workflow.workflowId() + "' is registered twice");
        }
    }

    /**
     * @param workflowId a workflow's id
     * @return the registered workflow
     * @throws IllegalStateException if it is not registered on this worker
     */
    public synchronized Stepwise workflow(String workflowId) {
        Stepwise workflow = workflows.get(workflowId);
        if (workflow == null) {
            throw new IllegalStateException("workflow '" + workflowId + "' is not registered on this worker; "
                    + "register its durable type with DurableWorker, as every workflow a registered one calls");
        }
        return workflow;
    }

    /** @return the registered workflows, by id */
    public synchronized Map<String, Stepwise> workflows() {
        return Map.copyOf(workflows);
    }

    /** @return the settings a new run records */
    public RunSettings settings() {
        return settings;
    }

    /**
     * @param run the run's settings
     * @return the client a step of that run sends through: the worker's, with the run's poll policy
     */
    public ArazzoClient client(RunSettings run) {
        return run.pollPolicy().equals(client.pollPolicy()) ? client : client.withPollPolicy(run.pollPolicy());
    }

    /** @return the names of the secret inputs bound on this worker */
    public Set<String> boundSecrets() {
        return secrets.keySet();
    }

    /**
     * The inputs a step runs with: the run's, plus the secret inputs bound on this worker.
     *
     * @param workflow the workflow
     * @param inputs the run's inputs, secret ones left out
     * @return a copy with the secret inputs the worker binds
     */
    public ObjectNode withSecrets(Stepwise workflow, ObjectNode inputs) {
        ObjectNode all = inputs == null ? Values.object() : inputs.deepCopy();
        for (String name : workflow.secretInputs()) {
            Supplier<String> value = secrets.get(name);
            String text = value == null ? null : value.get();
            if (text != null) {
                all.put(name, text);
            }
        }
        return all;
    }

    /**
     * Leaves out of a workflow's inputs the ones that are secrets, which never enter a run's history.
     *
     * @param workflow the workflow
     * @param inputs its inputs
     * @return a copy without the secret inputs
     */
    public static ObjectNode withoutSecrets(Stepwise workflow, ObjectNode inputs) {
        ObjectNode kept = inputs == null ? Values.object() : inputs.deepCopy();
        kept.remove(workflow.secretInputs());
        return kept;
    }
}
