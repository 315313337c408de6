package dev.weft.compiler.expr;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** One side of a comparison in a condition: a literal, an expression or a D-7 context path. */
public sealed interface Operand {

    /** {@code null}. */
    record NullLiteral() implements Operand {}

    /** {@code true} or {@code false}. */
    record BooleanLiteral(boolean value) implements Operand {}

    /**
     * A number such as {@code 200}, {@code -1.5} or {@code 1e3}.
     *
     * @param value the exact value
     * @param text the number as written
     */
    record NumberLiteral(BigDecimal value, String text) implements Operand {
        /** Checks the components. */
        public NumberLiteral {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A single-quoted string.
     *
     * @param value the string with {@code ''} already turned into {@code '}
     */
    record StringLiteral(String value) implements Operand {
        /** Checks the value. */
        public StringLiteral {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A runtime expression followed by member and index accessors, as in {@code
     * $response.body.items[0].id}.
     *
     * @param expression the runtime expression ({@code $response.body} in the example)
     * @param accessors what follows it ({@code .items}, {@code [0]}, {@code .id}); may be empty
     * @param offset index of the {@code $} in the condition text
     */
    record Expression(RuntimeExpression expression, List<Accessor> accessors, int offset) implements Operand {
        /** Copies the accessors. */
        public Expression {
            Objects.requireNonNull(expression, "expression");
            accessors = List.copyOf(accessors);
        }
    }

    /**
     * A singular JSONPath query on the criterion's context ({@code $.status}, {@code $['a'][0]}); D-7
     * dialect only.
     *
     * @param accessors the path; empty for {@code $} alone
     * @param offset index of the {@code $} in the condition text
     */
    record ContextPath(List<Accessor> accessors, int offset) implements Operand {
        /** Copies the accessors. */
        public ContextPath {
            accessors = List.copyOf(accessors);
        }
    }

    /** A step into a JSON value. */
    sealed interface Accessor {

        /** An object member. */
        record Member(String name) implements Accessor {
            /** Checks the name. */
            public Member {
                Objects.requireNonNull(name, "name");
            }
        }

        /** An array element, 0-based. */
        record Index(int index) implements Accessor {
            /** Checks the index. */
            public Index {
                if (index < 0) {
                    throw new IllegalArgumentException("negative index " + index);
                }
            }
        }
    }
}
