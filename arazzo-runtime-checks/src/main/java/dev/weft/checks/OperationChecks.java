package dev.weft.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.weft.checks.OpenApiDescription.Located;
import dev.weft.runtime.InspectedResponse;
import dev.weft.runtime.ResponseFinding;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checks of one operation's responses: its declared responses read once, and each schema (of a body by
 * status and media type, of a header) compiled the first time a response needs it and kept, never per request.
 */
final class OperationChecks {

    /** How many schema errors one finding lists. */
    static final int MAX_ERRORS = 5;

    /** How much of one schema error's text is kept. */
    static final int MAX_ERROR_TEXT = 200;

    private final OpenApiDescription description;
    private final String label;
    /** The declared responses by key as written ({@code 200}, {@code 2XX}, {@code default}), resolved. */
    private final Map<String, Located> responses = new LinkedHashMap<>();
    /** Compiled schemas by pointer; empty when the schema cannot be compiled. */
    private final Map<String, Optional<Schema>> schemas = new ConcurrentHashMap<>();
    /** Why a schema could not be compiled, by pointer. */
    private final Map<String, String> broken = new ConcurrentHashMap<>();

    OperationChecks(OpenApiDescription description, Located operation, String label) {
        this.description = description;
        this.label = label;
        Located declared = description.resolve(operation.child("responses"));
        if (declared != null && declared.node().isObject()) {
            for (Iterator<String> keys = declared.node().fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                Located response = description.resolve(declared.child(key));
                if (response != null && response.node().isObject()) {
                    responses.put(key, response);
                }
            }
        }
    }

    /** Makes the checks that are not off; each finding at its check's severity. */
    List<ResponseFinding> check(InspectedResponse response, Severities severities) {
        List<ResponseFinding> found = new ArrayList<>(0);
        if (responses.isEmpty()) {
            return found;
        }
        int status = response.status();
        String key = declaredKey(status);
        if (key == null) {
            add(
                    found,
                    severities,
                    Check.STATUS_CODE_CHECK,
                    "status " + status + " is not declared by operation " + label + ", which answers "
                            + String.join(", ", responses.keySet()));
            // nothing else to compare the response with
            return found;
        }
        Located declared = responses.get(key);
        String where = "status " + status + (key.equals(Integer.toString(status)) ? "" : " ('" + key + "')")
                + " of operation " + label;
        Located media = contentType(response, declared, where, severities, found);
        if (severities.of(Check.SCHEMA_CHECK) != Severity.OFF && media != null) {
            schema(response, media, where, severities, found);
        }
        if (severities.of(Check.RESPONSE_HEADER_CHECK) != Severity.OFF) {
            headers(response, declared, where, severities, found);
        }
        return found;
    }

    /** The key of the declared response for a status: exact, else its range ({@code 2XX}), else default. */
    private String declaredKey(int status) {
        String exact = Integer.toString(status);
        String range = (status / 100) + "XX";
        String def = null;
        String ranged = null;
        for (String key : responses.keySet()) {
            if (key.equals(exact)) {
                return key;
            }
            if (key.equalsIgnoreCase(range)) {
                ranged = key;
            } else if (key.equalsIgnoreCase("default")) {
                def = key;
            }
        }
        return ranged != null ? ranged : def;
    }

