package dev.weft.examples.civitai;

import com.fasterxml.jackson.databind.JsonNode;

/** An answer of the fake server: a status and an optional JSON body. */
record Response(int status, JsonNode body) {

    static Response json(int status, JsonNode body) {
        return new Response(status, body);
    }

    static Response noContent() {
        return new Response(204, null);
    }
}
