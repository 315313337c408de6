package dev.weft.compiler.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.compiler.WorkflowSignature;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.JsonWorkflow;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.ResponseCheckEvent;
import dev.weft.runtime.ResponseInspector;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.WorkflowListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * One run of a loaded workflow: the client the command line configures, progress on stderr as the run goes,
 * the outputs on stdout and the report, all with the run's secrets masked.
 */
final class Execution {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunCommand options;
    private final Console console;
    /** The run-time checks of {@code --check}, or null. */
    private final ResponseInspector checks;

    Execution(RunCommand options, Console console, ResponseInspector checks) {
        this.options = options;
        this.console = console;
        this.checks = checks;
    }

    int run(JsonWorkflow workflow, WorkflowSignature signature, RunInputs inputs) {
        Progress progress = new Progress(console, new Redaction(inputs.secrets()));
        RunRecorder recorder = new RunRecorder(signature.workflowId(), progress::attempt, progress::waiting);
        ArazzoClient.Builder builder = client(recorder, progress);
        ObservingTransport transport = new ObservingTransport(
                builder.build().transport(), options.verbose ? console.err() : null, inputs.secrets());
        ArazzoClient client = builder.transport(transport).build();

        Timing.mark("client built");
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        JsonNode outputs = null;
        WorkflowException failure = null;
        try {
            outputs = workflow.run(client, inputs.json());
        } catch (WorkflowException e) {
            failure = e;
        } catch (IllegalArgumentException e) {
            if (recorder.started()) {
                throw e; // not the inputs: a bug, reported as one
            }
            // inputs of the wrong type: the runtime names the input and the type found, never the value
            throw options.usage(new Redaction(inputs.secrets()).text(e.getMessage()));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Timing.mark("workflow ran");

        Set<String> secrets = new HashSet<>(transport.secrets());
        secrets.addAll(inputs.secrets());
        Redaction redaction = new Redaction(secrets);
        int status = failure == null ? Main.OK : Main.FAILED;
        int steps = recorder.attempts().size();
        if (failure == null) {
            outputs = redaction.json(outputs);
            console.out().println(pretty(outputs));
            console.err()
                    .println(console.ok() + " workflow '" + signature.workflowId() + "' succeeded: " + steps
                            + (steps == 1 ? " step in " : " steps in ") + Progress.millis(took));
        } else {
            // the message names the workflow itself: "workflow 'x' step 'y' (attempt 1): ..."
            String named = "workflow '" + signature.workflowId() + "' ";
            String message = failure.getMessage();
            message = message.startsWith(named) ? message.substring(named.length()) : message;
            console.err().println(console.failed() + " " + named + "failed: " + redaction.text(message));
        }
        if (options.report != null) {
            RunReport report =
                    new RunReport(signature, startedAt, took, status, recorder.attempts(), outputs, failure, redaction);
            try {
                if (options.report == RunCommand.ReportFormat.junit) {
                    JunitReport.write(report, options.reportPath());
                } else {
                    JsonReport.write(report, options.reportPath());
                }
            } catch (IOException | UncheckedIOException e) {
                console.err().println("weft: cannot write the report to " + options.reportPath() + ": " + e);
                return Main.FAILED;
            }
        }
        return status;
    }

    /**
     * The client as the command line configures it. Options that add to every run (a response check, telemetry)
     * add their listener or setting here.
     */
    private ArazzoClient.Builder client(RunRecorder recorder, Progress progress) {
        ArazzoClient.Builder builder = ArazzoClient.builder().listener(recorder);
        if (checks != null) {
            builder.responseInspector(checks).listener(new WorkflowListener() {
                @Override
                public boolean wants(Class<?> eventType) {
                    return eventType == ResponseCheckEvent.class;
                }

                @Override
                public void responseChecked(ResponseCheckEvent event) {
                    progress.finding(event);
                }
            });
        }
        options.servers.forEach(builder::server);
        if (options.pollDelay != null) {
            Duration delay = Duration.ofMillis(options.pollDelay);
            builder.pollPolicy(PollPolicy.defaults().withInitialDelay(delay).withMaxDelay(delay.multipliedBy(8)));
        }
        return builder;
    }

    static String pretty(JsonNode json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
