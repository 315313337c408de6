package dev.weft.runtime.internal;

import dev.weft.runtime.InspectedResponse;
import dev.weft.runtime.ResponseCheckException;
import dev.weft.runtime.ResponseFinding;
import dev.weft.runtime.ResponseInspector;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands a step's response to the client's {@link ResponseInspector} (opt-in run-time checks) and turns its
 * findings into events and, for errors, into the step's failure; every message redacted first.
 */
final class ResponseInspection {

    /** The name a failure of the inspector itself is reported under. */
    static final String INSPECTOR_FAILED = "RESPONSE_INSPECTOR";

    /** How long a finding's message may be; the rest is cut. */
    static final int MAX_MESSAGE = 1000;

    /** How many findings of one response are kept. */
    static final int MAX_FINDINGS = 20;

    private ResponseInspection() {}

    /**
     * Inspects the response of an exchange and reports the findings.
     *
     * @return the failure when a finding is an error, else {@code null}
     */
    static ResponseCheckException inspect(
            WorkflowRun run, ResponseInspector inspector, Exchange exchange, int attempt) {
        StepRequest request = exchange.request();
        InspectedResponse response = new InspectedResponse(
                run.workflowId(),
                request.stepId(),
                request.sourceName(),
                request.operationId(),
                request.method(),
                request.pathTemplate(),
                exchange.statusCode(),
                exchange.result().headers(),
                exchange.result().body(),
                exchange::inspectedJson);
        List<ResponseFinding> found;
        try {
            found = inspector.inspect(response);
        } catch (RuntimeException e) {
            // an inspector's bug does not break the run; its message may hold response values, so only the type
            found = List.of(new ResponseFinding(
                    INSPECTOR_FAILED,
                    ResponseFinding.Severity.WARN,
                    "the response inspector failed: " + e.getClass().getName()));
        }
        if (found == null || found.isEmpty()) {
            return null;
        }
        RunFailures failures = run.failures();
        List<ResponseFinding> errors = new ArrayList<>(2);
        int kept = 0;
        for (ResponseFinding finding : found) {
            if (finding == null || kept++ == MAX_FINDINGS) {
                continue;
            }
            String message = failures.redact(finding.message());
            if (message.length() > MAX_MESSAGE) {
                message = message.substring(0, MAX_MESSAGE) + "...";
            }
            ResponseFinding redacted = new ResponseFinding(finding.check(), finding.severity(), message);
            run.events().responseChecked(request.stepId(), attempt, exchange.statusCode(), redacted);
            if (redacted.severity() == ResponseFinding.Severity.ERROR) {
                errors.add(redacted);
            }
        }
        return errors.isEmpty()
                ? null
                : new ResponseCheckException(
                        run.workflowId(), request.stepId(), attempt, exchange.statusCode(), errors);
    }
}
