package dev.weft.compiler.expr;

import java.util.List;
import java.util.Objects;

/** A parsed {@code simple} criteria condition, such as {@code $statusCode == 200 && !$inputs.dry}. */
public sealed interface Condition {

    /** Passes if any operand passes; has at least two operands. */
    record Or(List<Condition> operands) implements Condition {
        /** Copies the operands. */
        public Or {
            operands = List.copyOf(operands);
        }
    }

    /** Passes if every operand passes; has at least two operands. */
    record And(List<Condition> operands) implements Condition {
        /** Copies the operands. */
        public And {
            operands = List.copyOf(operands);
        }
    }

    /** Negation: {@code !(…)} or {@code !operand}. */
    record Not(Condition operand) implements Condition {
        /** Checks the operand. */
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** A comparison of two operands. */
    record Compare(Operand left, Operator op, Operand right) implements Condition {
        /** Checks the components. */
        public Compare {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(right, "right");
        }
    }

    /** A bare operand, which passes only if its value is boolean {@code true}. */
    record Truthy(Operand operand) implements Condition {
        /** Checks the operand. */
        public Truthy {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** A comparison operator. */
    enum Operator {
        EQ("=="),
        NE("!="),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written, for example {@code <=}. */
        public String symbol() {
            return symbol;
        }
    }
}
