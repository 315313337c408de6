package dev.weft.compiler.generate;

import com.palantir.javapoet.CodeBlock;
import dev.weft.compiler.expr.Condition;
import dev.weft.compiler.expr.ConditionParser;
import dev.weft.compiler.expr.ExpressionParser;
import dev.weft.compiler.expr.Operand;
import dev.weft.compiler.model.Criterion;
import java.util.ArrayList;
import java.util.List;

/**
 * Criteria as plain boolean Java expressions: a condition parsed at build time becomes calls to
 * {@code Conditions}, so nothing is interpreted at run time.
 */
final class ConditionCode {
    private final ValueCode values;
    private final PatternConstants patterns;

    ConditionCode(ValueCode values, PatternConstants patterns) {
        this.values = values;
        this.patterns = patterns;
    }

    /** All criteria must hold; none means true. */
    CodeBlock all(List<Criterion> criteria) {
        if (criteria.isEmpty()) {
            return CodeBlock.of("true");
        }
        List<CodeBlock> parts = new ArrayList<>();
        for (Criterion c : criteria) {
            parts.add(criterion(c));
        }
        return CodeBlock.join(parts, "\n&& ");
    }

    CodeBlock criterion(Criterion criterion) {
        String text = criterion.condition().value();
        return switch (criterion.typeName()) {
            case "regex" ->
                CodeBlock.of("$T.regex($L, $N)", RuntimeTypes.CONDITIONS, context(criterion), patterns.pattern(text));
            case "jsonpath" ->
                isRfc9535(text)
                        ? CodeBlock.of("$N.matches($L)", patterns.jsonPath(text), context(criterion))
                        : condition(ConditionParser.parseContextComparison(text).value(), context(criterion));
            case "xpath" -> CodeBlock.of("$N.matches($L)", patterns.xpath(text), context(criterion));
            default -> condition(ConditionParser.parseSimple(text).value(), null);
        };
    }

    private static boolean isRfc9535(String query) {
        try {
            dev.weft.runtime.internal.JsonPathQuery.compile(query);
            return true;
        } catch (dev.weft.runtime.internal.JsonPathSyntaxException e) {
            return false;
        }
    }

    private CodeBlock context(Criterion criterion) {
        return values.expression(
                ExpressionParser.parse(criterion.context().value()).value());
    }

    private CodeBlock condition(Condition c, CodeBlock context) {
        if (c instanceof Condition.Or or) {
            return join(or.operands(), " || ", context);
        } else if (c instanceof Condition.And and) {
            return join(and.operands(), " && ", context);
        } else if (c instanceof Condition.Not not) {
            return CodeBlock.of("!($L)", condition(not.operand(), context));
        } else if (c instanceof Condition.Truthy t) {
            return CodeBlock.of("$T.truthy($L)", RuntimeTypes.CONDITIONS, operand(t.operand(), context));
        }
        Condition.Compare cmp = (Condition.Compare) c;
        String method = switch (cmp.op()) {
            case EQ -> "eq";
            case NE -> "ne";
            case LT -> "lt";
            case LE -> "le";
            case GT -> "gt";
            case GE -> "ge";
        };
        return CodeBlock.of(
                "$T.$N($L, $L)",
                RuntimeTypes.CONDITIONS,
                method,
                operand(cmp.left(), context),
                operand(cmp.right(), context));
    }

    private CodeBlock join(List<Condition> operands, String operator, CodeBlock context) {
        List<CodeBlock> parts = new ArrayList<>();
        for (Condition operand : operands) {
            parts.add(condition(operand, context));
        }
        return CodeBlock.of("($L)", CodeBlock.join(parts, operator));
    }

    private CodeBlock operand(Operand operand, CodeBlock context) {
        if (operand instanceof Operand.NullLiteral) {
            return CodeBlock.of("$T.getInstance()", RuntimeTypes.NULL_NODE);
        } else if (operand instanceof Operand.BooleanLiteral b) {
            return CodeBlock.of("$T.of($L)", RuntimeTypes.VALUES, b.value() ? "Boolean.TRUE" : "Boolean.FALSE");
        } else if (operand instanceof Operand.NumberLiteral n) {
            return ValueCode.number(n.value());
        } else if (operand instanceof Operand.StringLiteral s) {
            return CodeBlock.of("$T.of($L)", RuntimeTypes.VALUES, Literals.of(s.value()));
        } else if (operand instanceof Operand.Expression e) {
            return accessors(values.expression(e.expression()), e.accessors());
        }
        Operand.ContextPath path = (Operand.ContextPath) operand;
        return accessors(context, path.accessors());
    }

    private static CodeBlock accessors(CodeBlock base, List<Operand.Accessor> accessors) {
        CodeBlock result = base;
        for (Operand.Accessor accessor : accessors) {
            if (accessor instanceof Operand.Accessor.Member m) {
                result = CodeBlock.of("$T.member($L, $L)", RuntimeTypes.VALUES, result, Literals.of(m.name()));
            } else {
                result = CodeBlock.of(
                        "$T.index($L, $L)", RuntimeTypes.VALUES, result, ((Operand.Accessor.Index) accessor).index());
            }
        }
        return result;
    }
}
