package dev.weft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkflowMetadataTest {

    @Test
    void holdsWhatAGeneratedClassSays() {
        WorkflowMetadata metadata = WorkflowMetadata.builder("poll")
                .summary("Submit and poll.")
                .description("Longer.")
                .inputsSchema("{\"type\":\"object\",\"properties\":{\"apiKey\":{\"type\":\"string\"}}}")
                .outputsSchema("{\"type\":\"object\",\"properties\":{\"cost\":{\"type\":[\"integer\",\"null\"]}}}")
                .secretInputs("apiKey")
                .httpMethods("POST", "GET", "GET", "PURGE")
                .build();

        assertEquals("poll", metadata.workflowId());
        assertEquals(Optional.of("Submit and poll."), metadata.summary());
        assertEquals(Optional.of("Longer."), metadata.description());
        assertEquals(
                "string", metadata.inputsSchema().at("/properties/apiKey/type").asText());
        assertEquals(
                "integer",
                metadata.outputsSchema().at("/properties/cost/type/0").asText());
        assertEquals(List.of("apiKey"), metadata.secretInputs());
        assertEquals(List.of("GET", "POST", "PURGE"), List.copyOf(metadata.httpMethods()), "sorted, once each");
    }

    @Test
    void schemasAreCopiesSoCallersCannotChangeTheMetadata() {
        WorkflowMetadata metadata = WorkflowMetadata.builder("w").build();
        ObjectNode schema = metadata.inputsSchema();
        schema.put("type", "string");
        assertNotSame(schema, metadata.inputsSchema());
        assertEquals("object", metadata.inputsSchema().get("type").asText());
    }

    @Test
    void withoutMoreItKnowsOnlyTheId() {
        WorkflowMetadata metadata = WorkflowMetadata.builder("w").build();
        assertEquals(Optional.empty(), metadata.summary());
        assertEquals("{\"type\":\"object\"}", metadata.outputsSchema().toString());
        assertEquals(List.of(), metadata.secretInputs());
        assertEquals(Set.of(), metadata.httpMethods(), "unknown, not 'none'");
        assertTrue(metadata.toString().contains("w"));
    }

    @Test
    void aSchemaThatIsNoObjectIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> WorkflowMetadata.builder("w").inputsSchema("[1]").build());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> WorkflowMetadata.builder("w").outputsSchema("{").build());
        assertTrue(e.getMessage().startsWith("the outputs schema is not JSON"), e.getMessage());
    }
}
