package dev.weft.temporal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.internal.Exchange;
import dev.weft.runtime.internal.RetryAction;
import dev.weft.runtime.internal.StepRequest;
import dev.weft.runtime.internal.StepResult;
import dev.weft.runtime.internal.Stepwise;
import dev.weft.runtime.internal.Values;
import dev.weft.runtime.internal.WorkflowCall;
import dev.weft.runtime.internal.WorkflowRun;
import dev.weft.temporal.internal.DurableLoop;
import dev.weft.temporal.internal.Engine;
import dev.weft.temporal.internal.RunInput;
import dev.weft.temporal.internal.StepActivities;
import dev.weft.temporal.internal.StepCall;
import dev.weft.temporal.internal.StepOutcome;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A two-step poll workflow written by hand the way the generator writes one with the Temporal target (the plain
 * class's {@code STEPWISE}, a workflow interface and implementation, an activities interface and implementation),
 * so that the engine is tested on its own: submit a job, poll it while it is {@code processing} (retrying a 503
 * up to 3 times, 45 s apart unless the response says otherwise), end with its result.
 */
final class JobWorkflow {
    static final String ID = "job";

    /** The inputs without the secret one, as the Temporal interface's record is. */
    record Inputs(String prompt) {
        ObjectNode toJson() {
            ObjectNode json = Values.object();
            Values.put(json, "prompt", Values.of(prompt));
            return json;
        }
    }

    record Outputs(String jobId, String url, Long size) {
        static Outputs fromJson(ObjectNode json) {
            return new Outputs(
                    Values.asString(json.get("jobId")),
                    Values.asString(json.get("url")),
                    Values.asLong(json.get("size")));
        }
    }

    static final Stepwise STEPWISE = Stepwise.builder(ID, "submit")
            .secretInputs("apiKey")
            .operation("submit", "POST")
            .operation("poll", "GET")
            .build(JobWorkflow::step, (run, inputs, state, stepId) -> {
                throw new IllegalArgumentException(stepId);
            });

    static final DurableType<Inputs, Outputs> TYPE = DurableType.of(
            STEPWISE, Temporal.class, TemporalImpl::new, ActivitiesImpl::new, Inputs::toJson, Outputs::fromJson);

    private JobWorkflow() {}

    private static StepResult step(WorkflowRun run, ObjectNode in, ObjectNode state, String stepId, WorkflowCall call) {
        run.secret(Values.text(in.get("apiKey")));
        String base = "http://localhost:1";
        if (stepId.equals("submit")) {
            Exchange exchange = run.exchange(
                    "submit",
                    () -> StepRequest.create("submit", "jobs", base, "POST", "/jobs")
                            .header("Authorization", Values.interpolate("header", "Bearer ", in.get("apiKey")))
                            .jsonBody("application/json", in));
            Stepwise.put(state, "submit", "id", exchange.responseBody("/id"));
            if (exchange.statusCode() == 202) {
                return StepResult.next("poll", state);
            }
            throw run.failure("submit", exchange, "success criteria not met: $statusCode == 202");
        }
        Exchange exchange = run.exchange(
                "poll",
                () -> StepRequest.create("poll", "jobs", base, "GET", "/jobs/{id}")
                        .header("Authorization", Values.interpolate("header", "Bearer ", in.get("apiKey")))
                        .pathParam("id", Stepwise.get(state, "submit", "id")));
        Stepwise.put(state, "poll", "url", exchange.responseBody("/result/url"));
        Stepwise.put(state, "poll", "size", exchange.responseBody("/result/size"));
        if (exchange.statusCode() == 200) {
            if ("processing".equals(Values.asString(exchange.responseBody("/status")))) {
                return StepResult.next("poll", state);
            }
            ObjectNode outputs = Values.object();
            Values.put(outputs, "jobId", Stepwise.get(state, "submit", "id"));
            Values.put(outputs, "url", Stepwise.get(state, "poll", "url"));
            Values.put(outputs, "size", Stepwise.get(state, "poll", "size"));
            return StepResult.end(state, outputs);
        }
        if (exchange.statusCode() == 503
                && run.retry(RetryAction.of("poll", "busy").limit(3).afterSeconds(45), exchange)) {
            return StepResult.next("poll", state);
        }
        throw run.failure("poll", exchange, "success criteria not met: $statusCode == 200");
    }

    @WorkflowInterface
    public interface Temporal {
        @WorkflowMethod(name = ID)
        ObjectNode run(RunInput input);
    }

    public static final class TemporalImpl implements Temporal {
        private final DurableLoop loop;

        public TemporalImpl(Engine engine) {
            this.loop = new DurableLoop(engine, STEPWISE);
        }

        @Override
        public ObjectNode run(RunInput input) {
            return loop.run(input);
        }
    }

    @ActivityInterface
    public interface Activities {
        @ActivityMethod(name = "job.submit")
        StepOutcome submit(StepCall call);

        @ActivityMethod(name = "job.poll")
        StepOutcome poll(StepCall call);
    }

    public static final class ActivitiesImpl implements Activities {
        private final StepActivities steps;

        public ActivitiesImpl(StepActivities steps) {
            this.steps = steps;
        }

        @Override
        public StepOutcome submit(StepCall call) {
            return steps.run(STEPWISE, "submit", call);
        }

        @Override
        public StepOutcome poll(StepCall call) {
            return steps.run(STEPWISE, "poll", call);
        }
    }
}
