package dev.weft.compiler.model;

import dev.weft.compiler.diagnostic.Location;
import java.util.List;

/** A step's request body: content type, payload (any JSON, with runtime expressions) and replacements. */
public record RequestBody(
        Located<String> contentType, Node payload, List<Replacement> replacements, Location location) {
    public RequestBody {
        replacements = List.copyOf(replacements);
    }

    /** One payload replacement: a JSON Pointer or XPath target and the value to put there. */
    public record Replacement(Located<String> target, Node value, Location location) {}
}
