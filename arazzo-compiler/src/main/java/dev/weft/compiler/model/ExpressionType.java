package dev.weft.compiler.model;

import dev.weft.compiler.diagnostic.Location;

/**
 * A selector or condition expression type: the bare string form ({@code jsonpath}, {@code xpath},
 * {@code jsonpointer}) or an Expression Type Object, which adds a {@code version}.
 *
 * @param version {@code rfc9535}, {@code draft-goessner-dispatch-jsonpath-00}, {@code rfc6901} or
 *     {@code xpath-31/30/20/10}; null for the bare string form
 */
public record ExpressionType(Located<String> type, Located<String> version, Location location) {

    public String name() {
        return type.value();
    }

    /**
     * The version in effect: the declared one, else the default of the document's Arazzo version (XPath 3.1
     * in 1.1, which names XPath 3.1 as the {@code xpath} language; XPath 3.0 in 1.0.x, whose text names
     * XPath 3.0; RFC 9535 JSONPath and RFC 6901 JSON Pointer in both).
     */
    public String effectiveVersion(ArazzoVersion arazzo) {
        if (version != null) {
            return version.value();
        }
        return switch (type.value()) {
            case "xpath" -> arazzo.atLeast(ArazzoVersion.V1_1) ? "xpath-31" : "xpath-30";
            case "jsonpointer" -> "rfc6901";
            default -> "rfc9535";
        };
    }
}
