package dev.weft.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.runtime.InspectedResponse;
import dev.weft.runtime.ResponseFinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each check on good and bad responses, against the OpenAPI 3.0 and the 3.1 fixture alike. */
class ResponseChecksTest {

    static final String CAT = "{\"petType\":\"cat\",\"name\":\"Tom\",\"lives\":9,\"status\":\"available\"}";
    static final String DOG = "{\"petType\":\"dog\",\"name\":\"Rex\",\"barks\":true}";

    static Path fixture(String name) {
        return Path.of("src/test/resources/checks", name);
    }

    static ResponseChecks checks(String file, String settings) throws IOException {
        return ResponseChecks.builder()
                .description("petsApi", fixture(file))
                .settings(settings)
                .build();
    }

    static InspectedResponse response(
            String operationId,
            String method,
            String path,
            int status,
            String contentType,
            String body,
            String... headers) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        if (contentType != null) {
            h.put("Content-Type", List.of(contentType));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.put(headers[i], List.of(headers[i + 1]));
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return new InspectedResponse("wf", "step", "petsApi", operationId, method, path, status, h, bytes, () -> {
            try {
                return bytes.length == 0 ? null : new ObjectMapper().readTree(bytes);
            } catch (IOException e) {
                return null;
            }
        });
    }

    static InspectedResponse pet(int status, String contentType, String body, String... headers) {
        return response("getPet", "GET", "/pets/{petId}", status, contentType, body, headers);
    }

