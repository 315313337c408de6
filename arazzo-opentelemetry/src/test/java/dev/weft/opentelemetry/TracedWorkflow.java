package dev.weft.opentelemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.internal.Conditions;
import dev.weft.runtime.internal.Exchange;
import dev.weft.runtime.internal.RetryAction;
import dev.weft.runtime.internal.StepRequest;
import dev.weft.runtime.internal.Values;
import dev.weft.runtime.internal.WorkflowCall;
import dev.weft.runtime.internal.WorkflowRun;
import java.util.concurrent.CompletableFuture;

/**
 * Two workflows written by hand the way Weft generates them, for the tracing tests: {@code jobs} creates a job
 * (retried once after a 503), polls it while it is {@code running}, then calls the workflow {@code notify}, which
 * sends one request. The API key is a secret input, sent as a Bearer token and as a {@code token} query parameter.
 */
final class TracedWorkflow {

    static final String SOURCE = "jobsApi";

    private TracedWorkflow() {}

    static ObjectNode run(ArazzoClient client, String apiKey) {
        return new Jobs(WorkflowRun.start(client, "jobs"), apiKey).run();
    }

    static CompletableFuture<ObjectNode> runAsync(ArazzoClient client, String apiKey) {
        return new Jobs(WorkflowRun.start(client, "jobs"), apiKey).runFrom("create");
    }

    private static final class Jobs {
        private final WorkflowRun run;
        private final String apiKey;
        private JsonNode id;
        private JsonNode status;

        Jobs(WorkflowRun run, String apiKey) {
            this.run = run;
            this.apiKey = apiKey;
            run.secret(apiKey);
        }

        ObjectNode run() {
            String step = "create";
            while (step != null) {
                run.enterStep(step);
                step = switch (step) {
                    case "create" -> create(run.exchange("create", this::createRequest));
                    case "poll" -> poll(run.exchange("poll", this::pollRequest));
                    default -> notified(run.call("notify", () -> Notify.run(run.child("notify"), apiKey)));
                };
            }
            return finish();
        }

        CompletableFuture<ObjectNode> runFrom(String step) {
            if (step == null) {
                return CompletableFuture.completedFuture(finish());
            }
            return run.enterStepAsync(step)
                    .thenCompose(v -> switch (step) {
                        case "create" ->
                            run.exchangeAsync("create", this::createRequest).thenApply(this::create);
                        case "poll" ->
                            run.exchangeAsync("poll", this::pollRequest).thenApply(this::poll);
                        default ->
                            run.callAsync("notify", () -> Notify.runAsync(run.child("notify"), apiKey))
                                    .thenApply(this::notified);
                    })
                    .thenCompose(this::runFrom);
        }

        private StepRequest createRequest() {
            return StepRequest.create("create", SOURCE, null, "POST", "/jobs")
                    .operationId("createJob")
                    .header("Authorization", Values.interpolate("header", "Bearer ", Values.of(apiKey)))
                    .query("token", Values.of(apiKey))
                    .jsonBody(null, Values.object());
        }

        private String create(Exchange exchange) {
            id = exchange.responseBody("/id");
            if (exchange.statusCode() == 201) {
                return "poll";
            }
            if (exchange.statusCode() == 503
                    && run.retry(RetryAction.of("create", "busy").limit(1).afterSeconds(0), exchange)) {
                return "create";
            }
            throw run.failure("create", exchange, "success criteria not met: $statusCode == 201");
        }

        private StepRequest pollRequest() {
            return StepRequest.create("poll", SOURCE, null, "GET", "/jobs/{id}")
                    .operationId("getJob")
                    .header("Authorization", Values.interpolate("header", "Bearer ", Values.of(apiKey)))
                    .pathParam("id", id);
        }

        private String poll(Exchange exchange) {
            status = exchange.responseBody("/status");
            if (exchange.statusCode() != 200) {
                throw run.failure("poll", exchange, "success criteria not met: $statusCode == 200");
            }
            return Conditions.eq(status, Values.of("running")) ? "poll" : "notify";
        }

        private String notified(WorkflowCall call) {
            if (!call.succeeded()) {
                throw run.failure("notify", call, "the workflow 'notify' failed");
            }
            return null;
        }

        private ObjectNode finish() {
            ObjectNode outputs = Values.object();
            Values.put(outputs, "status", status);
            run.completed("jobs", Values.object(), outputs);
            return outputs;
        }
    }

    /** The called workflow: one request, {@code GET /notify}. */
    private static final class Notify {
        static ObjectNode run(WorkflowRun run, String apiKey) {
            run.enterStep("send");
            Exchange exchange = run.exchange("send", () -> request(apiKey));
            return finish(run, exchange);
        }

        static CompletableFuture<ObjectNode> runAsync(WorkflowRun run, String apiKey) {
            return run.enterStepAsync("send")
                    .thenCompose(v -> run.exchangeAsync("send", () -> request(apiKey)))
                    .thenApply(exchange -> finish(run, exchange));
        }

        private static StepRequest request(String apiKey) {
            return StepRequest.create("send", SOURCE, null, "GET", "/notify")
                    .operationId("notify")
                    .header("Authorization", Values.interpolate("header", "Bearer ", Values.of(apiKey)));
        }

        private static ObjectNode finish(WorkflowRun run, Exchange exchange) {
            if (exchange.statusCode() != 200) {
                throw run.failure("send", exchange, "success criteria not met: $statusCode == 200");
            }
            run.completed("notify", Values.object(), Values.object());
            return Values.object();
        }
    }
}
