package dev.weft.compiler.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.compiler.WorkflowSignature;
import dev.weft.compiler.cli.RunRecorder.Attempt;
import dev.weft.runtime.WorkflowException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run report says, whatever its format: the workflow, when and how long it ran, each step's attempts,
 * the outputs or the failure; every text in it goes through {@link #redaction} on its way out.
 *
 * @param workflow the workflow that ran
 * @param startedAt when it started
 * @param took how long it ran
 * @param exitStatus the command's exit status
 * @param attempts the step attempts, in the order they ended
 * @param outputs the outputs, already masked, or null when the run failed
 * @param failure why the run failed, or null
 * @param redaction masks the run's secrets
 */
record RunReport(
        WorkflowSignature workflow,
        Instant startedAt,
        Duration took,
        int exitStatus,
        List<Attempt> attempts,
        JsonNode outputs,
        WorkflowException failure,
        Redaction redaction) {

    /** The steps in the order they first ran (a child workflow's as {@code child/step}), with their attempts. */
    Map<String, List<Attempt>> steps() {
        Map<String, List<Attempt>> steps = new LinkedHashMap<>();
        for (Attempt attempt : attempts) {
            String name = (attempt.child() ? attempt.workflowId() + "/" : "") + attempt.stepId();
            steps.computeIfAbsent(name, k -> new ArrayList<>()).add(attempt);
        }
        return steps;
    }

    /** Whether the run failed in this step: its last attempt is where the workflow failed. */
    boolean failedIn(List<Attempt> attempts) {
        return failure != null && attempts.get(attempts.size() - 1).outcome().equals("failed");
    }

    /** Whether the failure lies in no step (a limit, a missing server URL, before the first step). */
    boolean failedOutsideSteps() {
        return failure != null && steps().values().stream().noneMatch(this::failedIn);
    }

    String status() {
        return failure == null ? "succeeded" : "failed";
    }
}
