package dev.weft.compiler.expr;

import java.util.List;
import java.util.Objects;

/**
 * A string value split into literal text and embedded runtime expressions.
 *
 * <p>A value that is exactly one expression, braced ({@code {$inputs.x}}) or not ({@code
 * $inputs.x}), is a {@linkplain #isSingleExpression() single expression} and keeps the
 * expression's type; any other template evaluates to a string.
 *
 * @param parts the parts in text order; adjacent literals are merged, and the empty string has none
 */
public record Template(List<Part> parts) {

    /** Copies the parts. */
    public Template {
        parts = List.copyOf(parts);
    }

    /** One piece of a template. */
    public sealed interface Part {}

    /** Text copied as it is. */
    public record Literal(String text) implements Part {
        /** Checks the text. */
        public Literal {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * An expression whose value is inserted.
     *
     * @param expression the expression
     * @param offset index in the template text of the {@code $}, or of the {@code {} when braced
     * @param braced true for {@code {$…}}, false for an unbraced expression
     */
    public record Embedded(RuntimeExpression expression, int offset, boolean braced) implements Part {
        /** Checks the expression. */
        public Embedded {
            Objects.requireNonNull(expression, "expression");
        }
    }

    /** True if the template has no embedded expressions. */
    public boolean isLiteral() {
        return parts.stream().noneMatch(Embedded.class::isInstance);
    }

    /** True if the whole value is one expression, so it evaluates to that expression's typed value. */
    public boolean isSingleExpression() {
        return parts.size() == 1 && parts.get(0) instanceof Embedded;
    }

    /**
     * True if an unbraced expression sits inside a longer string (the D-6 dialect, warning EXPR-6); a
     * value that is exactly one unbraced expression is standard and does not count.
     */
    public boolean hasBareExpressions() {
        return !isSingleExpression() && embedded().stream().anyMatch(part -> !part.braced());
    }

    /** The embedded expressions, in text order. */
    public List<Embedded> embedded() {
        return parts.stream()
                .filter(Embedded.class::isInstance)
                .map(Embedded.class::cast)
                .toList();
    }

    /** The expression of a {@linkplain #isSingleExpression() single-expression} template. */
    public RuntimeExpression singleExpression() {
        if (!isSingleExpression()) {
            throw new IllegalStateException("not a single expression: " + this);
        }
        return ((Embedded) parts.get(0)).expression();
    }

    /** The text of a {@linkplain #isLiteral() literal} template ({@code ""} if it has no parts). */
    public String literalText() {
        if (!isLiteral()) {
            throw new IllegalStateException("not a literal: " + this);
        }
        return parts.isEmpty() ? "" : ((Literal) parts.get(0)).text();
    }
}
