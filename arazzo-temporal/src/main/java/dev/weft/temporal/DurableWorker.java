package dev.weft.temporal;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.internal.Stepwise;
import dev.weft.temporal.internal.CallActivities;
import dev.weft.temporal.internal.Engine;
import dev.weft.temporal.internal.RunSettings;
import dev.weft.temporal.internal.StepActivities;
import io.temporal.worker.Worker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Registers generated workflows, as durable Temporal workflows, on a Temporal {@link Worker}: their workflow
 * implementations, one activity per operation step, sending through an {@link ArazzoClient}, and the secret
 * inputs this worker binds.
 *
 * <pre>{@code
 * WorkerFactory factory = WorkerFactory.newInstance(workflowClient);
 * DurableWorker.builder(factory.newWorker("civitai"), arazzoClient)
 *         .secret("apiKey", () -> System.getenv("CIVITAI_API_KEY"))
 *         .register(ImageGenerationPollTemporal.TYPE)
 *         .build();
 * factory.start();
 * }</pre>
 */
public final class DurableWorker {
    /** The history length past which a run continues as new, by default: far below Temporal's 51,200 events. */
    public static final long DEFAULT_HISTORY_LIMIT = 4_000;

    /** How often a step's activity is attempted by default. */
    public static final int DEFAULT_ACTIVITY_ATTEMPTS = 3;

    private final Worker worker;
    private final Engine engine;

    private DurableWorker(Worker worker, Engine engine) {
        this.worker = worker;
        this.engine = engine;
    }

    /**
     * Starts the registration on a worker; call {@link Builder#build()} before the worker's factory starts.
     *
     * @param worker the Temporal worker (one task queue)
     * @param client the client every step's request is sent through (servers, headers, timeouts, poll policy)
     * @return the builder
     */
    public static Builder builder(Worker worker, ArazzoClient client) {
        return new Builder(worker, client);
    }

    /** @return the Temporal worker */
    public Worker worker() {
        return worker;
    }

    /** @return the ids of the workflows registered */
    public List<String> workflowIds() {
        return List.copyOf(engine.workflows().keySet());
    }

    @Override
    public String toString() {
        return "DurableWorker[" + worker.getTaskQueue() + ", " + workflowIds() + ", secrets " + engine.boundSecrets()
                + "]";
    }

    /** Collects what a {@link DurableWorker} registers; not thread-safe. */
    public static final class Builder {
        private final Worker worker;
        private final ArazzoClient client;
        private final Map<String, Supplier<String>> secrets = new LinkedHashMap<>();
        private final List<DurableType<?, ?>> types = new ArrayList<>();
        private final List<String> resendable = new ArrayList<>();
        private long historyLimit = DEFAULT_HISTORY_LIMIT;
        private int activityAttempts = DEFAULT_ACTIVITY_ATTEMPTS;

        private Builder(Worker worker, ArazzoClient client) {
            this.worker = Objects.requireNonNull(worker, "worker");
            this.client = Objects.requireNonNull(client, "client");
        }

