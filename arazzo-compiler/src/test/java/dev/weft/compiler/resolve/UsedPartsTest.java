package dev.weft.compiler.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@link UsedParts} copies out of a description: what steps use, the others' operationIds, and no more. */
class UsedPartsTest {
    private static final String DESCRIPTION = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "x-big": {"$ref": "#/components/schemas/C"},
             "paths": {
               "/a": {"parameters": [{"$ref": "#/components/parameters/P"}],
                      "get": {"operationId": "getA", "responses": {"200": {"description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}}}},
                      "post": {"operationId": "postA", "responses": {"200": {"description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/B"}}}}}}},
               "/b": {"parameters": [{"$ref": "#/components/parameters/Q"}],
                      "get": {"operationId": "getB", "responses": {"200": {"description": "ok"}}}}},
             "components": {
               "schemas": {"A": {"properties": {"b": {"$ref": "#/components/schemas/A2"}}}, "A2": {"type": "string"},
                           "B": {"type": "object"}, "C": {"type": "object"}},
               "parameters": {"P": {"name": "p", "in": "query"}, "Q": {"name": "q", "in": "query"}},
               "securitySchemes": {"key": {"type": "apiKey", "name": "k", "in": "header"}}}}
            """;

    private static ObjectNode tree(String json) throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(json);
    }

    @Test
    void copiesTheUsedOperationsAndTheComponentsTheyReach() throws Exception {
        ObjectNode tree = tree(DESCRIPTION);
        String before = tree.toString();

        ObjectNode used = UsedParts.copy(tree, false, new UsedParts.Uses(Set.of("getA"), Set.of()));

        assertEquals(before, tree.toString(), "the tree read is not changed");
        assertEquals(
                Set.of("A", "A2"), Set.copyOf(iterable(used.path("components").path("schemas"))));
        assertEquals(Set.of("P"), Set.copyOf(iterable(used.path("components").path("parameters"))));
        assertTrue(used.path("components").path("securitySchemes").has("key"));
        assertEquals(tree.at("/paths/~1a/get"), used.at("/paths/~1a/get"));
        assertEquals("postA", used.at("/paths/~1a/post/operationId").asText(), "other operations keep their id");
        assertFalse(used.at("/paths/~1a/post").has("requestBody"));
        assertEquals("getB", used.at("/paths/~1b/get/operationId").asText());
        assertFalse(used.at("/paths/~1b").has("parameters"), "an unused path item's parameters go");
        assertFalse(used.has("x-big"));
    }

    @Test
    void aPathNamedByAnOperationPathIsKeptWhole() throws Exception {
        ObjectNode tree = tree(DESCRIPTION);

        ObjectNode used = UsedParts.copy(tree, false, new UsedParts.Uses(Set.of(), Set.of("/a")));

        assertEquals(tree.at("/paths/~1a"), used.at("/paths/~1a"));
        assertEquals(
                Set.of("A", "A2", "B"),
                Set.copyOf(iterable(used.path("components").path("schemas"))));
    }

    @Test
    void aReferenceIntoThePathsOrAnAnchorUsesTheWholeTree() throws Exception {
        String intoPaths = DESCRIPTION.replace(
                "\"A2\": {\"type\": \"string\"}", "\"A2\": {\"$ref\": \"#/paths/~1b/get/responses/200\"}");
        String anchor = DESCRIPTION.replace("\"A2\": {\"type\": \"string\"}", "\"A2\": {\"$anchor\": \"x\"}");
        UsedParts.Uses uses = new UsedParts.Uses(Set.of("getA"), Set.of());

        assertNull(UsedParts.copy(tree(intoPaths), false, uses));
        assertNull(UsedParts.copy(tree(anchor), false, uses));
    }

    @Test
    void aReferenceToAnotherFileKeepsEveryComponent() throws Exception {
        String external = DESCRIPTION.replace(
                "\"A2\": {\"type\": \"string\"}", "\"A2\": {\"$ref\": \"other.yaml#/components/schemas/X\"}");

        ObjectNode used = UsedParts.copy(tree(external), false, new UsedParts.Uses(Set.of("getA"), Set.of()));

        assertEquals(
                Set.of("A", "A2", "B", "C"),
                Set.copyOf(iterable(used.path("components").path("schemas"))));
    }

    private static java.util.List<String> iterable(com.fasterxml.jackson.databind.JsonNode object) {
        java.util.List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
