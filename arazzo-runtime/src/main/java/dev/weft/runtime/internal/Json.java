package dev.weft.runtime.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The runtime's one Jackson mapper and the parsing and writing helpers built on it; the mapper itself stays in
 * here, so that no code can reconfigure what every run reads and writes with.
 */
final class Json {

    /**
     * The mapper: unknown properties are ignored, and trailing content after a JSON value is an error (so that
     * {@code 12 apples} is not taken for the number 12). Thread-safe, and never handed out, so never reconfigured.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Reads trees as {@link #MAPPER} does, refusing numbers a double cannot hold. */
    private static final ObjectReader TREES = MAPPER.reader().with(new FiniteNumbers());

    private Json() {}

    /**
     * A JSON number beyond the range of a double ({@code 1e999999999}), which Jackson would read as
     * {@code Infinity}: a server's number is kept exact or refused, never changed into another.
     */
    static final class NumberOutOfRangeException extends JsonProcessingException {

        private static final long serialVersionUID = 1L;

        NumberOutOfRangeException() {
            super("a number is beyond the range of a double (about 1.8e308) and would read as Infinity");
        }
    }

    /** Signals an infinite double to {@link #parse}; never escapes this class. */
    private static final class Infinite extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Infinite() {
            super(null, null, false, false);
        }
    }

    /** Builds number nodes as Jackson's factory does, but throws {@link Infinite} for an infinite double. */
    private static final class FiniteNumbers extends JsonNodeFactory {

        private static final long serialVersionUID = 1L;

        @Override
        public NumericNode numberNode(double v) {
            if (Double.isInfinite(v)) {
                throw new Infinite();
            }
            return super.numberNode(v);
        }

        @Override
        public ValueNode numberNode(Double v) {
            if (v != null && v.isInfinite()) {
                throw new Infinite();
            }
            return super.numberNode(v);
        }

        @Override
        public NumericNode numberNode(float v) {
            if (Float.isInfinite(v)) {
                throw new Infinite();
            }
            return super.numberNode(v);
        }

        @Override
        public ValueNode numberNode(Float v) {
            if (v != null && v.isInfinite()) {
                throw new Infinite();
            }
            return super.numberNode(v);
        }
    }

    /**
     * Parses JSON text.
     *
     * @param text the text, or {@code null}
     * @return the tree, or {@code null} for {@code null} or blank text
     * @throws IllegalArgumentException if the text is not valid JSON, or holds a number beyond a double's range
     */
    static JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode node = TREES.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
        } catch (Infinite e) {
            throw new IllegalArgumentException("invalid JSON: " + new NumberOutOfRangeException().getMessage());
        }
    }

    /**
     * Parses JSON bytes (UTF-8 or another encoding Jackson detects).
     *
     * @param bytes the bytes
     * @return the tree, or {@code null} for empty or blank content
     * @throws IOException if the bytes are not valid JSON
     * @throws NumberOutOfRangeException if they hold a number beyond the range of a double
     */
    static JsonNode parse(byte[] bytes) throws IOException {
        try {
            JsonNode node = TREES.readTree(bytes);
            return node == null || node.isMissingNode() ? null : node;
        } catch (Infinite e) {
            throw new NumberOutOfRangeException();
        }
    }

    /**
     * Writes a tree as compact JSON.
     *
     * @param node the tree
     * @return the JSON text
     */
    static String write(JsonNode node) {
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
    static byte[] writeBytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
