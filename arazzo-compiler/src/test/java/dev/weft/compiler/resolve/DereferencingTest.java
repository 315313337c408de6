package dev.weft.compiler.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Swagger Parser's 3.1 dereferencer is skipped only where it would not change the model: every {@code $ref} to
 * a component the file has, no {@code $id} or anchor.
 */
class DereferencingTest {
    /** Component references of every kind: chains, cycles, allOf/oneOf with a discriminator, shared parts. */
    private static final String DEEP = """
            openapi: 3.1.0
            info: {title: deep, version: '1'}
            paths:
              /a/{id}:
                parameters: [{$ref: '#/components/parameters/Id'}]
                get:
                  operationId: getA
                  parameters: [{$ref: '#/components/parameters/Limit'}]
                  responses:
                    '200': {$ref: '#/components/responses/A'}
                    '404': {$ref: '#/components/responses/Missing'}
                put:
                  operationId: putA
                  requestBody: {$ref: '#/components/requestBodies/A'}
                  responses:
                    '200':
                      description: ok
                      headers: {ETag: {$ref: '#/components/headers/ETag'}}
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/A', description: a sibling of the reference}
            components:
              parameters:
                Id: {name: id, in: path, required: true, schema: {type: string}}
                Limit: {name: limit, in: query, schema: {$ref: '#/components/schemas/Count'}}
              headers:
                ETag: {schema: {type: string}}
              requestBodies:
                A: {content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}
              responses:
                A: {description: an a, content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}
                Missing: {description: none, content: {application/json: {schema: {$ref: '#/components/schemas/E'}}}}
              schemas:
                Count: {type: integer, minimum: 0}
                A:
                  allOf:
                  - {$ref: '#/components/schemas/Base'}
                  - type: object
                    properties:
                      next: {$ref: '#/components/schemas/B'}
                      items: {type: array, items: {$ref: '#/components/schemas/C'}}
                      variant:
                        oneOf: [{$ref: '#/components/schemas/B'}, {$ref: '#/components/schemas/C'}]
                        discriminator: {propertyName: kind, mapping: {b: '#/components/schemas/B'}}
                B: {type: object, properties: {kind: {type: string}, back: {$ref: '#/components/schemas/A'}}}
                C:
                  type: [object, 'null']
                  properties: {kind: {type: string}, extra: {additionalProperties: {$ref: '#/components/schemas/B'}}}
                Base:
                  type: object
                  required: [kind]
                  properties: {kind: {type: string}, n: {$ref: '#/components/schemas/Count'}}
                E: {type: object, properties: {code: {type: integer}, cause: {$ref: '#/components/schemas/E'}}}
            """;

    private static ObjectNode tree(String yaml) throws Exception {
        return (ObjectNode) Yaml.mapper().readTree(yaml);
    }

    private static String model(ObjectNode tree, boolean dereference) throws Exception {
        SwaggerParseResult result = DescriptionParser.openApi3(tree.deepCopy(), dereference);
        assertNotNull(result.getOpenAPI(), () -> String.valueOf(result.getMessages()));
        return Json31.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result.getOpenAPI());
    }

    @Test
    void componentReferencesNeedNoDereferencingAndTheModelIsTheSame() throws Exception {
        ObjectNode tree = tree(DEEP);

        assertFalse(DescriptionParser.needsDereferencing(tree));
        assertEquals(model(tree, true), model(tree, false));
    }

    @Test
    void theCivitaiDescriptionsModelIsTheSameWithoutTheDereferencer() throws Exception {
        Path file = Path.of("src/test/resources/fixtures/openapi/orchestration.openapi.yml");
        ObjectNode tree = tree(Files.readString(file));

        assertFalse(DescriptionParser.needsDereferencing(tree));
        assertEquals(model(tree, true), model(tree, false));
    }

    @Test
    void anyOtherReferenceOrAnAnchorTakesTheDereferencer() throws Exception {
        String[] others = {
            "'#/paths/~1a~1{id}/get/responses/200/content/application~1json/schema'",
            "'#/components/schemas/Nowhere'",
            "'#/components/schemas/A/properties/next'",
            "'other.yaml#/components/schemas/A'",
            "'https://example.com/a.yaml'",
            "'#Anchor'",
        };
        for (String other : others) {
            String yaml = DEEP.replace("n: {$ref: '#/components/schemas/Count'}}", "n: {$ref: " + other + "}}");
            assertTrue(yaml.contains(other), other);
            assertTrue(DescriptionParser.needsDereferencing(tree(yaml)), other);
        }
        for (String anchor : new String[] {"$id: 'https://example.com/e'", "$anchor: E", "$dynamicAnchor: E"}) {
            String yaml = DEEP.replace("E: {type: object,", "E: {" + anchor + ", type: object,");
            assertTrue(DescriptionParser.needsDereferencing(tree(yaml)), anchor);
        }
    }
}
