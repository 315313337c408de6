package dev.weft.runtime.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The runtime's one shared Jackson mapper and the parsing and writing helpers built on it. */
public final class Json {

    /**
     * The shared mapper: unknown properties are ignored, and trailing content after a JSON value is an error
     * (so that {@code 12 apples} is not taken for the number 12). Thread-safe; do not reconfigure it.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {}

    /**
     * Parses JSON text.
     *
     * @param text the text, or {@code null}
     * @return the tree, or {@code null} for {@code null} or blank text
     * @throws IllegalArgumentException if the text is not valid JSON
     */
    public static JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses JSON bytes (UTF-8 or another encoding Jackson detects).
     *
     * @param bytes the bytes
     * @return the tree, or {@code null} for empty or blank content
     * @throws IOException if the bytes are not valid JSON
     */
    public static JsonNode parse(byte[] bytes) throws IOException {
        JsonNode node = MAPPER.readTree(bytes);
        return node == null || node.isMissingNode() ? null : node;
    }

    /**
     * Writes a tree as compact JSON.
     *
     * @param node the tree
     * @return the JSON text
     */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // a tree of standard nodes always serialises
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a tree as compact UTF-8 JSON.
     *
     * @param node the tree
     * @return the JSON bytes
     */
    public static byte[] writeBytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