    /**
     * Checks the content type against the declared media types; returns the media type object that describes
     * the body (for the schema check), or {@code null}.
     */
    private Located contentType(
            InspectedResponse response,
            Located declared,
            String where,
            Severities severities,
            List<ResponseFinding> found) {
        Located content = description.resolve(declared.child("content"));
        boolean declaresContent =
                content != null && content.node().isObject() && content.node().size() > 0;
        String actual = baseType(response.contentType());
        int bytes = response.body().length;
        if (!declaresContent) {
            if (bytes > 0) {
                add(
                        found,
                        severities,
                        Check.CONTENT_TYPE_CHECK,
                        where + " declares no content, but a body of " + bytes + " bytes came"
                                + (actual == null ? "" : " ('" + actual + "')"));
            }
            return null;
        }
        List<String> keys = new ArrayList<>();
        content.node().fieldNames().forEachRemaining(keys::add);
        if (actual == null) {
            if (bytes > 0) {
                add(
                        found,
                        severities,
                        Check.CONTENT_TYPE_CHECK,
                        where + " declares " + quoted(keys) + ", but the response has no Content-Type");
            }
            // a body without a type: described by the only media type, if there is one
            return keys.size() == 1 ? description.resolve(content.child(keys.get(0))) : null;
        }
        String best = null;
        int bestRank = 0;
        for (String key : keys) {
            int rank = rank(baseType(key), actual);
            if (rank > bestRank) {
                best = key;
                bestRank = rank;
            }
        }
        if (best == null) {
            add(
                    found,
                    severities,
                    Check.CONTENT_TYPE_CHECK,
                    "Content-Type '" + actual + "' is not declared for " + where + ", which declares " + quoted(keys));
            return null;
        }
        return description.resolve(content.child(best));
    }

    /** How well a declared media type matches the actual one: 3 exactly, 2 {@code type/*}, 1 {@code *}/*, 0 not. */
    private static int rank(String declared, String actual) {
        if (declared == null) {
            return 0;
        }
        if (declared.equals(actual)) {
            return 3;
        }
        if (declared.equals("*/*")) {
            return 1;
        }
        int slash = declared.indexOf('/');
        if (declared.endsWith("/*") && actual.startsWith(declared.substring(0, slash + 1))) {
            return 2;
        }
        return 0;
    }

    private void schema(
            InspectedResponse response,
            Located media,
            String where,
            Severities severities,
            List<ResponseFinding> found) {
        Located schemaAt = media.child("schema");
        if (schemaAt == null) {
            return;
        }
        String actual = baseType(response.contentType());
        String mediaName = unescape(media.pointer().substring(media.pointer().lastIndexOf('/') + 1));
        if (!isJson(actual) && !(actual == null && isJson(baseType(mediaName)))) {
            // only JSON bodies are validated; other media types are compared by the content type check alone
            return;
        }
        if (response.body().length == 0) {
            add(
                    found,
                    severities,
                    Check.SCHEMA_CHECK,
                    "the body is empty, but " + where + " declares a '" + mediaName + "' body");
            return;
        }
        JsonNode body = response.json();
        if (body == null) {
            add(found, severities, Check.SCHEMA_CHECK, "the body of " + where + " is not valid JSON");
            return;
        }
        Optional<Schema> schema = compiled(schemaAt.pointer());
        if (schema.isEmpty()) {
            add(
                    found,
                    Check.SCHEMA_CHECK,
                    severities,
                    Severity.WARN,
                    "cannot check the body of " + where + ": " + broken.get(schemaAt.pointer()));
            return;
        }
        List<Error> errors = schema.get().validate(body);
        if (!errors.isEmpty()) {
            add(
                    found,
                    severities,
                    Check.SCHEMA_CHECK,
                    "the body does not fit the '" + mediaName + "' schema of " + where + ": " + describe(errors));
        }
    }

    private void headers(
            InspectedResponse response,
            Located declared,
            String where,
            Severities severities,
            List<ResponseFinding> found) {
        Located headers = description.resolve(declared.child("headers"));
        if (headers == null || !headers.node().isObject()) {
            return;
        }
        for (Iterator<String> names = headers.node().fieldNames(); names.hasNext(); ) {
            String name = names.next();
            // OpenAPI: a response header named Content-Type is ignored
            if (name.equalsIgnoreCase("Content-Type")) {
                continue;
            }
            Located header = description.resolve(headers.child(name));
            if (header == null || !header.node().isObject()) {
                continue;
            }
            Optional<String> value = response.header(name);
            if (value.isEmpty()) {
                if (header.node().path("required").asBoolean(false)) {
                    add(
                            found,
                            severities,
                            Check.RESPONSE_HEADER_CHECK,
                            "required header '" + name + "' of " + where + " is missing");
                }
                continue;
            }
            Located schemaAt = header.child("schema");
            if (schemaAt == null) {
                continue;
            }
            Optional<Schema> schema = compiled(schemaAt.pointer());
            if (schema.isEmpty()) {
                continue;
            }
            Located resolved = description.resolve(schemaAt);
            JsonNode typed = typed(value.get(), resolved == null ? null : resolved.node());
            List<Error> errors = schema.get().validate(typed);
            if (!errors.isEmpty()) {
                add(
                        found,
                        severities,
                        Check.RESPONSE_HEADER_CHECK,
                        "header '" + name + "' of " + where + " does not fit its schema: " + describe(errors));
            }
        }
    }