        /**
         * Binds a secret input (one the compiler marks secret: named like {@code apiKey}, {@code token},
         * {@code password}, or {@code format: password}) on this worker, for every registered workflow that has
         * an input of that name: steps read it here, and it never enters a run's inputs, results or history.
         *
         * @param inputName the input's name
         * @param value reads the value when a step needs it (so a rotated key is picked up); may return
         *     {@code null} for none
         * @return this builder
         */
        public Builder secret(String inputName, Supplier<String> value) {
            secrets.put(Objects.requireNonNull(inputName, "inputName"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Binds a secret input to a fixed value; see {@link #secret(String, Supplier)}.
         *
         * @param inputName the input's name
         * @param value the value
         * @return this builder
         */
        public Builder secret(String inputName, String value) {
            Objects.requireNonNull(value, "value of secret input '" + inputName + "'");
            return secret(inputName, () -> value);
        }

        /**
         * Registers generated workflows; every workflow a registered one calls (a workflow step, a {@code goto}
         * to a workflow, {@code dependsOn}) must be registered too.
         *
         * @param durableTypes the {@code TYPE} constants of generated Temporal workflow interfaces
         * @return this builder
         */
        public Builder register(DurableType<?, ?>... durableTypes) {
            for (DurableType<?, ?> type : durableTypes) {
                types.add(Objects.requireNonNull(type, "type"));
            }
            return this;
        }

        /**
         * Sets the history length (in events) past which a run continues as new, carrying its state; Temporal's
         * own suggestion to continue is followed as well. Default {@value #DEFAULT_HISTORY_LIMIT}.
         *
         * @param events at least 100
         * @return this builder
         */
        public Builder historyLimit(long events) {
            this.historyLimit = events;
            return this;
        }

        /**
         * Sets how often a step's activity is attempted when the transport fails or the worker running it is
         * lost, for idempotent requests (GET, HEAD, OPTIONS, PUT, DELETE) and those allowed by {@link #resend};
         * other requests are sent in the first attempt only. Arazzo {@code retry} actions are separate: they are
         * workflow logic, and wait on durable timers. Default {@value #DEFAULT_ACTIVITY_ATTEMPTS}.
         *
         * @param attempts at least 1
         * @return this builder
         */
        public Builder activityAttempts(int attempts) {
            this.activityAttempts = attempts;
            return this;
        }

        /**
         * Allows a step whose request is not idempotent (a POST, a PATCH) to be sent again in a later attempt of
         * its activity, after one that did not finish: only for requests the server deduplicates (an
         * idempotency key) or that do no harm twice.
         *
         * @param workflowId the workflow
         * @param stepId the step
         * @return this builder
         */
        public Builder resend(String workflowId, String stepId) {
            resendable.add(
                    Objects.requireNonNull(workflowId, "workflowId") + "." + Objects.requireNonNull(stepId, "stepId"));
            return this;
        }

        /**
         * Registers the workflows and their activities on the worker.
         *
         * @return the durable worker
         * @throws IllegalArgumentException if a workflow a registered one calls is not registered, or a setting is
         *     out of range
         */
        public DurableWorker build() {
            Engine engine = new Engine(
                    client,
                    secrets,
                    new RunSettings(
                            client.pollPolicy(),
                            // the longest a step waits without a timeout of its own: a response or a message
                            Math.max(
                                    client.requestTimeout().toMillis(),
                                    client.receiveTimeout().toMillis()),
                            historyLimit,
                            activityAttempts,
                            resendable));
            types.forEach(type -> engine.register(type.steps()));
            checkCalls(engine);
            StepActivities steps = new StepActivities(engine);
            for (DurableType<?, ?> type : types) {
                register(worker, type.registration(), engine);
                Object activities = type.activities(steps);
                if (activities != null) {
                    // null for a workflow without operation steps, which has no activities of its own
                    worker.registerActivitiesImplementations(activities);
                }
            }
            worker.registerActivitiesImplementations(CallActivities.of(steps));
            return new DurableWorker(worker, engine);
        }

        private static <W> void register(Worker worker, DurableType.Registration<W> registration, Engine engine) {
            worker.registerWorkflowImplementationFactory(
                    registration.workflowInterface(),
                    () -> registration.implementation().apply(engine));
        }

        private static void checkCalls(Engine engine) {
            for (Stepwise workflow : engine.workflows().values()) {
                List<String> called = new ArrayList<>(workflow.dependsOn());
                workflow.steps().values().stream()
                        .filter(step -> !step.isOperation())
                        .forEach(step -> called.add(step.calledWorkflowId()));
                for (String id : called) {
                    if (!engine.workflows().containsKey(id)) {
                        throw new IllegalArgumentException("workflow '" + workflow.workflowId() + "' calls workflow '"
                                + id + "', which is not registered: register its durable type too");
                    }
                }
            }
        }
    }
}
