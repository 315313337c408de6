package dev.weft.examples.civitai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.examples.civitai.workflows.ImageGenerationPollTemporal;
import dev.weft.examples.civitai.workflows.ImageGenerationPollWorkflow;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowListener;
import dev.weft.temporal.DurableRun;
import dev.weft.temporal.DurableWorker;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code image-generation-poll} run durably, by its generated Temporal classes, on Temporal's in-memory test
 * service with time skipping, over real HTTP against the fake Civitai server.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DurableImageGenerationTest {
    private static final String KEY = "civitai-test-key-7c1e9a";
    private static final String QUEUE = "civitai";
    private static final String SHORT_HISTORY = "civitai-short-history";
    private static final String RESTARTED = "civitai-restarted";
    private static FakeCivitaiServer fake;
    private static TestWorkflowEnvironment env;

    @BeforeAll
    static void start() {
        fake = FakeCivitaiServer.start();
        env = TestWorkflowEnvironment.newInstance();
        ArazzoClient client = client();
        DurableWorker.builder(env.newWorker(QUEUE), client)
                .secret("apiKey", KEY)
                .register(ImageGenerationPollTemporal.TYPE)
                .build();
        DurableWorker.builder(env.newWorker(SHORT_HISTORY), client)
                .secret("apiKey", () -> KEY)
                .historyLimit(100)
                .register(ImageGenerationPollTemporal.TYPE)
                .build();
        env.start();
    }

    @AfterAll
    static void stop() {
        env.close();
        fake.close();
    }

    @Test
    void aPollLoopOfMinutesEndsWithTheTypedOutputsOneSubmitAndNoKeyOrBodyInTheHistory() {
        fake.pollsUntilDone(7);
        int submitted = fake.submittedBodies().size();
        DurableRun<ImageGenerationPollWorkflow.Outputs> run = start(QUEUE, "a lighthouse at dusk");
        ImageGenerationPollWorkflow.Outputs outputs = run.result();

        assertEquals("succeeded", outputs.status());
        assertEquals("https://blobs.example/" + outputs.workflowId() + "/0.png", outputs.firstBlobUrl());
        assertEquals(24L, outputs.cost());
        assertEquals(submitted + 1, fake.submittedBodies().size(), "one submit");
        assertEquals(
                "a lighthouse at dusk",
                fake.submittedBody(outputs.workflowId())
                        .at("/steps/0/input/prompt")
                        .asText());
        // 5 s, 10 s, ... up to the 2-minute ceiling: about nine minutes of workflow time, waited on timers
        assertEquals(seconds(5, 10, 20, 40, 80, 120, 120), timers(history(run)));

        String history = text(history(run));
        assertFalse(history.contains(KEY), "the API key is in the history");
        // what the steps read of the responses, never the responses: no createdAt, which only bodies hold
        assertFalse(history.contains("createdAt"), "a response body is in the history");
        // the decoded payloads are searched: the outputs and the workflow id are there, in clear
        assertTrue(history.contains(outputs.firstBlobUrl()), "the outputs are not in the decoded history");
        assertTrue(history.contains("\"engine\":\"flux2\""), "the inputs are not in the decoded history");
    }

    @Test
    void aLongPollContinuesAsNewAndTheOutputsAreStillRight() {
        fake.pollsUntilDone(30);
        DurableRun<ImageGenerationPollWorkflow.Outputs> run = start(SHORT_HISTORY, "a long wait");
        ImageGenerationPollWorkflow.Outputs outputs = run.result();
        assertEquals("succeeded", outputs.status());
        assertEquals("https://blobs.example/" + outputs.workflowId() + "/0.png", outputs.firstBlobUrl());
        // 30 answers 'processing', one 'succeeded', then the read
        assertEquals(32, fake.pollCount(outputs.workflowId()), "GETs of the workflow");
        int runs = 1;
        WorkflowExecutionHistory history = history(run);
        while (true) {
            assertTrue(
                    history.getEvents().size() <= 130,
                    "a run of the chain: " + history.getEvents().size());
            assertFalse(text(history).contains(KEY));
            String previous = history.getEvents()
                    .get(0)
                    .getWorkflowExecutionStartedEventAttributes()
                    .getContinuedExecutionRunId();
            if (previous.isEmpty()) {
                break;
            }
            runs++;
            history = env.getWorkflowClient().fetchHistory(run.workflowId(), previous);
        }
        assertTrue(runs >= 3, "runs in the chain: " + runs);
    }

    @Test
    void aWorkerKilledInThePollLoopIsReplacedAndTheRunCompletesWithOneSubmit() throws InterruptedException {
        fake.pollsUntilDone(8);
        int submitted = fake.submittedBodies().size();
        int requests = fake.requestCount();
        // the README's bootstrap, on a factory of this test's own, so that it can be killed. Without a sticky
        // task queue: a Temporal server moves the tasks of a dead worker's sticky queue back to the task queue
        // after the sticky schedule-to-start timeout (5 s by default), Temporal's test service never does, so a
        // workflow task scheduled there after the kill would wait for the dead worker forever
        WorkerFactory first = worker(
                env.getWorkflowClient(),
                WorkerOptions.newBuilder()
                        .setIdentity("first-worker")
                        .setStickyQueueScheduleToStartTimeout(Duration.ZERO)
                        .build(),
                client());
        DurableRun<ImageGenerationPollWorkflow.Outputs> run = start(RESTARTED, "a worker that dies");
        // into the poll loop: the submit and a few polls done, on timers of the service's skipped time
        for (int i = 0; i < 200 && fake.requestCount() - requests < 4; i++) {
            env.sleep(Duration.ofSeconds(5));
        }
        assertTrue(fake.requestCount() - requests >= 4, "the run did not reach its poll loop");
        // killed while the run waits on its next poll's timer (time stands still while no client waits)
        for (int i = 0; i < 200 && !waitingOnATimer(history(run)); i++) {
            Thread.sleep(50);
        }
        assertTrue(waitingOnATimer(history(run)), "the run is not waiting on a timer");
        first.shutdownNow();
        first.awaitTermination(20, TimeUnit.SECONDS);
        assertTrue(first.isTerminated(), "the first worker did not stop");
        int beforeRestart = fake.requestCount();
        assertEquals(submitted + 1, fake.submittedBodies().size(), "the submit was not sent before the kill");
        // the submit and at least three polls went out before the kill; a finished run sends 11 requests:
        // the submit, 8 'processing', 'succeeded' and the read
        assertTrue(beforeRestart - requests >= 4 && beforeRestart - requests < 11, "requests before the kill");
        assertEquals(
                WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING,
                run.stub().describe().getStatus(),
                "the run is not running after the kill");
        int eventsBeforeRestart = history(run).getEvents().size();

        // a new worker on the same task queue, with a fresh ArazzoClient: the run goes on from its history
        WorkerFactory second = worker(
                env.getWorkflowClient(),
                WorkerOptions.newBuilder().setIdentity("second-worker").build(),
                client());
        try {
            ImageGenerationPollWorkflow.Outputs outputs = ImageGenerationPollTemporal.TYPE
                    .attach(env.getWorkflowClient(), run.workflowId())
                    .result();
            assertEquals("succeeded", outputs.status());
            assertEquals("https://blobs.example/" + outputs.workflowId() + "/0.png", outputs.firstBlobUrl());
            assertEquals(24L, outputs.cost());
            assertEquals(submitted + 1, fake.submittedBodies().size(), "exactly one submit");
            // 8 answers 'processing', one 'succeeded', then the read: no poll lost or repeated
            assertEquals(10, fake.pollCount(outputs.workflowId()), "GETs of the workflow");
            assertEquals(requests + 11, fake.requestCount(), "requests of the run");
            List<HistoryEvent> events = history(run).getEvents();
            List<String> before = identities(events.subList(0, eventsBeforeRestart));
            List<String> after = identities(events.subList(eventsBeforeRestart, events.size()));
            assertEquals(List.of("first-worker"), before, "workers before the kill");
            assertEquals(List.of("second-worker"), after, "workers after the kill");
            assertFalse(text(history(run)).contains(KEY), "the API key is in the history");
        } finally {
            second.shutdownNow();
            second.awaitTermination(20, TimeUnit.SECONDS);
        }
    }

    /** The identities of the workers that started the workflow and activity tasks among the events. */
    private static List<String> identities(List<HistoryEvent> events) {
        return events.stream()
                .map(e -> switch (e.getEventType()) {
                    case EVENT_TYPE_WORKFLOW_TASK_STARTED ->
                        e.getWorkflowTaskStartedEventAttributes().getIdentity();
                    case EVENT_TYPE_ACTIVITY_TASK_STARTED ->
                        e.getActivityTaskStartedEventAttributes().getIdentity();
                    default -> null;
                })
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
    }

    private static boolean waitingOnATimer(WorkflowExecutionHistory history) {
        long started = history.getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED)
                .count();
        long fired = history.getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_FIRED)
                .count();
        return started > fired;
    }

    private static ArazzoClient client() {
        return ArazzoClient.builder()
                .server("civitaiOrchestrationApi", fake.orchestrationUrl())
                .listener(WorkflowListener.NONE)
                .pollPolicy(PollPolicy.defaults()
                        .withInitialDelay(Duration.ofSeconds(5))
                        .withBackoffMultiplier(2)
                        .withMaxDelay(Duration.ofMinutes(2))
                        .withDeadline(Duration.ofHours(3)))
                .build();
    }

    /** The worker bootstrap the README shows, on the given client. */
    private static WorkerFactory worker(
            WorkflowClient workflowClient, WorkerOptions options, ArazzoClient arazzoClient) {
        WorkerFactory factory = WorkerFactory.newInstance(workflowClient);
        DurableWorker.builder(factory.newWorker(RESTARTED, options), arazzoClient)
                .secret("apiKey", () -> KEY)
                .register(ImageGenerationPollTemporal.TYPE)
                .build();
        factory.start();
        return factory;
    }

    private static DurableRun<ImageGenerationPollWorkflow.Outputs> start(String queue, String prompt) {
        WorkflowOptions options = WorkflowOptions.newBuilder()
                .setTaskQueue(queue)
                .setWorkflowId("image-" + System.nanoTime())
                .build();
        return ImageGenerationPollTemporal.TYPE.start(
                env.getWorkflowClient(),
                options,
                ImageGenerationPollTemporal.Inputs.builder()
                        .engine("flux2")
                        .prompt(prompt)
                        .quantity(2L)
                        .build());
    }

    /**
     * The whole history as text, each payload decoded: the history's JSON holds payloads as base64, in which
     * no search for a key or a body would find anything.
     */
    static String text(WorkflowExecutionHistory history) {
        String json = history.toJson(false);
        StringBuilder text = new StringBuilder(json);
        Matcher data = Pattern.compile("\"data\":\\s*\"([A-Za-z0-9+/=]+)\"").matcher(json);
        while (data.find()) {
            text.append('\n').append(new String(Base64.getDecoder().decode(data.group(1)), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    private static WorkflowExecutionHistory history(DurableRun<?> run) {
        return env.getWorkflowClient().fetchHistory(run.workflowId());
    }

    private static List<Duration> timers(WorkflowExecutionHistory history) {
        return history.getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED)
                .map(e -> Duration.ofSeconds(e.getTimerStartedEventAttributes()
                        .getStartToFireTimeout()
                        .getSeconds()))
                .toList();
    }

    private static List<Duration> seconds(long... values) {
        return java.util.Arrays.stream(values).mapToObj(Duration::ofSeconds).toList();
    }
}
