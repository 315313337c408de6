package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A compiled RFC 9535 JSONPath query, as used by Arazzo {@code jsonpath} criteria: the criterion passes when the
 * query, evaluated on the context value, selects at least one node.
 *
 * <p>Instances are immutable and thread-safe. Note that a filter at the root, {@code $[?@.status == 'done']},
 * tests the root's <em>children</em>: on the object {@code {"status":"done"}} it selects nothing, while on the
 * array {@code [{"status":"done"}]} it selects the element.
 */
public final class JsonPathQuery {

    private final String text;
    private final JsonPathAst.Query query;

    private JsonPathQuery(String text, JsonPathAst.Query query) {
        this.text = text;
        this.query = query;
    }

    /**
     * Parses and type-checks a query.
     *
     * @param query the query text, e.g. {@code $.items[?@.price < 10]}
     * @return the compiled query
     * @throws JsonPathSyntaxException if the text is not a well-formed, well-typed RFC 9535 query
     */
    public static JsonPathQuery compile(String query) {
        Objects.requireNonNull(query, "query");
        return new JsonPathQuery(query, JsonPathParser.parse(query));
    }

    /**
     * Evaluates the query.
     *
     * @param root the value queried ({@code $}), or {@code null} when absent
     * @return the selected nodes in RFC 9535 order, unmodifiable; empty when {@code root} is absent
     */
    public List<JsonNode> select(JsonNode root) {
        if (root == null || root.isMissingNode()) {
            return List.of();
        }
        return Collections.unmodifiableList(JsonPathEvaluator.evaluate(query, root));
    }

    /**
     * Sets every node the query selects to a value (a payload replacement whose {@code targetSelectorType} is
     * {@code jsonpath}); selecting the root replaces the whole value.
     *
     * @param root the value queried; modified in place
     * @param value the new value, each selected node getting its own copy
     * @return the value with the replacements made: {@code root}, or a copy of {@code value} when the query selects
     *     the root
     */
    public JsonNode replaceAll(JsonNode root, JsonNode value) {
        if (root == null || root.isMissingNode()) {
            return root;
        }
        JsonNode result = root;
        for (JsonPathEvaluator.Slot slot : JsonPathEvaluator.locate(query, root)) {
            if (slot.parent() == null) {
                result = value.deepCopy();
            } else if (slot.parent() instanceof ObjectNode object) {
                object.set(slot.name(), value.deepCopy());
            } else if (slot.parent() instanceof ArrayNode array) {
                array.set(slot.index(), value.deepCopy());
            }
        }
        return result;
    }

    /**
     * Evaluates the query as a criterion.
     *
     * @param root the value queried ({@code $}), or {@code null} when absent
     * @return whether the query selects at least one node
     */
    public boolean matches(JsonNode root) {
        return !select(root).isEmpty();
    }

    /**
     * Tells whether the query is singular (RFC 9535 §2.3.5.1): only names and indices, each alone in its segment,
     * so that it selects at most one node, as a comparison operand must.
     *
     * @return whether the query selects at most one node
     */
    public boolean isSingular() {
        return query.singular();
    }

    /**
     * Returns the query text.
     *
     * @return the text given to {@link #compile}
     */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonPathQuery other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
