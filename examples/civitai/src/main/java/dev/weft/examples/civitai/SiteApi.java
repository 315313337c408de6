package dev.weft.examples.civitai;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The fake Site API's handler: model versions, each with a made-up but well-formed AIR. */
final class SiteApi {
    /** The one model-version id the fake answers 404 for. */
    static final long MISSING_MODEL_VERSION = 404;

    void addRoutes(Router router) {
        router.route("GET", "/api/v1/model-versions/([^/]+)", this::modelVersion);
    }

    private Response modelVersion(Request request) {
        String raw = request.pathParam(0);
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("model version id must be an integer, found '" + raw + "'");
        }
        if (id < 0 || id > Integer.MAX_VALUE) {
            throw ApiError.badRequest("model version id is out of range: " + id);
        }
        if (id == MISSING_MODEL_VERSION) {
            throw ApiError.notFound("no model version " + id);
        }
        long modelId = 1000 + id;
        ObjectNode version = Json.object();
        version.put("id", id);
        version.put("modelId", modelId);
        version.put("name", "v" + id);
        version.put("baseModel", "SDXL 1.0");
        version.put("air", "urn:air:sdxl:checkpoint:civitai:" + modelId + "@" + id);
        version.put("downloadUrl", "https://civitai.com/api/download/models/" + id);
        return Response.json(200, version);
    }
}
