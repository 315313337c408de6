package dev.weft.compiler.generate;

import com.palantir.javapoet.CodeBlock;
import dev.weft.compiler.expr.Condition;
import dev.weft.compiler.expr.Operand;
import dev.weft.compiler.expr.RuntimeExpression;
import java.math.BigDecimal;

/** {@code $statusCode} against a whole number as an {@code int} comparison, with the same meaning. */
final class StatusComparison {
    private StatusComparison() {}

    /**
     * The comparison, or null when it is not one of {@code $statusCode} with a whole number from 0. Without
     * a response {@code $statusCode} is absent, which equals nothing and orders before nothing, while
     * {@code statusCode()} is -1: so {@code <} and {@code <=} first ask for a response.
     */
    static CodeBlock of(Condition.Compare cmp, ConditionCode.Scope scope) {
        if (!scope.type().equals(RuntimeTypes.EXCHANGE)) {
            return null;
        }
        Operand left = cmp.left();
        Operand right = cmp.right();
        Condition.Operator op = cmp.op();
        if (isStatus(right) && !isStatus(left)) {
            left = cmp.right();
            right = cmp.left();
            op = flipped(op);
        }
        if (!isStatus(left) || !(right instanceof Operand.NumberLiteral n)) {
            return null;
        }
        Integer value = whole(n.value());
        if (value == null) {
            return null;
        }
        String operator = switch (op) {
            case EQ -> "==";
            case NE -> "!=";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
        };
        CodeBlock compare = CodeBlock.of("$N.statusCode() $L $L", scope.parameter(), operator, value);
        return op == Condition.Operator.LT || op == Condition.Operator.LE
                ? CodeBlock.of("($N.transportFailure() == null && $L)", scope.parameter(), compare)
                : compare;
    }

    private static boolean isStatus(Operand operand) {
        return operand instanceof Operand.Expression e
                && e.expression() instanceof RuntimeExpression.StatusCode
                && e.accessors().isEmpty();
    }

    private static Condition.Operator flipped(Condition.Operator op) {
        return switch (op) {
            case LT -> Condition.Operator.GT;
            case LE -> Condition.Operator.GE;
            case GT -> Condition.Operator.LT;
            case GE -> Condition.Operator.LE;
            default -> op;
        };
    }

    private static Integer whole(BigDecimal value) {
        try {
            int i = value.intValueExact();
            return i >= 0 ? i : null;
        } catch (ArithmeticException notAnInt) {
            return null;
        }
    }
}
