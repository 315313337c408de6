package dev.weft.runtime;

import java.util.List;

/**
 * Looks at each HTTP response of a run before the step's criteria are evaluated, and says what is wrong with it:
 * the hook of opt-in run-time checks, such as module {@code arazzo-runtime-checks}'s {@code ResponseChecks},
 * which compare a response with the operation's OpenAPI description.
 *
 * <p>Register one with {@link ArazzoClient.Builder#responseInspector}; a client without one spends nothing on
 * it. A finding of severity {@link ResponseFinding.Severity#ERROR} fails the step as a response that did not
 * arrive would: its failure actions ({@code onFailure}) see it, {@code $statusCode} and the response absent,
 * and when none handles it the run fails with a {@link WorkflowException} whose cause is a
 * {@link ResponseCheckException}. Findings of severity {@link ResponseFinding.Severity#WARN} are reported to the
 * client's listeners ({@link WorkflowListener#responseChecked}) and the run goes on. Every message is redacted
 * by the run first. An inspector that throws is reported as a warning of check {@code RESPONSE_INSPECTOR}, and
 * the run goes on.
 *
 * <p>Called on the thread that runs the step, concurrently for concurrent runs: implementations are
 * thread-safe, and quick (build what they need once, not per response).
 */
@FunctionalInterface
public interface ResponseInspector {

    /**
     * Inspects one response.
     *
     * @param response the response and the operation it answers
     * @return the findings, empty when nothing is wrong; never {@code null}
     */
    List<ResponseFinding> inspect(InspectedResponse response);
}
