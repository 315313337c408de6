package dev.weft.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.internal.Conditions;
import dev.weft.runtime.internal.Exchange;
import dev.weft.runtime.internal.RetryAction;
import dev.weft.runtime.internal.StepRequest;
import dev.weft.runtime.internal.Values;
import dev.weft.runtime.internal.WorkflowRun;
import java.util.concurrent.CompletableFuture;

/**
 * A workflow written by hand the way Weft generates one, for the kit's own tests (the kit cannot run the compiler):
 * {@code createJob} (retried after a 503 by {@code Retry-After}), then {@code getJob} polled while the job is
 * {@code running}; the API key is a secret input sent as a Bearer token. The Civitai example tests the kit on real
 * generated classes.
 */
final class JobsWorkflow {

    static final String WORKFLOW_ID = "jobs";
    static final String SOURCE = "jobsApi";

    private final ArazzoClient client;

    JobsWorkflow(ArazzoClient client) {
        this.client = client;
    }

    /** The outputs: the job's id and final status and result. */
    record Outputs(String id, String status, String result) {
        static Outputs of(ObjectNode json) {
            return new Outputs(
                    Values.asString(json.get("id")),
                    Values.asString(json.get("status")),
                    Values.asString(json.get("result")));
        }
    }

    Outputs run(String apiKey, String prompt) {
        return Outputs.of(new Execution(WorkflowRun.start(client, WORKFLOW_ID), apiKey, prompt).run());
    }

    CompletableFuture<Outputs> runAsync(String apiKey, String prompt) {
        return new Execution(WorkflowRun.start(client, WORKFLOW_ID), apiKey, prompt)
                .runFrom("createJob")
                .thenApply(Outputs::of);
    }

    private static final class Execution {
        private final WorkflowRun run;
        private final ObjectNode in = Values.object();
        private JsonNode id;
        private JsonNode status;
        private JsonNode result;

        Execution(WorkflowRun run, String apiKey, String prompt) {
            this.run = run;
            Values.put(in, "apiKey", Values.of(apiKey));
            Values.put(in, "prompt", Values.of(prompt));
            run.secret(apiKey);
        }

        ObjectNode run() {
            String step = "createJob";
            while (step != null) {
                run.enterStep(step);
                step = step.equals("createJob")
                        ? createJob(run.exchange("createJob", this::createJobRequest))
                        : getJob(run.exchange("getJob", this::getJobRequest));
            }
            return finish();
        }

        CompletableFuture<ObjectNode> runFrom(String step) {
            if (step == null) {
                return CompletableFuture.completedFuture(finish());
            }
            return run.enterStepAsync(step)
                    .thenCompose(v -> step.equals("createJob")
                            ? run.exchangeAsync("createJob", this::createJobRequest)
                                    .thenApply(this::createJob)
                            : run.exchangeAsync("getJob", this::getJobRequest).thenApply(this::getJob))
                    .thenCompose(this::runFrom);
        }

        private StepRequest createJobRequest() {
            ObjectNode body = Values.object();
            Values.put(body, "prompt", in.get("prompt"));
            return StepRequest.create("createJob", SOURCE, null, "POST", "/jobs")
                    .operationId("createJob")
                    .header("Authorization", Values.interpolate("header 'Authorization'", "Bearer ", in.get("apiKey")))
                    .query("priority", Values.of("high"))
                    .jsonBody("application/json", body);
        }

        private String createJob(Exchange exchange) {
            id = exchange.responseBody("/id");
            if (exchange.statusCode() == 201) {
                return "getJob";
            }
            if (exchange.statusCode() == 503
                    && run.retry(RetryAction.of("createJob", "busy").limit(3).afterSeconds(1.0), exchange)) {
                return "createJob";
            }
            throw run.failure("createJob", exchange, "success criteria not met: $statusCode == 201");
        }

        private StepRequest getJobRequest() {
            return StepRequest.create("getJob", SOURCE, null, "GET", "/jobs/{id}")
                    .operationId("getJob")
                    .header("Authorization", Values.interpolate("header 'Authorization'", "Bearer ", in.get("apiKey")))
                    .pathParam("id", id);
        }

        private String getJob(Exchange exchange) {
            status = exchange.responseBody("/status");
            result = exchange.responseBody("/result");
            if (exchange.statusCode() != 200) {
                throw run.failure("getJob", exchange, "success criteria not met: $statusCode == 200");
            }
            return Conditions.eq(status, Values.of("running")) ? "getJob" : null;
        }

        private ObjectNode finish() {
            ObjectNode outputs = Values.object();
            Values.put(outputs, "id", id);
            Values.put(outputs, "status", status);
            Values.put(outputs, "result", result);
            run.completed(WORKFLOW_ID, in, outputs);
            return outputs;
        }
    }
}
