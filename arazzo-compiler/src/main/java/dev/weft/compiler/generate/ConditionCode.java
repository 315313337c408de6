package dev.weft.compiler.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.weft.compiler.check.GoessnerJsonPath;
import dev.weft.compiler.expr.Condition;
import dev.weft.compiler.expr.ConditionParser;
import dev.weft.compiler.expr.ExpressionParser;
import dev.weft.compiler.expr.Operand;
import dev.weft.compiler.model.Criterion;
import dev.weft.runtime.internal.JsonPathQuery;
import dev.weft.runtime.internal.JsonPathSyntaxException;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Criteria as plain boolean Java expressions: a condition parsed at build time becomes calls to
 * {@code Conditions}, so nothing is interpreted at run time.
 *
 * <p>Long conditions stay within javac's and the JVM's limits: at most {@value #GROUP} operands are
 * joined in one chain (javac reads {@code a || b || ...} recursively, and overflows its stack near 2,000),
 * longer chains are grouped, and a group of more than {@value #HEAVY} terms becomes a helper method, so that
 * no method outgrows 64 KB of bytecode.
 */
final class ConditionCode {
    private static final int GROUP = 16;
    private static final int HEAVY = 16;

    /** Where a condition is evaluated: the method's parameter, which helper methods take too. */
    record Scope(TypeName type, String parameter, String method) {}

    /** Code and the number of terms in it. */
    private record Piece(CodeBlock code, int weight) {}

    private final ValueCode values;
    private final PatternConstants patterns;
    private final WorkflowNames names;
    private final Budget budget;
    private final List<MethodSpec> helpers = new ArrayList<>();

    ConditionCode(ValueCode values, PatternConstants patterns, WorkflowNames names, Budget budget) {
        this.values = values;
        this.patterns = patterns;
        this.names = names;
        this.budget = budget;
    }

    /** All criteria must hold; none means true. */
    CodeBlock all(List<Criterion> criteria, Scope scope) {
        if (criteria.isEmpty()) {
            return CodeBlock.of("true");
        }
        List<Piece> parts = new ArrayList<>();
        for (Criterion c : criteria) {
            parts.add(criterion(c, scope));
        }
        Piece all = light(combine(parts, "\n&& ", false, scope), scope);
        budget.add(all.weight());
        return all.code();
    }

    /** The helper methods long conditions were split into, in the order they were made. */
    List<MethodSpec> helpers() {
        return helpers;
    }

    private Piece criterion(Criterion criterion, Scope scope) {
        String text = criterion.condition().value();
        if (criterion.typeName().equals("jsonpath") && criterion.typeVersion() != null) {
            // Goessner JSONPath (D-33): the checks accepted it only with an RFC 9535 translation
            text = GoessnerJsonPath.toRfc9535(text).orElseThrow();
        }
        return switch (criterion.typeName()) {
            case "regex" ->
                leaf(CodeBlock.of(
                        "$T.regex($L, $N)", RuntimeTypes.CONDITIONS, context(criterion), patterns.pattern(text)));
            case "jsonpath" ->
                isRfc9535(text)
                        ? leaf(CodeBlock.of("$N.matches($L)", patterns.jsonPath(text), context(criterion)))
                        : condition(ConditionParser.parseContextComparison(text).value(), context(criterion), scope);
            case "xpath" -> leaf(CodeBlock.of("$N.matches($L)", patterns.xpath(text), context(criterion)));
            default -> condition(ConditionParser.parseSimple(text).value(), null, scope);
        };
    }

    private static boolean isRfc9535(String query) {
        try {
            JsonPathQuery.compile(query);
            return true;
        } catch (JsonPathSyntaxException e) {
            return false;
        }
    }

    private CodeBlock context(Criterion criterion) {
        return values.expression(
                ExpressionParser.parse(criterion.context().value()).value());
    }

    private Piece condition(Condition c, CodeBlock context, Scope scope) {
        if (c instanceof Condition.Or or) {
            return join(or.operands(), " || ", context, scope);
        } else if (c instanceof Condition.And and) {
            return join(and.operands(), " && ", context, scope);
        } else if (c instanceof Condition.Not not) {
            Piece inner = condition(not.operand(), context, scope);
            return new Piece(CodeBlock.of("!($L)", inner.code()), inner.weight());
        } else if (c instanceof Condition.Truthy t) {
            return new Piece(
                    CodeBlock.of("$T.truthy($L)", RuntimeTypes.CONDITIONS, operand(t.operand(), context)),
                    weight(t.operand()));
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
        return new Piece(
                CodeBlock.of(
                        "$T.$N($L, $L)",
                        RuntimeTypes.CONDITIONS,
                        method,
                        operand(cmp.left(), context),
                        operand(cmp.right(), context)),
                weight(cmp.left()) + weight(cmp.right()) - 1);
    }

    /**
     * An operand's weight: one, plus one per two accessors, as each adds a call; a term weighs what its
     * operands do, so that a term is at most about 40 bytes of bytecode per unit of weight.
     */
    private static int weight(Operand operand) {
        List<Operand.Accessor> accessors = operand instanceof Operand.Expression e
                ? e.accessors()
                : operand instanceof Operand.ContextPath p ? p.accessors() : List.of();
        return 1 + accessors.size() / 2;
    }

    private Piece join(List<Condition> operands, String operator, CodeBlock context, Scope scope) {
        List<Piece> parts = new ArrayList<>();
        for (Condition operand : operands) {
            parts.add(condition(operand, context, scope));
        }
        return combine(parts, operator, true, scope);
    }

    /** Joins pieces with an operator, in groups of at most {@value #GROUP}; {@code wrap} parenthesises. */
    private Piece combine(List<Piece> pieces, String operator, boolean wrap, Scope scope) {
        List<Piece> level = pieces;
        while (level.size() > GROUP) {
            List<Piece> grouped = new ArrayList<>();
            for (int i = 0; i < level.size(); i += GROUP) {
                grouped.add(group(level.subList(i, Math.min(level.size(), i + GROUP)), operator, true, scope));
            }
            level = grouped;
        }
        return group(level, operator, wrap, scope);
    }

    private Piece group(List<Piece> pieces, String operator, boolean wrap, Scope scope) {
        List<CodeBlock> codes = new ArrayList<>();
        int weight = 0;
        for (Piece piece : pieces) {
            Piece light = light(piece, scope);
            codes.add(light.code());
            weight += light.weight();
        }
        CodeBlock joined = CodeBlock.join(codes, operator);
        return new Piece(wrap ? CodeBlock.of("($L)", joined) : joined, weight);
    }

    /** The piece itself, or when it has more than {@value #HEAVY} terms a call of a helper method returning it. */
    private Piece light(Piece piece, Scope scope) {
        if (piece.weight() <= HEAVY) {
            return piece;
        }
        String name = names.newMember(scope.method() + "Condition" + (helpers.size() + 1));
        helpers.add(MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE)
                .returns(TypeName.BOOLEAN)
                .addParameter(scope.type(), scope.parameter())
                .addStatement("return $L", piece.code())
                .build());
        budget.addToClass(piece.weight());
        return new Piece(CodeBlock.of("$N($N)", name, scope.parameter()), 1);
    }

    private static Piece leaf(CodeBlock code) {
        return new Piece(code, 1);
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
