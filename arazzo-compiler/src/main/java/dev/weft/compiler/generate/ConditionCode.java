package dev.weft.compiler.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.weft.compiler.expr.Condition;
import dev.weft.compiler.expr.Operand;
import dev.weft.compiler.expr.Template;
import dev.weft.compiler.model.Criterion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Criteria as plain boolean Java expressions: a condition parsed at build time becomes calls to
 * {@code Conditions}, or an {@code int} comparison for {@code $statusCode == 200}, so nothing is
 * interpreted at run time; a value the method already holds (a step output, a local read once) is
 * used rather than read again.
 *
 * <p>Long conditions stay within javac's and the JVM's limits: at most {@value #GROUP} operands are
 * joined in one chain (javac reads {@code a || b || ...} recursively, and overflows its stack near 2,000),
 * longer chains are grouped, and a group of more than {@value #HEAVY} terms becomes a helper method, so that
 * no method outgrows 64 KB of bytecode. Helper methods take only the exchange, so they read values anew.
 */
final class ConditionCode {
    private static final int GROUP = 16;
    private static final int HEAVY = 16;

    /**
     * Where a condition is evaluated: the method's parameter, which helper methods take too, and the values
     * the method holds, keyed by the code that reads them: fields (step outputs, seen by helpers too) and
     * locals (seen only in the method itself).
     */
    record Scope(
            TypeName type,
            String parameter,
            String method,
            Map<String, CodeBlock> fields,
            Map<String, CodeBlock> locals) {
        Scope withoutLocals() {
            return new Scope(type, parameter, method, fields, Map.of());
        }
    }

    /** Code and the number of terms in it. */
    private record Piece(CodeBlock code, int weight) {}

    private final ValueCode values;
    private final ClassConstants constants;
    private final WorkflowNames names;
    private final Budget budget;
    private final Criteria parsed;
    private final ConditionReads reads;
    private final List<MethodSpec> helpers = new ArrayList<>();

    ConditionCode(ValueCode values, ClassConstants constants, WorkflowNames names, Budget budget, Criteria parsed) {
        this.values = values;
        this.parsed = parsed;
        this.reads = new ConditionReads(values, parsed);
        this.constants = constants;
        this.names = names;
        this.budget = budget;
    }

    /**
     * All criteria must hold; none means true. {@code alone} when the code is the whole condition of an
     * {@code if}, so a single criterion {@code a || b} needs no parentheses.
     */
    CodeBlock all(List<Criterion> criteria, Scope scope, boolean alone) {
        if (criteria.isEmpty()) {
            return CodeBlock.of("true");
        }
        Scope within = isLight(criteria) ? scope : scope.withoutLocals();
        List<Piece> parts = new ArrayList<>();
        for (Criterion c : criteria) {
            Criteria.Parsed p = parsed.of(c);
            if (p.kind() == Criteria.Kind.CONDITION && p.condition() instanceof Condition.And and) {
                // the criteria are joined by && already: an && criterion's operands join them as they are
                CodeBlock context = p.context() == null ? null : values.expression(p.context());
                and.operands().forEach(operand -> parts.add(condition(operand, context, within)));
            } else {
                parts.add(criterion(p, within, alone && criteria.size() == 1));
            }
        }
        Piece all = light(combine(parts, "$W&& ", false, within), within);
        budget.add(all.weight());
        return all.code();
    }

    /** Whether the criteria stay in the method that tests them: only then can they use its locals. */
    boolean isLight(List<Criterion> criteria) {
        int weight = 0;
        for (Criterion c : criteria) {
            Criteria.Parsed p = parsed.of(c);
            weight += p.condition() == null ? 1 : weight(p.condition());
        }
        return weight <= HEAVY;
    }

    /** What the criteria read, for {@link ReadOnce}. */
    ConditionReads reads() {
        return reads;
    }

    /** The helper methods long conditions were split into, in the order they were made. */
    List<MethodSpec> helpers() {
        return helpers;
    }

    /** A criterion; {@code alone} when it is the whole condition, which then needs no parentheses. */
    private Piece criterion(Criteria.Parsed p, Scope scope, boolean alone) {
        // what the context reads, as the code reading it: a local or field may hold it, or a path into it
        CodeBlock context = p.context() == null ? null : values.expression(p.context());
        if (p.embedded() != null && p.kind() == Criteria.Kind.XPATH) {
            // the declared XPath version holds for a text made at run time too (1.1: xpath-31 by default)
            return leaf(CodeBlock.of(
                    "$T.xpath($L,$W$L,$W$L)",
                    RuntimeTypes.CONDITIONS,
                    held(context, scope),
                    embed(p.embedded(), scope),
                    Literals.of(parsed.xpathVersion(p, values.arazzo()))));
        }
        if (p.embedded() != null) {
            return leaf(CodeBlock.of(
                    "$T.$N($L,$W$L)",
                    RuntimeTypes.CONDITIONS,
                    switch (p.kind()) {
                        case REGEX -> "regex";
                        case QUERY -> "jsonPath";
                        default -> "xpath";
                    },
                    held(context, scope),
                    embed(p.embedded(), scope)));
        }
        return switch (p.kind()) {
            case REGEX ->
                leaf(CodeBlock.of(
                        "$T.regex($L, $N)",
                        RuntimeTypes.CONDITIONS,
                        held(context, scope),
                        constants.pattern(p.text(), Hints.of(p.context()))));
            case QUERY ->
                leaf(CodeBlock.of(
                        "$N.matches($L)", constants.jsonPath(p.text(), Hints.of(p.context())), held(context, scope)));
            case XPATH ->
                leaf(CodeBlock.of(
                        "$N.matches($L)",
                        constants.xpath(p.text(), parsed.xpathVersion(p, values.arazzo()), Hints.of(p.context())),
                        held(context, scope)));
            case CONDITION ->
                alone && p.condition() instanceof Condition.Or or
                        ? join(or.operands(), "$W|| ", context, scope, false)
                        : condition(p.condition(), context, scope);
        };
    }

    /** The condition's text with its embedded values, made at run time. */
    private CodeBlock embed(Template template, Scope scope) {
        List<CodeBlock> parts = new ArrayList<>();
        for (Template.Part part : template.parts()) {
            if (part instanceof Template.Literal literal) {
                parts.add(Literals.of(literal.text()));
            } else {
                parts.add(held(values.expression(((Template.Embedded) part).expression()), scope));
            }
        }
        return CodeBlock.of("$T.embed($L)", RuntimeTypes.CONDITIONS, CodeBlock.join(parts, ",$W"));
    }

    private Piece condition(Condition c, CodeBlock context, Scope scope) {
        if (c instanceof Condition.Or or) {
            return join(or.operands(), "$W|| ", context, scope, true);
        } else if (c instanceof Condition.And and) {
            return join(and.operands(), "$W&& ", context, scope, true);
        } else if (c instanceof Condition.Not not) {
            Piece inner = condition(not.operand(), context, scope);
            return new Piece(CodeBlock.of("!($L)", inner.code()), inner.weight());
        } else if (c instanceof Condition.Truthy t) {
            return new Piece(
                    CodeBlock.of("$T.truthy($L)", RuntimeTypes.CONDITIONS, operand(t.operand(), context, scope)),
                    weight(t.operand()));
        }
        Condition.Compare cmp = (Condition.Compare) c;
        CodeBlock status = StatusComparison.of(cmp, scope);
        if (status != null) {
            return leaf(status);
        }
        String method = switch (cmp.op()) {
            case EQ -> "eq";
            case NE -> "ne";
            case LT -> "lt";
            case LE -> "le";
            case GT -> "gt";
            case GE -> "ge";
        };
        CodeBlock left = operand(cmp.left(), context, scope);
        CodeBlock right = operand(cmp.right(), context, scope);
        return new Piece(
                CodeBlock.of(
                        // a comparison wraps before the operators around it, and inside itself only when long
                        isLong(left, right) ? "$T.$N($>$L,$W$L$<)" : "$T.$N($L, $L)",
                        RuntimeTypes.CONDITIONS,
                        method,
                        left,
                        right),
                weight(cmp.left()) + weight(cmp.right()) - 1);
    }

    /** Whether two operands make a comparison too long for one line, whatever else is on it. */
    static boolean isLong(CodeBlock left, CodeBlock right) {
        return left.toString().length() + right.toString().length() > 60;
    }

    private static int weight(Condition c) {
        if (c instanceof Condition.Or or) {
            return or.operands().stream().mapToInt(ConditionCode::weight).sum();
        } else if (c instanceof Condition.And and) {
            return and.operands().stream().mapToInt(ConditionCode::weight).sum();
        } else if (c instanceof Condition.Not not) {
            return weight(not.operand());
        } else if (c instanceof Condition.Truthy t) {
            return weight(t.operand());
        }
        Condition.Compare cmp = (Condition.Compare) c;
        return weight(cmp.left()) + weight(cmp.right()) - 1;
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

    private Piece join(List<Condition> operands, String operator, CodeBlock context, Scope scope, boolean wrap) {
        List<Piece> parts = new ArrayList<>();
        for (Condition operand : operands) {
            parts.add(condition(operand, context, scope));
        }
        return combine(parts, operator, wrap, scope);
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

    private CodeBlock operand(Operand operand, CodeBlock context, Scope scope) {
        if (operand instanceof Operand.NullLiteral) {
            return CodeBlock.of("$T.getInstance()", RuntimeTypes.NULL_NODE);
        } else if (operand instanceof Operand.BooleanLiteral b) {
            return CodeBlock.of("$T.of($L)", RuntimeTypes.VALUES, b.value() ? "Boolean.TRUE" : "Boolean.FALSE");
        } else if (operand instanceof Operand.NumberLiteral n) {
            return ValueCode.number(n.value());
        } else if (operand instanceof Operand.StringLiteral s) {
            return CodeBlock.of("$T.of($L)", RuntimeTypes.VALUES, Literals.of(s.value()));
        } else if (operand instanceof Operand.Expression e) {
            return held(accessors(values.expression(e.expression()), e.accessors()), scope);
        }
        Operand.ContextPath path = (Operand.ContextPath) operand;
        CodeBlock read = accessors(context, path.accessors());
        CodeBlock held = held(read, scope);
        return held != read ? held : accessors(held(context, scope), path.accessors());
    }

    /** The field or local already holding what {@code code} reads, else the code itself. */
    private static CodeBlock held(CodeBlock code, Scope scope) {
        String key = code.toString();
        CodeBlock field = scope.fields().get(key);
        if (field != null) {
            return field;
        }
        return scope.locals().getOrDefault(key, code);
    }

    static CodeBlock accessors(CodeBlock base, List<Operand.Accessor> accessors) {
        CodeBlock result = base;
        for (Operand.Accessor accessor : accessors) {
            // a nested read wraps inside itself only when long
            String args = isLong(result, CodeBlock.of("")) ? "($>$L,$W$L$<)" : "($L, $L)";
            if (accessor instanceof Operand.Accessor.Member m) {
                result = CodeBlock.of("$T.member" + args, RuntimeTypes.VALUES, result, Literals.of(m.name()));
            } else {
                result = CodeBlock.of(
                        "$T.index" + args, RuntimeTypes.VALUES, result, ((Operand.Accessor.Index) accessor).index());
            }
        }
        return result;
    }
}
