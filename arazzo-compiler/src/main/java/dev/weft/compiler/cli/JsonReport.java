package dev.weft.compiler.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.compiler.cli.RunRecorder.Attempt;
import dev.weft.compiler.cli.RunRecorder.Wait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Writes a run report as JSON: {@code weft run --report json}. */
final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonReport() {}

    static void write(RunReport report, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("weft", Version.VERSION);
        root.put("document", report.workflow().document().toString());
        root.put("workflowId", report.workflow().workflowId());
        root.put("status", report.status());
        root.put("exitStatus", report.exitStatus());
        root.put("startedAt", report.startedAt().toString());
        root.put("durationMs", report.took().toMillis());
        ArrayNode steps = root.putArray("steps");
        for (Map.Entry<String, List<Attempt>> step : report.steps().entrySet()) {
            Attempt first = step.getValue().get(0);
            ObjectNode node = steps.addObject();
            node.put("workflowId", first.workflowId());
            node.put("stepId", first.stepId());
            node.put("status", report.failedIn(step.getValue()) ? "failed" : "passed");
            ArrayNode attempts = node.putArray("attempts");
            step.getValue().forEach(a -> attempt(attempts.addObject(), a));
        }
        root.set("outputs", report.outputs());
        if (report.failure() != null) {
            ObjectNode failure = root.putObject("failure");
            failure.put("message", report.failure().getMessage());
            failure.put("stepId", report.failure().stepId());
            failure.put("attempt", report.failure().attempt());
            failure.put("httpStatus", report.failure().httpStatus());
            failure.put("responseExcerpt", report.failure().responseExcerpt());
        } else {
            root.putNull("failure");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, Execution.pretty(report.redaction().json(root)) + System.lineSeparator());
    }

    private static void attempt(ObjectNode node, Attempt a) {
        node.put("attempt", a.attempt());
        if (a.before() != null) {
            Wait w = a.before();
            ObjectNode waited = node.putObject("after");
            waited.put("kind", w.kind());
            waited.put(w.kind().equals("retry") ? "retry" : "iteration", w.count());
            if (w.kind().equals("retry")) {
                waited.put("retryLimit", w.limit());
                waited.put("action", w.action());
            }
            waited.put("delayMs", millis(w.delay()));
        }
        node.put("method", a.method());
        node.put("url", a.url());
        if (a.method() != null) {
            node.put("httpStatus", a.status());
            node.put("httpMs", a.httpTime() == null ? null : millis(a.httpTime()));
        }
        node.put("error", a.error());
        node.put("outcome", a.outcome());
        node.put("startMs", millis(a.started()));
        node.put("durationMs", millis(a.took()));
    }

    private static long millis(Duration d) {
        return d.getSeconds() < Long.MAX_VALUE / 1000 - 1 ? d.toMillis() : Long.MAX_VALUE;
    }
}
