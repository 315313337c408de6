package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/**
 * Arazzo 1.1 Selector Objects: a JSONPath, JSON Pointer or XPath selector applied to the value of the Selector's
 * {@code context} expression, and JSONPath payload replacement targets ({@code targetSelectorType: jsonpath}).
 *
 * <p>What a selection is (SEL-1): a JSON Pointer selects one value or none; a singular JSONPath query
 * ({@code $.a.b[0]}) likewise its one node or none; any other JSONPath query its whole nodelist, as an array (empty
 * when it selects nothing); an XPath the JSON of its result sequence (see {@link XPathQuery#select}). None is an
 * absent value ({@code null}), as an absent member of a response body is.
 */
public final class Selectors {
    private Selectors() {}

    /**
     * Applies a JSONPath selector.
     *
     * @param context the context's value, or {@code null} when absent
     * @param query the selector
     * @return the one node of a singular query (null when none), else the nodelist as an array
     */
    public static JsonNode jsonPath(JsonNode context, JsonPathQuery query) {
        if (context == null || context.isMissingNode()) {
            return null;
        }
        List<JsonNode> nodes = query.select(context);
        if (query.isSingular()) {
            return nodes.isEmpty() ? null : nodes.get(0);
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode(nodes.size());
        nodes.forEach(array::add);
        return array;
    }

    /**
     * Applies a JSON Pointer selector.
     *
     * @param context the context's value, or {@code null} when absent
     * @param pointer the RFC 6901 pointer
     * @return the value it points to, or null when there is none
     */
    public static JsonNode jsonPointer(JsonNode context, String pointer) {
        return context == null ? null : Values.at(context, pointer);
    }

    /**
     * Applies an XPath selector.
     *
     * @param context the context's value: XML text (or bytes), or {@code null} when absent
     * @param query the selector
     * @return the selection, or null when it is empty or the context is not XML
     */
    public static JsonNode xpath(JsonNode context, XPathQuery query) {
        return query.select(context);
    }

    /**
     * Applies a payload replacement whose target is a JSONPath query: every node the query selects gets the value.
     *
     * @param root the payload
     * @param target the query
     * @param value the new value, {@code null} when absent (nothing is replaced)
     * @param where names the replacement in errors
     * @return the payload
     * @throws AbsentValueException when the query selects no node of the payload
     */
    public static JsonNode replaceAll(JsonNode root, JsonPathQuery target, JsonNode value, String where) {
        if (value == null) {
            return root;
        }
        if (target.select(root).isEmpty()) {
            throw new AbsentValueException(
                    where + " (JSONPath '" + target.text() + "' selects no node of the payload)");
        }
        return target.replaceAll(root, value);
    }
}
