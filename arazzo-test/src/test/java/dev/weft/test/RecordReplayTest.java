package dev.weft.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.PollPolicy;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.WorkflowListener;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Exchanges with a real server are recorded with every secret masked, and replayed without the server. */
// generous: the JDK HttpClient's first use in a JVM is slow on a loaded machine
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RecordReplayTest {

    static final String KEY = "sk-live-ABCDEF123456";

    @TempDir
    Path dir;

    private static ArazzoClient.Builder client() {
        return ArazzoClient.builder().pollPolicy(PollPolicy.noDelay()).listener(WorkflowListener.NONE);
    }

    private Path record() {
        Path file = dir.resolve("recordings/jobs.json");
        try (JobsServer server = new JobsServer()) {
            RecordingTransport recorder =
                    new RecordingTransport(ArazzoClient.create().transport());
            JobsWorkflow.Outputs outputs = new JobsWorkflow(client().server(JobsWorkflow.SOURCE, server.baseUrl())
                            .transport(recorder)
                            .build())
                    .run(KEY, "a fox");
            assertEquals("/jobs/job-1.png", outputs.result());
            assertEquals(4, recorder.size());
            assertEquals(
                    List.of("POST /jobs", "GET /jobs/job-1", "GET /jobs/job-1", "GET /jobs/job-1"), server.received());
            recorder.writeTo(file);
        }
        return file;
    }

    @Test
    void aRecordingKeepsNoSecretInAnyForm() throws Exception {
        String text = Files.readString(record());
        for (String form : List.of(
                KEY,
                "ABCDEF123456",
                URLEncoder.encode(KEY, StandardCharsets.UTF_8),
                Base64.getEncoder().encodeToString(("user:" + KEY).getBytes(StandardCharsets.UTF_8)))) {
            assertFalse(text.contains(form), "the recording holds a secret: " + form + "\n" + text);
        }
        assertTrue(text.contains("\"Authorization\" : [ \"***\" ]"), text);
        assertTrue(text.contains("\"set-cookie\" : [ \"***\" ]"), text);
        assertTrue(text.contains("\"x-echo\" : [ \"caller ***\" ]"), text);
        assertTrue(text.contains("\\\"owner\\\":\\\"***\\\""), text);
        assertTrue(text.contains("\"operationId\" : \"getJob\""), text);
        assertTrue(text.startsWith("{\n  \"format\" : \"weft-recording\",\n  \"version\" : 1,"), text);
    }

    @Test
    void aReplayAnswersWithoutTheServer() {
        Path file = record();
        StubTransport replay = new StubTransport().replay(file);
        VirtualClock clock = new VirtualClock();
        // the server is closed: only the recording can answer
        JobsWorkflow.Outputs outputs = new JobsWorkflow(client().server(JobsWorkflow.SOURCE, "http://127.0.0.1:9")
                        .transport(replay)
                        .clock(clock)
                        .build())
                .run(KEY, "a fox");
        assertEquals(new JobsWorkflow.Outputs("job-1", "done", "/jobs/job-1.png"), outputs);
        replay.assertRequestCount("getJob", 3).assertNoUnexpectedRequests();
        replay.onlyRequest("createJob").assertHeader("Authorization", "Bearer " + KEY);
    }

    @Test
    void aReplayThatGoesAnotherWayIsCaught() {
        Path file = record();
        StubTransport replay = new StubTransport().replay(file);
        ArazzoClient client = client().server(JobsWorkflow.SOURCE, "http://stub")
                .transport(replay)
                .build();
        new JobsWorkflow(client).run(KEY, "a fox");
        // a second run asks for more than was recorded: each recorded response answers once
        WorkflowException e = assertThrows(WorkflowException.class, () -> new JobsWorkflow(client).run(KEY, "a fox"));
        assertTrue(e.getMessage().contains("no stub reply for request 5 POST http://stub/jobs"), e.getMessage());
        assertEquals(1, replay.takeUnexpectedRequests().size());
    }

    @Test
    void aFileThatIsNoRecordingIsRefused() throws Exception {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"format\":\"har\",\"version\":1,\"exchanges\":[]}");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new StubTransport().replay(file));
        assertTrue(
                e.getMessage().endsWith("is not a Weft recording (format weft-recording, version 1): it says har 1"),
                e.getMessage());
    }
}
