package dev.weft.compiler.model;

import dev.weft.compiler.diagnostic.Location;

/**
 * An Arazzo 1.1 Selector Object: a JSONPath, XPath or JSON Pointer {@code selector} applied to the
 * structured value a runtime expression ({@code context}) evaluates to.
 */
public record Selector(Located<String> context, Located<String> selector, ExpressionType type, Location location) {}
