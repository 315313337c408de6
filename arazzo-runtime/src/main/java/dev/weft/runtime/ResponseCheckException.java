package dev.weft.runtime;

import java.util.List;

/**
 * A response broke a run-time check of severity {@link ResponseFinding.Severity#ERROR} (see
 * {@link ResponseInspector}): the step failed as if no response had come, and its failure actions decide what
 * happens. The cause of the run's {@link WorkflowException} when none of them handles it.
 */
public final class ResponseCheckException extends WorkflowException {

    private static final long serialVersionUID = 1L;

    /** The findings, their messages redacted. */
    private final transient List<ResponseFinding> findings;

    /**
     * Creates the exception.
     *
     * @param workflowId the workflow
     * @param stepId the step
     * @param attempt the step's attempt
     * @param httpStatus the status of the response that broke the checks
     * @param findings the findings of severity error, their messages redacted
     */
    public ResponseCheckException(
            String workflowId, String stepId, int attempt, int httpStatus, List<ResponseFinding> findings) {
        super(workflowId, stepId, attempt, httpStatus, null, describe(findings), null);
        this.findings = List.copyOf(findings);
    }

    /**
     * Returns what was found.
     *
     * @return the findings of severity error, their messages redacted
     */
    public List<ResponseFinding> findings() {
        return findings == null ? List.of() : findings;
    }

    /**
     * Returns the names of the checks that failed.
     *
     * @return the names, e.g. {@code [SCHEMA_CHECK]}, in the order found, each once
     */
    public List<String> checks() {
        return findings().stream().map(ResponseFinding::check).distinct().toList();
    }

    private static String describe(List<ResponseFinding> findings) {
        StringBuilder text = new StringBuilder("the response breaks run-time checks: ");
        for (int i = 0; i < findings.size(); i++) {
            ResponseFinding f = findings.get(i);
            text.append(i == 0 ? "" : "; ").append(f.check()).append(": ").append(f.message());
        }
        return text.toString();
    }
}
