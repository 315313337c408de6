package dev.weft.examples.civitai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** One orchestration workflow held by the fake server; its methods are synchronized on it. */
final class FakeWorkflow {
    static final Set<String> STATUSES =
            Set.of("unassigned", "preparing", "processing", "succeeded", "failed", "expired", "canceled");
    private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "expired", "canceled");
    private static final int BASE_COST = 10;
    private static final int COST_PER_IMAGE = 12;

    private record StepSpec(String name, String type, int quantity) {}

    private final String id;
    private final long sequence;
    private final Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final JsonNode submittedBody;
    private final List<StepSpec> steps;
    private final boolean fails;
    private final boolean frozen;
    private String status;
    private int polls;
    private int processingPolls;
    private boolean deleted;
    private final List<String> tags = new ArrayList<>();

    private FakeWorkflow(
            String id,
            long sequence,
            JsonNode submittedBody,
            List<StepSpec> steps,
            boolean fails,
            boolean frozen,
            String status) {
        this.id = id;
        this.sequence = sequence;
        this.submittedBody = submittedBody;
        this.steps = List.copyOf(steps);
        this.fails = fails;
        this.frozen = frozen;
        this.status = status;
        if (submittedBody != null) {
            submittedBody.path("tags").forEach(tag -> tags.add(tag.asText()));
        }
    }

    /**
     * A workflow from a submitted request body, which must hold a non-empty {@code steps} array; its
     * number is drawn from {@code sequence} only once the body is valid, so ids have no gaps.
     */
    static FakeWorkflow submitted(JsonNode body, String failMarker, AtomicLong sequence) {
        if (!body.isObject()) {
            throw ApiError.badRequest("the workflow request must be a JSON object");
        }
        JsonNode stepNodes = body.path("steps");
        if (!stepNodes.isArray() || stepNodes.isEmpty()) {
            throw ApiError.badRequest("'steps' must be a non-empty array");
        }
        List<StepSpec> steps = new ArrayList<>();
        boolean fails = false;
        for (JsonNode step : stepNodes) {
            JsonNode input = step.path("input");
            steps.add(new StepSpec(
                    step.path("name").asText("step" + steps.size()),
                    step.path("$type").asText("imageGen"),
                    quantity(input)));
            fails |= input.path("prompt").asText("").contains(failMarker);
        }
        long number = sequence.incrementAndGet();
        return new FakeWorkflow("wf-" + number, number, body.deepCopy(), steps, fails, false, "unassigned");
    }

    /** A workflow created directly in {@code status}; it keeps that status until canceled. */
    static FakeWorkflow seeded(String id, long sequence, String status) {
        return new FakeWorkflow(
                id, sequence, null, List.of(new StepSpec("generate", "imageGen", 1)), false, true, status);
    }

    private static int quantity(JsonNode input) {
        JsonNode quantity = input.path("quantity");
        if (quantity.isMissingNode() || quantity.isNull()) {
            return 1;
        }
        if (!quantity.canConvertToExactIntegral() || quantity.asInt() < 1 || quantity.asInt() > 10) {
            throw ApiError.badRequest("'quantity' must be an integer from 1 to 10, found " + quantity);
        }
        return quantity.asInt();
    }

    String id() {
        return id;
    }

    long sequence() {
        return sequence;
    }

    /** A copy of the submitted body, or {@code null} for a seeded workflow. */
    JsonNode submittedBody() {
        return submittedBody == null ? null : submittedBody.deepCopy();
    }

    synchronized String status() {
        return status;
    }

    synchronized int polls() {
        return polls;
    }

    synchronized boolean deleted() {
        return deleted;
    }

    /**
     * Answers a GET: counts the poll and moves the workflow on. It reports {@code processing} for
     * {@code pollsUntilDone} polls, then ends {@code succeeded} (or {@code failed}).
     */
    synchronized ObjectNode poll(int pollsUntilDone) {
        polls++;
        if (!frozen && !TERMINAL.contains(status)) {
            if (processingPolls < pollsUntilDone) {
                processingPolls++;
                status = "processing";
            } else {
                status = fails ? "failed" : "succeeded";
            }
        }
        return toJson();
    }

    synchronized ObjectNode snapshot() {
        return toJson();
    }

    synchronized ObjectNode cancel() {
        status = "canceled";
        return toJson();
    }

    synchronized void delete() {
        deleted = true;
    }

    /**
     * Applies a JSON Patch: the fake knows {@code add} to {@code /tags/-} and {@code remove} of {@code /tags/N};
     * anything else is a 400, and nothing is applied unless every operation is valid.
     */
    synchronized ObjectNode patch(JsonNode operations) {
        List<String> patched = new ArrayList<>(tags);
        for (JsonNode operation : operations) {
            String op = operation.path("op").asText("");
            String path = operation.path("path").asText("");
            if (op.equals("add")
                    && path.equals("/tags/-")
                    && operation.path("value").isTextual()) {
                patched.add(operation.get("value").asText());
            } else if (op.equals("remove")
                    && path.matches("/tags/\\d{1,6}")
                    && Integer.parseInt(path.substring(6)) < patched.size()) {
                patched.remove(Integer.parseInt(path.substring(6)));
            } else {
                throw ApiError.badRequest("the fake applies only {\"op\": \"add\", \"path\": \"/tags/-\"} with a"
                        + " string value and {\"op\": \"remove\", \"path\": \"/tags/N\"}, not " + operation);
            }
        }
        tags.clear();
        tags.addAll(patched);
        return toJson();
    }

    private ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("id", id);
        json.put("status", status);
        json.put("createdAt", createdAt.toString());
        ArrayNode tagArray = json.putArray("tags");
        tags.forEach(tagArray::add);
        int images = steps.stream().mapToInt(StepSpec::quantity).sum();
        ObjectNode cost = json.putObject("cost");
        cost.put("base", BASE_COST);
        cost.put("total", COST_PER_IMAGE * images);
        cost.put("currency", "BUZZ");
        ArrayNode stepArray = json.putArray("steps");
        for (int i = 0; i < steps.size(); i++) {
            stepArray.add(stepJson(i, steps.get(i)));
        }
        return json;
    }

    private ObjectNode stepJson(int index, StepSpec spec) {
        ObjectNode step = Json.object();
        step.put("name", spec.name());
        step.put("$type", spec.type());
        step.put("status", status);
        ObjectNode job = step.putArray("jobs").addObject();
        job.put("id", id + "-job-" + index);
        job.put("status", status);
        if (status.equals("succeeded")) {
            ArrayNode blobs = job.putObject("result").putArray("blobs");
            for (int i = 0; i < spec.quantity(); i++) {
                // Step 0 keeps the plain form https://blobs.example/{id}/{i}.png that tests rely on.
                String name = index == 0 ? i + ".png" : index + "-" + i + ".png";
                ObjectNode blob = blobs.addObject();
                blob.put("blobId", id + "-blob-" + index + "-" + i);
                blob.put("url", "https://blobs.example/" + id + "/" + name);
                blob.put("mimeType", "image/png");
            }
        }
        return step;
    }
}
