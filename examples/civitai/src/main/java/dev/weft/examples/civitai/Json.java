package dev.weft.examples.civitai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The fake server's one shared, thread-safe Jackson mapper and its JSON helpers. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ObjectNode error(String code, String message) {
        ObjectNode error = object();
        error.put("code", code);
        error.put("message", message);
        return error;
    }
}
