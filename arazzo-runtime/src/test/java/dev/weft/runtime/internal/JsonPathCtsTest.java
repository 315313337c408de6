package dev.weft.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The RFC 9535 compliance test suite ({@code ../shared/jsonpath-cts/cts.json}), every case, with {@code match}
 * and {@code search} on the linear-time regex engine; skipped, saying why, when the suite is not there.
 */
@Timeout(30)
class JsonPathCtsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Path suite() {
        for (String candidate : List.of("../shared/jsonpath-cts/cts.json", "../../shared/jsonpath-cts/cts.json")) {
            Path path = Path.of(candidate);
            if (Files.isRegularFile(path)) {
                return path;
            }
        }
        return null;
    }

    @Test
    void everyCasePasses() throws IOException {
        Path suite = suite();
        if (suite == null) {
            System.out.println("JsonPathCtsTest skipped: ../shared/jsonpath-cts/cts.json is not there");
        }
        Assumptions.assumeTrue(suite != null, "the JSONPath compliance suite ../shared/jsonpath-cts is absent");
        JsonNode tests = MAPPER.readTree(suite.toFile()).get("tests");
        List<String> failures = new ArrayList<>();
        int regexCases = 0;
        for (JsonNode test : tests) {
            String name = test.get("name").asText();
            String selector = test.get("selector").asText();
            regexCases += selector.contains("match(") || selector.contains("search(") ? 1 : 0;
            String failure = run(test, selector);
            if (failure != null) {
                failures.add(name + " [" + selector + "]: " + failure);
            }
        }
        assertTrue(tests.size() > 600 && regexCases > 40, "the suite has its cases: " + tests.size());
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    private static String run(JsonNode test, String selector) {
        JsonPathQuery query;
        try {
            query = JsonPathQuery.compile(selector);
        } catch (JsonPathSyntaxException e) {
            return test.path("invalid_selector").asBoolean() ? null : "rejected: " + e.getMessage();
        }
        if (test.path("invalid_selector").asBoolean()) {
            return "accepted an invalid selector";
        }
        JsonNode actual = MAPPER.valueToTree(query.select(test.get("document")));
        if (test.has("result")) {
            return actual.equals(test.get("result")) ? null : "selected " + actual + ", expected " + test.get("result");
        }
        for (JsonNode result : test.get("results")) {
            if (actual.equals(result)) {
                return null;
            }
        }
        return "selected " + actual + ", expected one of " + test.get("results");
    }
}
