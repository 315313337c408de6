package dev.weft.compiler.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.http.Redactor;
import java.net.URI;
import java.util.Collection;
import java.util.Map;

/**
 * Masks a run's secrets (its secret inputs, and the values the runtime registered as secrets) in text and in
 * JSON, with the runtime's {@link Redactor}, so that they are found in every encoding a server may echo them in.
 */
final class Redaction {
    private final Redactor.Masks masks;

    Redaction(Collection<String> secrets) {
        this.masks = Redactor.Masks.of(secrets);
    }

    /** The text with every secret masked; null for null. */
    String text(String text) {
        return masks.mask(text);
    }

    /** The URL with secret query values, user information and every secret masked. */
    String uri(URI uri) {
        return Redactor.redactUri(uri, masks);
    }

    /** A copy of the JSON with every secret masked in its strings and member names; null for null. */
    JsonNode json(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return JsonNodeFactory.instance.textNode(masks.mask(node.textValue()));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(masks.mask(field.getKey()), json(field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(json(item)));
            return copy;
        }
        return node;
    }
}
