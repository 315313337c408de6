package dev.weft.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.RunClock;
import dev.weft.runtime.WorkflowException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The extension, seen from outside: test classes that use it are run by the JUnit launcher and how they end is
 * asserted (the classes are nested, so that Surefire does not run them on their own).
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ArazzoExtensionTest {

    private static final Path RECORDINGS = Path.of("target", "kit-test-recordings");
    private static final String KEY = "sk-ext-9876543210";
    /** The real server of the recording classes, set by the test that launches them. */
    static volatile String serverUrl;

    private static TestExecutionSummary launch(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(DiscoverySelectors.selectClass(testClass))
                                .build(),
                        listener);
        return listener.getSummary();
    }

    private static String onlyFailure(TestExecutionSummary summary) {
        assertEquals(1, summary.getTotalFailureCount(), "failures: " + summary.getFailures());
        return summary.getFailures().get(0).getException().getMessage();
    }

    @Test
    void theParametersShareOneTransportAndClock() {
        TestExecutionSummary summary = launch(Parameters.class);
        assertEquals(1, summary.getTestsSucceededCount(), "failures: " + summary.getFailures());
    }

    @Test
    void aRequestWithoutAStubReplyFailsTheTestAfterwards() {
        String message = onlyFailure(launch(LeavesAnUnexpectedRequest.class));
        assertTrue(message.startsWith("1 request(s) had no stub reply:"), message);
        assertTrue(message.contains("(operation 'getJob', step 'getJob')"), message);
        assertFalse(message.contains(KEY), message);
    }

    @Test
    void aMissingRecordingSaysHowToRecordIt() {
        String message = onlyFailure(launch(ReplaysAMissingFile.class));
        assertTrue(message.startsWith("no recording at "), message);
        assertTrue(
                message.endsWith("missing.json; record it once against the real server with -Dweft.recording=record"),
                message);
    }

    @Test
    void aTestRecordsAgainstTheServerAndAnotherReplaysIt() throws Exception {
        Path file = RECORDINGS.resolve("jobs.json");
        Files.deleteIfExists(file);
        try (JobsServer server = new JobsServer()) {
            serverUrl = server.baseUrl();
            TestExecutionSummary recorded = launch(Records.class);
            assertEquals(1, recorded.getTestsSucceededCount(), "failures: " + recorded.getFailures());
            assertEquals(4, server.received().size(), "the recording test sent real requests");
        }
        String text = Files.readString(file);
        assertFalse(text.contains(KEY), text);
        assertTrue(text.contains("\"operationId\" : \"createJob\""), text);

        TestExecutionSummary replayed = launch(Replays.class);
        assertEquals(1, replayed.getTestsSucceededCount(), "failures: " + replayed.getFailures());
    }

    @Test
    void aFailedRecordingTestWritesNothing() throws Exception {
        Path file = RECORDINGS.resolve("failed.json");
        Files.deleteIfExists(file);
        try (JobsServer server = new JobsServer()) {
            serverUrl = server.baseUrl();
            String message = onlyFailure(launch(RecordsButFails.class));
            assertEquals("the test's own failure", message);
        }
        assertFalse(Files.exists(file), "a failed test's exchanges are not kept");
    }

    @Test
    void aBadModePropertyIsNamed() {
        String old = System.getProperty(ArazzoExtension.RECORDING_PROPERTY);
        System.setProperty(ArazzoExtension.RECORDING_PROPERTY, "rec");
        try {
            String message = onlyFailure(launch(ReplaysByProperty.class));
            assertEquals("-Dweft.recording must be 'record' or 'replay', was 'rec'", message);
        } finally {
            if (old == null) {
                System.clearProperty(ArazzoExtension.RECORDING_PROPERTY);
            } else {
                System.setProperty(ArazzoExtension.RECORDING_PROPERTY, old);
            }
        }
    }

    private static ArazzoClient jobsClient(ArazzoClient.Builder builder) {
        return builder.server(JobsWorkflow.SOURCE, serverUrl == null ? "http://unused" : serverUrl)
                .pollPolicy(PollPolicy.noDelay())
                .build();
    }

    @ExtendWith(ArazzoExtension.class)
    static class Parameters {
        private StubTransport fromSetUp;

        @BeforeEach
        void setUp(StubTransport stub) {
            fromSetUp = stub;
        }

        @Test
        void test(ArazzoClient client, StubTransport stub, VirtualClock clock, ArazzoClient.Builder builder) {
            assertSame(fromSetUp, stub);
            assertSame(stub, client.transport());
            assertSame(clock, client.clock());
            ArazzoClient other = builder.build();
            assertSame(stub, other.transport());
            assertSame(clock, other.clock());
        }
    }

    @ExtendWith(ArazzoExtension.class)
    static class LeavesAnUnexpectedRequest {
        @Test
        void test(ArazzoClient.Builder builder, StubTransport stub) {
            stub.on("createJob").reply(StubResponse.json(201, "{\"id\":\"j\"}"));
            assertThrows(WorkflowException.class, () -> new JobsWorkflow(jobsClient(builder)).run(KEY, "x"));
        }
    }

    @ExtendWith(ArazzoExtension.class)
    static class ReplaysAMissingFile {
        @Test
        @ArazzoRecording(value = "target/kit-test-recordings/missing.json", mode = ArazzoRecording.Mode.REPLAY)
        void test(ArazzoClient client) {}
    }

    @ExtendWith(ArazzoExtension.class)
    @ArazzoRecording("target/kit-test-recordings/jobs.json")
    static class ReplaysByProperty {
        @Test
        void test(ArazzoClient client) {}
    }

    @ExtendWith(ArazzoExtension.class)
    @ArazzoRecording(value = "target/kit-test-recordings/jobs.json", mode = ArazzoRecording.Mode.RECORD)
    static class Records {
        @Test
        void test(ArazzoClient.Builder builder, StubTransport stub) {
            ArazzoClient client = jobsClient(builder);
            assertSame(RunClock.SYSTEM, client.clock(), "recording runs on the real clock");
            assertEquals("done", new JobsWorkflow(client).run(KEY, "a fox").status());
            // the requests are kept for assertions while recording too
            stub.assertRequestCount("getJob", 3);
        }
    }

    @ExtendWith(ArazzoExtension.class)
    @ArazzoRecording(value = "target/kit-test-recordings/jobs.json", mode = ArazzoRecording.Mode.REPLAY)
    static class Replays {
        @Test
        void test(ArazzoClient.Builder builder, StubTransport stub) {
            serverUrl = null;
            JobsWorkflow.Outputs outputs = new JobsWorkflow(jobsClient(builder)).run(KEY, "a fox");
            assertEquals(new JobsWorkflow.Outputs("job-1", "done", "/jobs/job-1.png"), outputs);
            assertEquals(
                    List.of("createJob", "getJob", "getJob", "getJob"),
                    stub.requests().stream().map(SentRequest::operationId).toList());
        }
    }

    @ExtendWith(ArazzoExtension.class)
    @ArazzoRecording(value = "target/kit-test-recordings/failed.json", mode = ArazzoRecording.Mode.RECORD)
    static class RecordsButFails {
        @Test
        void test(ArazzoClient.Builder builder) {
            new JobsWorkflow(jobsClient(builder)).run(KEY, "a fox");
            throw new AssertionError("the test's own failure");
        }
    }
}
