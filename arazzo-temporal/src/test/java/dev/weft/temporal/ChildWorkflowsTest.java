package dev.weft.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedFile;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.WorkflowListener;
import dev.weft.runtime.internal.Values;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Temporal target's generated classes, compiled from {@code durable/jobs.arazzo.yaml} here under
 * {@code -Xlint:all -Werror}, run on the in-memory test service over real HTTP to {@link JobServer}: a workflow
 * step and a {@code goto} to another workflow are child workflows, with ids of their own in the parent's history,
 * the called workflows' secret inputs bound on the worker and in no history.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChildWorkflowsTest {
    private static final String QUEUE = "children";

    @TempDir
    static Path work;

    private static JobServer server;
    private static TestWorkflowEnvironment env;
    private static URLClassLoader loader;
    private static DurableType<?, ?> generate;

    @BeforeAll
    static void start() throws Exception {
        Path source = Path.of("src/test/resources/durable");
        for (String file : List.of("jobs.arazzo.yaml", "jobs.openapi.yaml")) {
            Files.copy(source.resolve(file), work.resolve(file));
        }
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .document(work.resolve("jobs.arazzo.yaml"))
                .packageName("durable.jobs")
                .targets(EnumSet.of(CompilationRequest.Target.PLAIN, CompilationRequest.Target.TEMPORAL))
                .build());
        assertEquals(List.of(), result.errors());
        loader = compile(work, result.files());
        generate = type("GenerateTemporal");

        server = new JobServer();
        env = TestWorkflowEnvironment.newInstance();
        ArazzoClient client = ArazzoClient.builder()
                .server("jobs", server.url())
                .listener(WorkflowListener.NONE)
                .pollPolicy(PollPolicy.defaults()
                        .withInitialDelay(Duration.ofSeconds(10))
                        .withBackoffMultiplier(2)
                        .withMaxDelay(Duration.ofMinutes(2)))
                .build();
        DurableWorker.builder(env.newWorker(QUEUE), client)
                .secret("apiKey", JobServer.TOKEN)
                .register(generate, type("JobPollTemporal"), type("ReportTemporal"))
                .build();
        env.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (env != null) {
            env.close();
        }
        if (server != null) {
            server.close();
        }
        if (loader != null) {
            loader.close();
        }
    }

    @Test
    void aWorkflowStepAndAGotoToAWorkflowRunAsChildWorkflows() {
        int submits = server.submits();
        DurableRun<?> run = start("a lighthouse polls=3");
        String outputs = run.result().toString();

        String jobId = "job-" + (submits + 1);
        assertEquals(
                "Outputs[jobId=\"" + jobId + "\", url=\"https://blobs.example/" + jobId + ".png\"]",
                outputs,
                "the outputs");
        assertEquals(submits + 2, server.submits(), "the job's submit and the report's");
        assertEquals(4, server.polls(jobId), "3 'processing', then 'done'");

        WorkflowExecutionHistory parent = history(run.workflowId());
        List<HistoryEvent> children = parent.getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED)
                .toList();
        assertEquals(2, children.size(), "child workflows started");
        var called = children.get(0).getStartChildWorkflowExecutionInitiatedEventAttributes();
        var reached = children.get(1).getStartChildWorkflowExecutionInitiatedEventAttributes();
        assertEquals("job-poll", called.getWorkflowType().getName());
        assertEquals(run.workflowId() + "/runJob/1", called.getWorkflowId());
        assertEquals("report", reached.getWorkflowType().getName());
        assertEquals(run.workflowId() + "/goto report/1", reached.getWorkflowId());
        // the poll loop's timers are the child's, in its own history, not the parent's
        assertEquals(0, count(parent, EventType.EVENT_TYPE_TIMER_STARTED));
        WorkflowExecutionHistory child = history(called.getWorkflowId());
        assertEquals(3, count(child, EventType.EVENT_TYPE_TIMER_STARTED), "the child's poll delays");
        for (WorkflowExecutionHistory history : List.of(parent, child, history(reached.getWorkflowId()))) {
            assertFalse(DurableLoopTest.text(history).contains(JobServer.TOKEN), "the API key is in a history");
        }
    }

    @Test
    void aChildThatFailsFailsTheStepThatCalledIt() {
        // the poll answers 503 four times: the child's retry budget (3) is spent, so it fails, and so the step
        DurableRun<?> run = start("a busy job polls=0 busy=4 retryAfter=5");
        WorkflowException failure = assertThrows(WorkflowException.class, run::result);
        assertEquals("generate", failure.workflowId());
        assertEquals("runJob", failure.stepId());
        // the step read how its child ended, as the plain class does: a failed call has no outputs
        assertTrue(failure.getMessage().contains("success criteria not met"), failure.getMessage());
        assertEquals(
                1, count(history(run.workflowId()), EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_FAILED), "children");
    }

    private static DurableRun<?> start(String prompt) {
        ObjectNode inputs = Values.object();
        Values.put(inputs, "prompt", Values.of(prompt));
        WorkflowOptions options = WorkflowOptions.newBuilder()
                .setTaskQueue(QUEUE)
                .setWorkflowId("generate-" + System.nanoTime())
                .build();
        return generate.startJson(env.getWorkflowClient(), options, inputs);
    }

    private static WorkflowExecutionHistory history(String workflowId) {
        return env.getWorkflowClient().fetchHistory(workflowId);
    }

    private static long count(WorkflowExecutionHistory history, EventType type) {
        return history.getEvents().stream()
                .filter(e -> e.getEventType() == type)
                .count();
    }

    private static DurableType<?, ?> type(String simpleName) throws ReflectiveOperationException {
        return (DurableType<?, ?>)
                loader.loadClass("durable.jobs." + simpleName).getField("TYPE").get(null);
    }

    /** Compiles the generated files as a user's build would, warnings as errors, and loads them. */
    static URLClassLoader compile(Path work, List<GeneratedFile> files) throws IOException {
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> options = new ArrayList<>(List.of(
                "-Xlint:all",
                "-Xlint:-processing",
                // a jar on the test class path (cron-utils, of Temporal) names a jar in its manifest that is absent
                "-Xlint:-path",
                "-Werror",
                "-proc:none",
                "-encoding",
                "UTF-8",
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                classes.toString()));
        for (GeneratedFile file : files) {
            options.add(file.writeTo(work.resolve("src")).toString());
        }
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, messages, messages, options.toArray(String[]::new));
        assertEquals(0, status, "javac:\n" + messages.toString(StandardCharsets.UTF_8));
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, ChildWorkflowsTest.class.getClassLoader());
    }
}
