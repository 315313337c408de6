package dev.weft.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.UncheckedIOException;

/** Test helpers shared by the JSONPath tests: JSON parsing with single quotes, nodelist and error assertions. */
final class JsonPathAssertions {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The bookstore document of RFC 9535, Figure 1. */
    static final JsonNode BOOKSTORE = json("""
            { "store": {
                "book": [
                  { "category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century",
                    "price": 8.95 },
                  { "category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour",
                    "price": 12.99 },
                  { "category": "fiction", "author": "Herman Melville", "title": "Moby Dick",
                    "isbn": "0-553-21311-3", "price": 8.99 },
                  { "category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings",
                    "isbn": "0-395-19395-8", "price": 22.99 }
                ],
                "bicycle": { "color": "red", "price": 399 }
              }
            }""");

    private JsonPathAssertions() {}

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that {@code query} on {@code document} selects exactly the elements of the array {@code expected}. */
    static void assertSelects(String query, JsonNode document, String expected) {
        ArrayNode actual = MAPPER.createArrayNode();
        JsonPathQuery.compile(query).select(document).forEach(actual::add);
        assertEquals(json(expected), actual, query);
    }

    static void assertSelects(String query, String document, String expected) {
        assertSelects(query, json(document), expected);
    }

    /** Asserts that {@code query} is rejected, with a message containing {@code fragment}, at {@code offset}. */
    static JsonPathSyntaxException assertInvalid(String query, int offset, String fragment) {
        JsonPathSyntaxException e =
                assertThrows(JsonPathSyntaxException.class, () -> JsonPathQuery.compile(query), () -> shorten(query));
        assertEquals(offset, e.offset(), () -> shorten(query) + " -> " + e.getMessage());
        assertTrue(e.getMessage().contains(fragment), () -> shorten(query) + " -> " + e.getMessage());
        assertMessageStyle(e.getMessage());
        return e;
    }

    /** Asserts that {@code query} is rejected, wherever and however. */
    static void assertInvalid(String query) {
        JsonPathSyntaxException e =
                assertThrows(JsonPathSyntaxException.class, () -> JsonPathQuery.compile(query), () -> shorten(query));
        assertTrue(e.offset() >= 0 && e.offset() <= query.length(), () -> shorten(query));
        assertMessageStyle(e.getMessage());
    }

    /** Keeps failure messages readable when a test query is very long. */
    static String shorten(String query) {
        return query.length() <= 100 ? query : query.substring(0, 100) + "...(" + query.length() + " chars)";
    }

    static void assertValid(String query) {
        assertEquals(query, JsonPathQuery.compile(query).text());
    }

    /** javac style: starts in lowercase (or a quote), no final period. */
    static void assertMessageStyle(String message) {
        assertTrue(!message.isEmpty() && !Character.isUpperCase(message.charAt(0)) && !message.endsWith("."), message);
    }
}
