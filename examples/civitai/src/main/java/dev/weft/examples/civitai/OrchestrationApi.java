package dev.weft.examples.civitai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** The fake Orchestration API's handlers: workflows and presigned blob upload URLs. */
final class OrchestrationApi {
    private static final String WORKFLOWS = "/v2/consumer/workflows";
    private static final String WORKFLOW = WORKFLOWS + "/([^/]+)";
    private static final int DEFAULT_TAKE = 20;
    private static final Duration UPLOAD_URL_LIFETIME = Duration.ofHours(1);

    private final WorkflowStore store;
    private final String baseUrl;

    OrchestrationApi(WorkflowStore store, String baseUrl) {
        this.store = store;
        this.baseUrl = baseUrl;
    }

    void addRoutes(Router router) {
        router.route("POST", WORKFLOWS, this::submit)
                .route("GET", WORKFLOWS, this::query)
                .route("GET", WORKFLOW, this::get)
                .route("PUT", WORKFLOW, this::update)
                .route("PATCH", WORKFLOW, this::patch)
                .route("DELETE", WORKFLOW, this::delete)
                .route("GET", "/v2/consumer/blobs/upload-url", this::uploadUrl);
    }

    private Response submit(Request request) {
        FakeWorkflow workflow = store.submit(request.jsonBody());
        return Response.json(202, workflow.snapshot());
    }

    private Response query(Request request) {
        String status = request.query("status");
        if (status != null && status.isEmpty()) {
            status = null;
        }
        if (status != null) {
            status = status.toLowerCase(Locale.ROOT);
            if (!FakeWorkflow.STATUSES.contains(status)) {
                throw ApiError.badRequest("unknown status '" + request.query("status") + "'");
            }
        }
        int take = positiveInt(request.longQuery("take"), DEFAULT_TAKE, "take");
        int offset = cursor(request.query("cursor"));
        List<FakeWorkflow> matches = store.query(status);
        ObjectNode page = Json.object();
        ArrayNode items = page.putArray("items");
        int end = Math.min(matches.size(), offset + take);
        for (int i = offset; i < end; i++) {
            items.add(matches.get(i).snapshot());
        }
        if (end < matches.size()) {
            page.put("nextCursor", Integer.toString(end));
        } else {
            page.putNull("nextCursor");
        }
        return Response.json(200, page);
    }

    private static int positiveInt(Long value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw ApiError.badRequest("'" + name + "' must be a positive integer, found " + value);
        }
        return value.intValue();
    }

    // The cursor is the offset of the next page, as the previous page's nextCursor gave it.
    private static int cursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(cursor);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.badRequest("unknown cursor '" + cursor + "'");
    }

    private Response get(Request request) {
        return Response.json(200, store.get(request.pathParam(0)).poll(store.pollsUntilDone()));
    }

    private Response update(Request request) {
        FakeWorkflow workflow = store.get(request.pathParam(0));
        JsonNode body = request.jsonBody();
        if (!body.path("status").asText("").equals("canceled")) {
            throw ApiError.badRequest("the only supported update is {\"status\": \"canceled\"}");
        }
        return Response.json(200, workflow.cancel());
    }

    private Response patch(Request request) {
        FakeWorkflow workflow = store.get(request.pathParam(0));
        JsonNode operations = request.jsonBody();
        if (!operations.isArray()) {
            throw ApiError.badRequest("a JSON Patch body must be an array of operations");
        }
        return Response.json(200, workflow.patch(operations));
    }

    private Response delete(Request request) {
        store.get(request.pathParam(0)).delete();
        return Response.noContent();
    }

    private Response uploadUrl(Request request) {
        store.recordUploadUrlRequest(request.rawQuery());
        String mimeType = request.query("mimeType");
        if (mimeType == null || mimeType.isBlank()) {
            throw ApiError.badRequest("query parameter 'mimeType' is required");
        }
        Long sizeBytes = request.longQuery("sizeBytes");
        if (sizeBytes != null && sizeBytes < 0) {
            throw ApiError.badRequest("'sizeBytes' must not be negative, found " + sizeBytes);
        }
        String blobId = store.nextBlobId();
        ObjectNode answer = Json.object();
        answer.put("blobId", blobId);
        answer.put("uploadUrl", baseUrl + "/upload/" + blobId);
        answer.put(
                "expiresAt",
                Instant.now()
                        .plus(UPLOAD_URL_LIFETIME)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        return Response.json(200, answer);
    }
}