    static String summary(List<ResponseFinding> found) {
        return found.stream()
                .map(f -> f.check() + "/" + f.severity() + ": " + f.message())
                .collect(Collectors.joining("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pets.openapi30.yaml", "pets.openapi31.yaml"})
    void aResponseAsDescribedPassesEveryCheck(String file) throws IOException {
        ResponseChecks checks = checks(file, "");
        assertEquals(
                List.of(), checks.inspect(pet(200, "application/json; charset=utf-8", CAT, "X-Request-Id", "r-1")));
        assertEquals(
                List.of(),
                checks.inspect(pet(200, "application/json", DOG, "X-Request-Id", "r-2", "X-Rate-Remaining", "12")));
        assertEquals(List.of(), checks.inspect(pet(404, "application/problem+json", "{\"title\":\"no\",\"x\":1}")));
        assertEquals(List.of(), checks.inspect(response("deletePet", "DELETE", "/pets/{petId}", 204, null, null)));
        assertEquals(
                List.of(),
                checks.inspect(
                        response("listPets", "GET", "/pets", 206, "application/json", "[" + CAT + "," + DOG + "]")));
        assertEquals(
                List.of(), checks.inspect(response("listPets", "GET", "/pets", 503, "application/problem+json", "{}")));
        assertEquals(
                List.of(), checks.inspect(response(null, "GET", "/pets/{petId}/photo", 200, "image/webp", "RIFF")));
        // a Cat's nickname may be null: nullable in 3.0, type [string, 'null'] in 3.1
        assertEquals(
                List.of(),
                checks.inspect(pet(
                        200,
                        "application/json",
                        "{\"petType\":\"cat\",\"name\":\"Tom\",\"lives\":1,\"nickname\":null}",
                        "X-Request-Id",
                        "r")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pets.openapi30.yaml", "pets.openapi31.yaml"})
    void anUndeclaredStatusBreaksTheStatusCodeCheck(String file) throws IOException {
        List<ResponseFinding> found = checks(file, "").inspect(pet(418, "application/json", "{}"));
        assertEquals(1, found.size(), summary(found));
        assertEquals("STATUS_CODE_CHECK", found.get(0).check());
        assertEquals(ResponseFinding.Severity.ERROR, found.get(0).severity());
        assertEquals(
                "status 418 is not declared by operation 'getPet', which answers 200, 404",
                found.get(0).message());
        // 2XX and default admit what they cover
        assertEquals(
                List.of(),
                checks(file, "").inspect(response("listPets", "GET", "/pets", 418, "application/problem+json", "{}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pets.openapi30.yaml", "pets.openapi31.yaml"})
    void aWrongContentTypeBreaksTheContentTypeCheck(String file) throws IOException {
        List<ResponseFinding> found =
                checks(file, "").inspect(pet(200, "text/html; charset=utf-8", "<html/>", "X-Request-Id", "r"));
        assertEquals(
                "CONTENT_TYPE_CHECK/ERROR: Content-Type 'text/html' is not declared for status 200 of operation"
                        + " 'getPet', which declares 'application/json'",
                summary(found));
        List<ResponseFinding> photo =
                checks(file, "").inspect(response("getPetPhoto", "GET", "/pets/{petId}/photo", 200, "text/plain", "x"));
        assertEquals("CONTENT_TYPE_CHECK", photo.get(0).check(), summary(photo));
        List<ResponseFinding> deleted = checks(file, "")
                .inspect(response("deletePet", "DELETE", "/pets/{petId}", 204, "application/json", "{}"));
        assertEquals(
                "CONTENT_TYPE_CHECK/ERROR: status 204 of operation 'deletePet' declares no content, but a body"
                        + " of 2 bytes came ('application/json')",
                summary(deleted));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pets.openapi30.yaml", "pets.openapi31.yaml"})
    void aBodyThatBreaksTheSchemaBreaksTheSchemaCheck(String file) throws IOException {
        ResponseChecks checks = checks(file, "");
        // lives is a string; the discriminator picks Cat
        List<ResponseFinding> found = checks.inspect(pet(
                200,
                "application/json",
                "{\"petType\":\"cat\",\"name\":\"Tom\",\"lives\":\"nine\"}",
                "X-Request-Id",
                "r"));
        assertEquals(1, found.size(), summary(found));
        assertEquals("SCHEMA_CHECK", found.get(0).check());
        assertTrue(found.get(0).message().contains("lives"), summary(found));
        // a dog without barks
        List<ResponseFinding> dog = checks.inspect(
                pet(200, "application/json", "{\"petType\":\"dog\",\"name\":\"Rex\"}", "X-Request-Id", "r"));
        assertEquals("SCHEMA_CHECK", dog.get(0).check(), summary(dog));
        assertTrue(dog.get(0).message().contains("barks"), summary(dog));
        // an enum value the schema does not list
        List<ResponseFinding> status = checks.inspect(pet(
                200,
                "application/json",
                "{\"petType\":\"cat\",\"name\":\"Tom\",\"lives\":3,\"status\":\"scheduled\"}",
                "X-Request-Id",
                "r"));
        assertEquals("SCHEMA_CHECK", status.get(0).check(), summary(status));
        assertTrue(
                status.get(0).message().contains("/status: does not have a value in the enumeration"), summary(status));
        // the discriminator picks the branch: no complaint about what a Dog would need
        assertTrue(!found.get(0).message().contains("barks"), summary(found));
        // not JSON at all, and an empty body where one is declared
        assertTrue(summary(checks.inspect(pet(200, "application/json", "{nope", "X-Request-Id", "r")))
                .contains("is not valid JSON"));
        assertTrue(summary(checks.inspect(pet(200, "application/json", "", "X-Request-Id", "r")))
                .contains("the body is empty"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pets.openapi30.yaml", "pets.openapi31.yaml"})
    void aMissingOrBadHeaderBreaksTheResponseHeaderCheck(String file) throws IOException {
        ResponseChecks checks = checks(file, "");
        assertEquals(
                "RESPONSE_HEADER_CHECK/ERROR: required header 'X-Request-Id' of status 200 of operation 'getPet'"
                        + " is missing",
                summary(checks.inspect(pet(200, "application/json", CAT))));
        List<ResponseFinding> negative =
                checks.inspect(pet(200, "application/json", CAT, "X-Request-Id", "r", "X-Rate-Remaining", "-5"));
        assertEquals(1, negative.size(), summary(negative));
        assertTrue(
                negative.get(0)
                        .message()
                        .startsWith("header 'X-Rate-Remaining' of status 200 of operation"
                                + " 'getPet' does not fit its schema: "),
                summary(negative));
        List<ResponseFinding> pattern = checks.inspect(pet(200, "application/json", CAT, "X-Request-Id", "NOT OK"));
        assertEquals("RESPONSE_HEADER_CHECK", pattern.get(0).check(), summary(pattern));
    }

    @Test
    void severitiesWarnAndOffAsSet() throws IOException {
        String file = "pets.openapi31.yaml";
        InspectedResponse teapot = pet(418, "application/json", "{}");
        assertEquals(
                ResponseFinding.Severity.WARN,
                checks(file, "STATUS_CODE_CHECK=warn").inspect(teapot).get(0).severity());
        assertEquals(List.of(), checks(file, "STATUS_CODE_CHECK=off").inspect(teapot));
        assertEquals(List.of(), checks(file, "off").inspect(teapot));
        assertEquals(
                ResponseFinding.Severity.WARN,
                checks(file, "{\"STATUS_CODE_CHECK\":\"warn\",\"SUCCESS_CRITERIA_CHECK\":\"off\"}")
                        .inspect(teapot)
                        .get(0)
                        .severity());
        // with the content type check off the body is not compared either when no media type fits
        InspectedResponse html = pet(200, "text/html", "<p>", "X-Request-Id", "r");
        assertEquals(List.of(), checks(file, "CONTENT_TYPE_CHECK=off").inspect(html));
        InspectedResponse bad = pet(200, "application/json", "{\"petType\":\"cat\"}");
        assertEquals(
                "SCHEMA_CHECK/WARN,RESPONSE_HEADER_CHECK/ERROR",
                checks(file, "SCHEMA_CHECK=warn").inspect(bad).stream()
                        .map(f -> f.check() + "/" + f.severity())
                        .collect(Collectors.joining(",")));
        assertEquals(
                "RESPONSE_HEADER_CHECK/ERROR",
                checks(file, "SCHEMA_CHECK=off").inspect(bad).stream()
                        .map(f -> f.check() + "/" + f.severity())
                        .collect(Collectors.joining(",")));
    }

    @Test
    void settingsAreReadAsRespectWritesThem() {
        assertEquals(
                "STATUS_CODE_CHECK=error,CONTENT_TYPE_CHECK=error,SCHEMA_CHECK=warn,RESPONSE_HEADER_CHECK=off",
                Severities.parse("SCHEMA_CHECK=warn, RESPONSE_HEADER_CHECK=off").toString());
        assertEquals(Severities.parse("SCHEMA_CHECK=warn"), Severities.parse("{\"SCHEMA_CHECK\": \"warn\"}"));
        assertEquals(Severity.WARN, Severities.parse("warn").of(Check.CONTENT_TYPE_CHECK));
        assertEquals(Severities.defaults(), Severities.parse(""));
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> Severities.parse("SCHEMA_CHEK=warn"));
        assertTrue(unknown.getMessage().startsWith("unknown check 'SCHEMA_CHEK'"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Severities.parse("SCHEMA_CHECK=loud"));
    }

    @Test
    void anOperationOrSourceNotDescribedIsNotChecked() throws IOException {
        ResponseChecks checks = checks("pets.openapi31.yaml", "");
        assertEquals(List.of(), checks.inspect(response("nope", "GET", "/nowhere", 500, "text/plain", "x")));
        InspectedResponse other = new InspectedResponse(
                "wf", "s", "otherApi", "getPet", "GET", "/pets/{petId}", 418, Map.of(), new byte[0], () -> null);
        assertEquals(List.of(), checks.inspect(other));
    }

    @Test
    void anOpenApi32DescriptionIsReadInThe31Dialect(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path v32 = dir.resolve("pets.openapi32.yaml");
        java.nio.file.Files.writeString(
                v32,
                java.nio.file.Files.readString(fixture("pets.openapi31.yaml"))
                        .replace("openapi: 3.1.0", "openapi: 3.2.0"));
        ResponseChecks checks = ResponseChecks.fromDescription("petsApi", v32);
        assertEquals(List.of(), checks.inspect(pet(200, "application/json", CAT, "X-Request-Id", "r")));
        List<ResponseFinding> found = checks.inspect(pet(
                200,
                "application/json",
                "{\"petType\":\"cat\",\"name\":\"Tom\",\"lives\":3,\"nickname\":7}",
                "X-Request-Id",
                "r"));
        assertEquals("SCHEMA_CHECK", found.get(0).check(), summary(found));
        assertTrue(found.get(0).message().contains("/nickname"), summary(found));
    }

    @Test
    void aDescriptionThatIsNotOpenApi3IsRefused(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path swagger = dir.resolve("swagger.json");
        java.nio.file.Files.writeString(swagger, "{\"swagger\":\"2.0\",\"paths\":{}}");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ResponseChecks.fromDescription("a", swagger));
        assertTrue(e.getMessage().contains("is not an OpenAPI 3 description"), e.getMessage());
    }
}
