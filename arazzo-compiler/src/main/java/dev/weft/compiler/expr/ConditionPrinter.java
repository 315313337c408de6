package dev.weft.compiler.expr;

import dev.weft.compiler.expr.Condition.And;
import dev.weft.compiler.expr.Condition.Compare;
import dev.weft.compiler.expr.Condition.Not;
import dev.weft.compiler.expr.Condition.Or;
import dev.weft.compiler.expr.Condition.Truthy;
import dev.weft.compiler.expr.Operand.Accessor;
import dev.weft.compiler.expr.Operand.Accessor.Index;
import dev.weft.compiler.expr.Operand.Accessor.Member;
import dev.weft.compiler.expr.Operand.BooleanLiteral;
import dev.weft.compiler.expr.Operand.ContextPath;
import dev.weft.compiler.expr.Operand.Expression;
import dev.weft.compiler.expr.Operand.NullLiteral;
import dev.weft.compiler.expr.Operand.NumberLiteral;
import dev.weft.compiler.expr.Operand.StringLiteral;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes conditions back as {@code simple} condition text, for fix-its and comments; parsing the
 * output gives back an equal condition for anything the parser produced.
 */
public final class ConditionPrinter {

    private static final Pattern SHORTHAND_NAME =
            Pattern.compile("[A-Za-z_\\x{80}-\\x{10FFFF}][A-Za-z0-9_\\x{80}-\\x{10FFFF}]*");

    private ConditionPrinter() {}

    /** The condition as text, with only the parentheses its structure needs. */
    public static String print(Condition condition) {
        if (condition instanceof Or or) {
            return join(or.operands(), " || ", false);
        }
        if (condition instanceof And and) {
            return join(and.operands(), " && ", true);
        }
        if (condition instanceof Not not) {
            return not.operand() instanceof Truthy truthy
                    ? "!" + print(truthy.operand())
                    : "!(" + print(not.operand()) + ")";
        }
        if (condition instanceof Compare compare) {
            return print(compare.left()) + " " + compare.op().symbol() + " " + print(compare.right());
        }
        return print(((Truthy) condition).operand());
    }

    /** The operand as text: a literal, an expression with accessors, or a JSONPath query. */
    public static String print(Operand operand) {
        if (operand instanceof NullLiteral) {
            return "null";
        }
        if (operand instanceof BooleanLiteral bool) {
            return Boolean.toString(bool.value());
        }
        if (operand instanceof NumberLiteral number) {
            return number.text();
        }
        if (operand instanceof StringLiteral string) {
            return "'" + string.value().replace("'", "''") + "'";
        }
        if (operand instanceof Expression expression) {
            return expression.expression().text() + accessors(expression.accessors(), false);
        }
        return "$" + accessors(((ContextPath) operand).accessors(), true);
    }

    /**
     * Joins operands; an Or operand always needs parentheses (inside an Or they keep the nesting),
     * an And operand only inside an And.
     */
    private static String join(List<Condition> operands, String separator, boolean inAnd) {
        return operands.stream()
                .map(operand -> operand instanceof Or || (inAnd && operand instanceof And)
                        ? "(" + print(operand) + ")"
                        : print(operand))
                .collect(Collectors.joining(separator));
    }

    private static String accessors(List<Accessor> accessors, boolean jsonPath) {
        StringBuilder text = new StringBuilder();
        for (Accessor accessor : accessors) {
            if (accessor instanceof Index index) {
                text.append('[').append(index.index()).append(']');
            } else {
                String name = ((Member) accessor).name();
                if (!jsonPath || SHORTHAND_NAME.matcher(name).matches()) {
                    text.append('.').append(name);
                } else {
                    text.append("['")
                            .append(name.replace("\\", "\\\\").replace("'", "\\'"))
                            .append("']");
                }
            }
        }
        return text.toString();
    }
}