    /** A header's text as the JSON value its schema's type reads it as (simple style). */
    static JsonNode typed(String text, JsonNode schema) {
        String type = schema == null ? "" : typeOf(schema);
        String t = text.trim();
        switch (type) {
            case "integer", "number" -> {
                try {
                    return JsonNodeFactory.instance.numberNode(new java.math.BigInteger(t));
                } catch (NumberFormatException e) {
                    // not whole: a number, which an integer schema refuses
                }
                try {
                    return JsonNodeFactory.instance.numberNode(new BigDecimal(t));
                } catch (NumberFormatException e) {
                    return TextNode.valueOf(text);
                }
            }
            case "boolean" -> {
                return t.equals("true")
                        ? BooleanNode.TRUE
                        : t.equals("false") ? BooleanNode.FALSE : TextNode.valueOf(text);
            }
            case "array" -> {
                ArrayNode items = JsonNodeFactory.instance.arrayNode();
                JsonNode itemSchema = schema.get("items");
                for (String item : t.split(",", -1)) {
                    items.add(typed(item, itemSchema));
                }
                return items;
            }
            default -> {
                return TextNode.valueOf(text);
            }
        }
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return "";
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        return "";
    }

    private Optional<Schema> compiled(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> {
            try {
                return Optional.of(description.schema(p));
            } catch (RuntimeException e) {
                broken.put(
                        p,
                        "its schema at '" + p + "' cannot be compiled ("
                                + e.getClass().getSimpleName() + ")");
                return Optional.empty();
            }
        });
    }

    /** The first errors, each cut: their texts may quote the body, and the runtime masks secrets in them. */
    private static String describe(List<Error> errors) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < errors.size() && i < MAX_ERRORS; i++) {
            String message = errors.get(i).toString();
            // an error at the root has an empty location
            message = message.startsWith(": ") ? "(root)" + message : message;
            if (message.length() > MAX_ERROR_TEXT) {
                message = message.substring(0, MAX_ERROR_TEXT) + "...";
            }
            text.append(i == 0 ? "" : "; ").append(message);
        }
        if (errors.size() > MAX_ERRORS) {
            text.append("; and ").append(errors.size() - MAX_ERRORS).append(" more");
        }
        return text.toString();
    }

    private static void add(List<ResponseFinding> found, Severities severities, Check check, String message) {
        add(found, check, severities, severities.of(check), message);
    }

    private static void add(
            List<ResponseFinding> found, Check check, Severities severities, Severity severity, String message) {
        Severity set = severities.of(check);
        if (set == Severity.OFF) {
            return;
        }
        Severity effective = set == Severity.WARN ? Severity.WARN : severity;
        found.add(new ResponseFinding(
                check.name(),
                effective == Severity.ERROR ? ResponseFinding.Severity.ERROR : ResponseFinding.Severity.WARN,
                message));
    }

    /** A media type without parameters, lower-case; {@code null} when absent or blank. */
    static String baseType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    static boolean isJson(String mediaType) {
        return mediaType != null && (mediaType.equals("application/json") || mediaType.endsWith("+json"));
    }

    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }

    private static String quoted(List<String> names) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            text.append(i == 0 ? "" : ", ").append('\'').append(names.get(i)).append('\'');
        }
        return text.toString();
    }
}
