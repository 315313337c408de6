package dev.weft.examples.civitai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** The fake server's thread-safe state: workflows by id, id counters and recorded requests. */
final class WorkflowStore {
    private final Map<String, FakeWorkflow> workflows = new ConcurrentHashMap<>();
    private final AtomicLong workflowSequence = new AtomicLong();
    private final AtomicLong blobSequence = new AtomicLong();
    private final Queue<String> uploadUrlRequests = new ConcurrentLinkedQueue<>();
    private volatile int pollsUntilDone = 2;
    private volatile String failMarker = "FAIL";

    int pollsUntilDone() {
        return pollsUntilDone;
    }

    void pollsUntilDone(int polls) {
        if (polls < 0) {
            throw new IllegalArgumentException("pollsUntilDone must be >= 0, found " + polls);
        }
        pollsUntilDone = polls;
    }

    String failMarker() {
        return failMarker;
    }

    void failMarker(String marker) {
        failMarker = Objects.requireNonNull(marker, "marker");
    }

    FakeWorkflow submit(JsonNode body) {
        return put(FakeWorkflow.submitted(body, failMarker, workflowSequence));
    }

    FakeWorkflow seed(String status) {
        String normalized = status.toLowerCase(Locale.ROOT);
        if (!FakeWorkflow.STATUSES.contains(normalized)) {
            throw new IllegalArgumentException("unknown workflow status '" + status + "'");
        }
        long sequence = workflowSequence.incrementAndGet();
        return put(FakeWorkflow.seeded("wf-" + sequence, sequence, normalized));
    }

    private FakeWorkflow put(FakeWorkflow workflow) {
        workflows.put(workflow.id(), workflow);
        return workflow;
    }

    /** The live workflow with this id; a missing or deleted one is a 404. */
    FakeWorkflow get(String id) {
        FakeWorkflow workflow = workflows.get(id);
        if (workflow == null || workflow.deleted()) {
            throw ApiError.notFound("no workflow '" + id + "'");
        }
        return workflow;
    }

    /** Any workflow ever created with this id, deleted or not, or {@code null}. */
    FakeWorkflow find(String id) {
        return workflows.get(id);
    }

    /** Live workflows in {@code status} (any status when {@code null}), newest first. */
    List<FakeWorkflow> query(String status) {
        return workflows.values().stream()
                .filter(w -> !w.deleted())
                .filter(w -> status == null || w.status().equals(status))
                .sorted(Comparator.comparingLong(FakeWorkflow::sequence).reversed())
                .toList();
    }

    /** Bodies of all submitted workflows, oldest first. */
    List<JsonNode> submittedBodies() {
        return workflows.values().stream()
                .sorted(Comparator.comparingLong(FakeWorkflow::sequence))
                .map(FakeWorkflow::submittedBody)
                .filter(Objects::nonNull)
                .toList();
    }

    String nextBlobId() {
        return "blob-" + blobSequence.incrementAndGet();
    }

    void recordUploadUrlRequest(String rawQuery) {
        uploadUrlRequests.add(rawQuery);
    }

    List<String> uploadUrlRequests() {
        return List.copyOf(uploadUrlRequests);
    }
}
