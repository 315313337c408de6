package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
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
