/**
 * Parsers and syntax trees for Arazzo runtime expressions, string templates that embed them, and
 * {@code simple} criteria conditions.
 *
 * <p>Everything here depends on the JDK only. Parsers never throw for bad input: they return a
 * {@link dev.weft.compiler.expr.ParseResult} whose {@link dev.weft.compiler.expr.ExpressionError}s
 * carry 0-based offsets into the parsed text, so callers can map them to file positions.
 */
package dev.weft.compiler.expr;
