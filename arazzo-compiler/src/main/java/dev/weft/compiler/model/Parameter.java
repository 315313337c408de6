package dev.weft.compiler.model;

import dev.weft.compiler.diagnostic.Location;
import java.util.Locale;

/**
 * A parameter passed to a step's operation (or, on a workflow step, to the called workflow's
 * inputs). A Reusable parameter reference is already resolved into this, with its value override.
 *
 * @param in {@code path}, {@code query}, {@code header}, {@code cookie} or (1.1) {@code querystring}; null
 *     when absent
 * @param value a JSON value, possibly holding runtime expressions
 * @param selector (1.1) the value read as a Selector Object, or null when it is not one
 */
public record Parameter(Located<String> name, Located<String> in, Node value, Selector selector, Location location) {

    /** A parameter whose value is not a Selector Object. */
    public Parameter(Located<String> name, Located<String> in, Node value, Location location) {
        this(name, in, value, null, location);
    }

    /** The parameter's identity (PARAM-1): header names compare case-insensitively. */
    public String identity() {
        String where = in == null ? "" : in.value();
        String key = where.equals("header") ? name.value().toLowerCase(Locale.ROOT) : name.value();
        return where + ":" + key;
    }
}
