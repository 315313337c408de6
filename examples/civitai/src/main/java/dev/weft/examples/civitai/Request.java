package dev.weft.examples.civitai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** A routed request: the decoded path parameters, query parameters and raw body. */
record Request(String method, List<String> pathParams, Map<String, String> query, String rawQuery, byte[] body) {

    Request {
        pathParams = List.copyOf(pathParams);
        query = Map.copyOf(query);
    }

    String pathParam(int index) {
        return pathParams.get(index);
    }

    String query(String name) {
        return query.get(name);
    }

    /** Returns the integer query parameter, or {@code null} when it is absent. */
    Long longQuery(String name) {
        String value = query.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("query parameter '" + name + "' must be an integer, found '" + value + "'");
        }
    }

    /** Parses the body as JSON; an empty or malformed body is a 400. */
    JsonNode jsonBody() {
        if (body.length == 0) {
            throw ApiError.badRequest("request body is required");
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiError.badRequest("request body could not be read");
        }
    }
}
