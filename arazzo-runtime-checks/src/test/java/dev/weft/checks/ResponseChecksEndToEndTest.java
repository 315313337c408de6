package dev.weft.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.ResponseCheckEvent;
import dev.weft.runtime.ResponseCheckException;
import dev.weft.runtime.ResponseFinding;
import dev.weft.runtime.WorkflowEvent;
import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.WorkflowListener;
import dev.weft.runtime.internal.Exchange;
import dev.weft.runtime.internal.StepRequest;
import dev.weft.runtime.internal.Values;
import dev.weft.runtime.internal.WorkflowRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The checks through the runtime, over real HTTP: a fake server on 127.0.0.1 answers an undeclared status, a wrong
 * content type, a body that breaks the schema and a response without a required header; the step's handler is
 * written as the generator writes one (success criterion {@code $statusCode == 200}, then an {@code end} failure
 * action without criteria, or none). Under {@code error} the failure action sees the {@link ResponseCheckException};
 * under {@code warn} the listener gets the finding and the run goes on; under {@code off} nothing is said.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResponseChecksEndToEndTest {

    private static PetsServer server;

    /** What listeners saw. */
    static final class Recorder implements WorkflowListener {
        final List<ResponseCheckEvent> checks = new CopyOnWriteArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();

        @Override
        public void responseChecked(ResponseCheckEvent event) {
            checks.add(event);
        }

        @Override
        public void workflowFailed(WorkflowEvent event, WorkflowException failure) {
            failures.add(failure.getMessage());
        }
    }

    @BeforeAll
    static void start() throws IOException {
        server = new PetsServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ArazzoClient client(String description, String settings, Recorder recorder) throws IOException {
        return ArazzoClient.builder()
                .server("petsApi", server.base())
                .listener(recorder)
                .responseInspector(ResponseChecks.builder()
                        .description("petsApi", Path.of("src/test/resources/checks", description))
                        .settings(settings)
                        .build())
                .build();
    }

    private static StepRequest request(String petId) {
        return StepRequest.create("getPet", "petsApi", null, "GET", "/pets/{petId}")
                .operationId("getPet")
                .pathParam("petId", TextNode.valueOf(petId));
    }

    /**
     * One step as generated: success when {@code $statusCode == 200}, else the failure action {@code end}, which
     * here says what it saw.
     */
    static String runWithOnFailure(ArazzoClient client, String petId) {
        WorkflowRun run = WorkflowRun.start(client, "get-pet");
        run.secret(PetsServer.SECRET);
        run.enterStep("getPet");
        Exchange exchange = run.exchange("getPet", () -> request(petId));
        String outcome;
        if (exchange.statusCode() == 200) {
            outcome = "succeeded";
        } else {
            // end action 'giveUp' (no criteria): the step's failure
            WorkflowException failure = exchange.transportFailure();
            outcome = failure instanceof ResponseCheckException checks
                    ? "onFailure " + String.join(",", checks.checks())
                    : "onFailure status " + exchange.statusCode();
        }
        run.completed("get-pet", Values.object(), Values.object());
        return outcome;
    }

    /** One step as generated without failure actions: the run fails. */
    static void runWithoutOnFailure(ArazzoClient client, String petId) {
        WorkflowRun run = WorkflowRun.start(client, "get-pet");
        run.secret(PetsServer.SECRET);
        run.enterStep("getPet");
        Exchange exchange = run.exchange("getPet", () -> request(petId));
        if (exchange.statusCode() == 200) {
            run.completed("get-pet", Values.object(), Values.object());
            return;
        }
        throw run.failure("getPet", exchange, "success criteria not met: $statusCode == 200");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "pets.openapi30.yaml, teapot, STATUS_CODE_CHECK",
        "pets.openapi30.yaml, html, CONTENT_TYPE_CHECK",
        "pets.openapi30.yaml, bad, SCHEMA_CHECK",
        "pets.openapi30.yaml, noheader, RESPONSE_HEADER_CHECK",
        "pets.openapi31.yaml, teapot, STATUS_CODE_CHECK",
        "pets.openapi31.yaml, html, CONTENT_TYPE_CHECK",
        "pets.openapi31.yaml, bad, SCHEMA_CHECK",
        "pets.openapi31.yaml, noheader, RESPONSE_HEADER_CHECK"
    })
    void underErrorTheFailureActionSeesTheBrokenCheck(String description, String petId, String check)
            throws IOException {
        Recorder recorder = new Recorder();
        ArazzoClient client = client(description, "", recorder);
        assertEquals("onFailure " + check, runWithOnFailure(client, petId));
        assertEquals(1, recorder.checks.size(), recorder.checks.toString());
        ResponseCheckEvent event = recorder.checks.get(0);
        assertEquals(check, event.check());
        assertEquals(ResponseFinding.Severity.ERROR, event.severity());
        assertEquals("getPet", event.stepId());
        assertFalse(event.message().contains(PetsServer.SECRET), event.message());
        assertEquals(List.of(), recorder.failures, "the failure action handled it");

        // without a failure action the run fails, the broken check as the cause
        WorkflowException failure = assertThrows(WorkflowException.class, () -> runWithoutOnFailure(client, petId));
        ResponseCheckException cause = assertInstanceOf(ResponseCheckException.class, failure.getCause());
        assertEquals(List.of(check), cause.checks());
        assertTrue(failure.getMessage().contains(check), failure.getMessage());
        assertFalse(failure.getMessage().contains(PetsServer.SECRET), failure.getMessage());
        assertEquals(1, recorder.failures.size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pets.openapi30.yaml", "pets.openapi31.yaml"})
    void aResponseAsDescribedPasses(String description) throws IOException {
        Recorder recorder = new Recorder();
        assertEquals("succeeded", runWithOnFailure(client(description, "", recorder), "good"));
        // a declared error response is no check's business: the criteria decide
        assertEquals("onFailure status 404", runWithOnFailure(client(description, "", recorder), "missing"));
        assertEquals(List.of(), recorder.checks);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "pets.openapi31.yaml, teapot, STATUS_CODE_CHECK, onFailure status 418",
        "pets.openapi31.yaml, html, CONTENT_TYPE_CHECK, succeeded",
        "pets.openapi31.yaml, bad, SCHEMA_CHECK, succeeded",
        "pets.openapi31.yaml, noheader, RESPONSE_HEADER_CHECK, succeeded",
        "pets.openapi30.yaml, bad, SCHEMA_CHECK, succeeded"
    })
    void underWarnTheListenerHearsAndTheRunGoesOn(String description, String petId, String check, String outcome)
            throws IOException {
        Recorder recorder = new Recorder();
        assertEquals(outcome, runWithOnFailure(client(description, "warn", recorder), petId));
        assertEquals(1, recorder.checks.size(), recorder.checks.toString());
        assertEquals(check, recorder.checks.get(0).check());
        assertEquals(ResponseFinding.Severity.WARN, recorder.checks.get(0).severity());
        assertFalse(
                recorder.checks.get(0).message().contains(PetsServer.SECRET),
                recorder.checks.get(0).message());
    }

    @Test
    void theSecretInASchemaMessageIsMasked() throws IOException {
        Recorder recorder = new Recorder();
        runWithOnFailure(client("pets.openapi31.yaml", "SCHEMA_CHECK=warn", recorder), "bad");
        String message = recorder.checks.get(0).message();
        // json-schema-validator names the extra property: the run masks it
        assertTrue(message.contains("'***' is not defined in the schema"), message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"teapot", "html", "bad", "noheader"})
    void underOffNothingIsSaid(String petId) throws IOException {
        Recorder recorder = new Recorder();
        ArazzoClient client = client(
                "pets.openapi31.yaml",
                "STATUS_CODE_CHECK=off,CONTENT_TYPE_CHECK=off,SCHEMA_CHECK=off,RESPONSE_HEADER_CHECK=off",
                recorder);
        String outcome = runWithOnFailure(client, petId);
        assertEquals(petId.equals("teapot") ? "onFailure status 418" : "succeeded", outcome);
        assertEquals(List.of(), recorder.checks);
    }

    @Test
    void anInspectorThatThrowsIsAWarningAndTheRunGoesOn() {
        Recorder recorder = new Recorder();
        ArazzoClient client = ArazzoClient.builder()
                .server("petsApi", server.base())
                .listener(recorder)
                .responseInspector(response -> {
                    throw new IllegalStateException("boom with " + PetsServer.SECRET);
                })
                .build();
        assertEquals("succeeded", runWithOnFailure(client, "good"));
        assertEquals(1, recorder.checks.size());
        assertEquals("RESPONSE_INSPECTOR", recorder.checks.get(0).check());
        assertEquals(ResponseFinding.Severity.WARN, recorder.checks.get(0).severity());
        assertEquals(
                "the response inspector failed: java.lang.IllegalStateException",
                recorder.checks.get(0).message());
    }

    @Test
    void theDefaultLoggingListenerLogsAFindingAtWarning() throws IOException {
        List<String> logged = new CopyOnWriteArrayList<>();
        System.Logger logger = new System.Logger() {
            @Override
            public String getName() {
                return "test";
            }

            @Override
            public boolean isLoggable(Level level) {
                return level.getSeverity() >= Level.WARNING.getSeverity();
            }

            @Override
            public void log(Level level, java.util.ResourceBundle bundle, String msg, Throwable thrown) {
                logged.add(level + " " + msg);
            }

            @Override
            public void log(Level level, java.util.ResourceBundle bundle, String format, Object... params) {
                logged.add(level + " " + format);
            }
        };
        ArazzoClient client = ArazzoClient.builder()
                .server("petsApi", server.base())
                .listener(new dev.weft.runtime.LoggingListener(logger))
                .responseInspector(ResponseChecks.builder()
                        .description("petsApi", Path.of("src/test/resources/checks/pets.openapi31.yaml"))
                        .settings("warn")
                        .build())
                .build();
        assertEquals("succeeded", runWithOnFailure(client, "bad"));
        assertEquals(1, logged.size(), logged.toString());
        assertTrue(
                logged.get(0)
                        .startsWith("WARNING workflow 'get-pet' step 'getPet' (attempt 1): HTTP 200 breaks"
                                + " SCHEMA_CHECK (warn): the body does not fit"),
                logged.get(0));
        assertFalse(logged.get(0).contains(PetsServer.SECRET), logged.get(0));
    }

    @Test
    void theAsynchronousPathChecksToo() throws Exception {
        Recorder recorder = new Recorder();
        ArazzoClient client = client("pets.openapi31.yaml", "", recorder);
        WorkflowRun run = WorkflowRun.start(client, "get-pet");
        Exchange exchange = run.exchangeAsync("getPet", () -> request("html")).get(30, TimeUnit.SECONDS);
        assertEquals(-1, exchange.statusCode());
        ResponseCheckException cause = assertInstanceOf(ResponseCheckException.class, exchange.transportFailure());
        assertEquals(List.of("CONTENT_TYPE_CHECK"), cause.checks());
    }
}
