package dev.weft.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.WorkflowListener;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The engine on Temporal's in-memory test service, with time skipping, over real HTTP to a local job API, with a
 * workflow written as the generator writes one ({@link JobWorkflow}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DurableLoopTest {
    private static final String QUEUE = "jobs";
    private static final String SHORT_HISTORY = "jobs-short-history";
    private static final String RESEND = "jobs-resend";
    private static TestWorkflowEnvironment env;
    private static JobServer server;
    private static ArazzoClient arazzo;

    @BeforeAll
    static void start() {
        server = new JobServer();
        env = TestWorkflowEnvironment.newInstance();
        arazzo = ArazzoClient.builder()
                .server("jobs", server.url())
                .listener(WorkflowListener.NONE)
                .pollPolicy(PollPolicy.defaults()
                        .withInitialDelay(Duration.ofSeconds(10))
                        .withBackoffMultiplier(2)
                        .withMaxDelay(Duration.ofMinutes(2))
                        .withDeadline(Duration.ofHours(2)))
                .build();
        durable(env.newWorker(QUEUE)).build();
        durable(env.newWorker(SHORT_HISTORY)).historyLimit(100).build();
        durable(env.newWorker(RESEND)).resend(JobWorkflow.ID, "submit").build();
        env.start();
    }

    @AfterAll
    static void stop() {
        env.close();
        server.close();
    }

    @Test
    void aPollLoopWithMinutesOfDelaysEndsWithTheTypedOutputs() {
        long start = System.nanoTime();
        DurableRun<JobWorkflow.Outputs> run = start(QUEUE, "polls=6");
        JobWorkflow.Outputs outputs = run.result();
        assertTrue(outputs.jobId().startsWith("job-"), outputs.toString());
        assertEquals("https://blobs.example/" + outputs.jobId() + ".png", outputs.url());
        assertEquals(1006L, outputs.size());
        // 10 s, 20 s, 40 s, 80 s, then the 2-minute ceiling: over six minutes of workflow time
        assertEquals(seconds(10, 20, 40, 80, 120, 120), timers(run));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(20)) < 0);
        String text = text(history(run));
        assertFalse(text.contains(JobServer.TOKEN), "the API key is in the history");
        assertTrue(text.contains(outputs.url()), "the decoded history lacks the outputs");
    }

    @Test
    void retryAfterHeadersAndRetryAfterActionsWaitOnDurableTimers() {
        DurableRun<JobWorkflow.Outputs> byHeader = start(QUEUE, "polls=0 busy=2 retryAfter=30");
        assertEquals(1000L, byHeader.result().size());
        assertEquals(seconds(30, 30), timers(byHeader));

        long start = System.nanoTime();
        DurableRun<JobWorkflow.Outputs> byAction = start(QUEUE, "polls=0 busy=2");
        assertEquals(1000L, byAction.result().size());
        assertEquals(seconds(45, 45), timers(byAction));
        // 90 s of retry waits held no thread that long: they are the service's timers
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(30)) < 0);
    }

    @Test
    void aRetryBudgetSpentFailsTheRunWithTheStepsFailure() {
        DurableRun<JobWorkflow.Outputs> run = start(QUEUE, "polls=0 busy=4 retryAfter=5");
        WorkflowException failure = assertThrows(WorkflowException.class, run::result);
        assertEquals("poll", failure.stepId());
        assertEquals(503, failure.httpStatus());
        assertEquals(seconds(5, 5, 5), timers(run));
    }

    @Test
    void aLongPollContinuesAsNewAndEndsWithTheRightOutputs() {
        DurableRun<JobWorkflow.Outputs> run = start(SHORT_HISTORY, "polls=40");
        JobWorkflow.Outputs outputs = run.result();
        assertEquals(1040L, outputs.size());
        assertEquals("https://blobs.example/" + outputs.jobId() + ".png", outputs.url());
        assertTrue(chain(run.workflowId()) >= 3, "continued as new " + chain(run.workflowId()) + " times");
    }

    @Test
    void anIdempotentRequestThatFailsInTransportIsAttemptedAgainByItsActivityNotByAnArazzoRetry() {
        // two polls cut: the JDK's client may send a GET again on a closed pooled connection, once
        DurableRun<JobWorkflow.Outputs> run = start(QUEUE, "polls=1 cutPolls=2");
        assertEquals(1001L, run.result().size());
        assertTrue(lastAttempt(run, "job.poll") >= 2, "the poll's activity was not attempted again");
        // one poll delay; the activity's second attempt is Temporal's activity retry, not a timer of the workflow
        assertEquals(seconds(10), timers(run));
    }

    @Test
    void aPostThatMayHaveReachedTheServerIsNotSentAgain() {
        String prompt = "polls=0 cutSubmits=1 sent once";
        DurableRun<JobWorkflow.Outputs> run = start(QUEUE, prompt);
        WorkflowException failure = assertThrows(WorkflowException.class, run::result);
        assertEquals("submit", failure.stepId());
        assertEquals(1, server.submits(prompt), "the POST was sent again");
        assertEquals(1, lastAttempt(run, "job.submit"));
        assertTrue(failure.getMessage().contains("POST " + server.url() + "/jobs failed"), failure.getMessage());
    }

    @Test
    void aPostIsSentAgainWhenTheUserAllowsIt() {
        String prompt = "polls=0 cutSubmits=1 resent";
        DurableRun<JobWorkflow.Outputs> run = start(RESEND, prompt);
        assertEquals(1000L, run.result().size());
        assertEquals(2, server.submits(prompt));
        assertEquals(2, lastAttempt(run, "job.submit"));
    }

    /** The highest attempt among the activities of a type (Temporal records the last attempt of each only). */
    private static int lastAttempt(DurableRun<?> run, String activityType) {
        Map<Long, String> scheduled = new HashMap<>();
        int attempt = 0;
        for (HistoryEvent event : history(run).getEvents()) {
            if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
                scheduled.put(
                        event.getEventId(),
                        event.getActivityTaskScheduledEventAttributes()
                                .getActivityType()
                                .getName());
            } else if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
                var started = event.getActivityTaskStartedEventAttributes();
                if (activityType.equals(scheduled.get(started.getScheduledEventId()))) {
                    attempt = Math.max(attempt, started.getAttempt());
                }
            }
        }
        return attempt;
    }

    private static DurableWorker.Builder durable(Worker worker) {
        return DurableWorker.builder(worker, arazzo)
                .secret("apiKey", JobServer.TOKEN)
                .register(JobWorkflow.TYPE);
    }

    private static DurableRun<JobWorkflow.Outputs> start(String queue, String prompt) {
        WorkflowOptions options = WorkflowOptions.newBuilder()
                .setTaskQueue(queue)
                .setWorkflowId(queue + "-" + System.nanoTime())
                .build();
        return JobWorkflow.TYPE.start(env.getWorkflowClient(), options, new JobWorkflow.Inputs(prompt));
    }

    /** Counts how often a chain of runs continued as new, walking back from its last run. */
    private static long chain(String workflowId) {
        long continued = 0;
        WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory(workflowId);
        while (true) {
            assertTrue(
                    history.getEvents().size() < 150,
                    "a run's history: " + history.getEvents().size());
            String runId = history.getEvents()
                    .get(0)
                    .getWorkflowExecutionStartedEventAttributes()
                    .getContinuedExecutionRunId();
            if (runId.isEmpty()) {
                return continued;
            }
            continued++;
            history = env.getWorkflowClient().fetchHistory(workflowId, runId);
        }
    }

    private static List<Duration> timers(DurableRun<?> run) {
        return history(run).getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED)
                .map(e -> Duration.ofSeconds(e.getTimerStartedEventAttributes()
                        .getStartToFireTimeout()
                        .getSeconds()))
                .toList();
    }

    private static List<Duration> seconds(long... values) {
        return Arrays.stream(values).mapToObj(Duration::ofSeconds).toList();
    }

    /** The whole history as text, each payload decoded from the base64 its JSON holds it in. */
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
}
