package dev.weft.compiler.model;

import dev.weft.compiler.diagnostic.Location;
import java.util.List;

/** A step's request body: content type, payload (any JSON, with runtime expressions) and replacements. */
public record RequestBody(
        Located<String> contentType, Node payload, List<Replacement> replacements, Location location) {
    public RequestBody {
        replacements = List.copyOf(replacements);
    }

    /**
     * One payload replacement: a JSON Pointer, JSONPath or XPath target and the value to put there.
     *
     * @param targetSelectorType (1.1) how {@code target} is read, or null for the default of the content
     * @param selector (1.1) the value read as a Selector Object, or null when it is not one
     */
    public record Replacement(
            Located<String> target,
            Node value,
            ExpressionType targetSelectorType,
            Selector selector,
            Location location) {

        public Replacement(Located<String> target, Node value, Location location) {
            this(target, value, null, null, location);
        }
    }
}
