package dev.weft.compiler.generate;

import com.palantir.javapoet.CodeBlock;
import dev.weft.compiler.expr.Condition;
import dev.weft.compiler.expr.Operand;
import dev.weft.compiler.expr.RuntimeExpression;
import dev.weft.compiler.model.Criterion;
import java.util.List;
import java.util.function.Consumer;

/** What criteria read, for {@link ReadOnce}: each value, and whether the response body surely is. */
final class ConditionReads {
    /** A value a condition reads: the code reading it, and the expression and accessors it reads. */
    record Read(CodeBlock code, RuntimeExpression expression, List<Operand.Accessor> accessors) {}

    private final ValueCode values;
    private final Criteria parsed;

    ConditionReads(ValueCode values, Criteria parsed) {
        this.values = values;
        this.parsed = parsed;
    }

    /** Each value the criteria read, in order, for {@link ReadOnce}; a bare {@code $statusCode} is not one. */
    void of(List<Criterion> criteria, Consumer<Read> reads) {
        for (Criterion c : criteria) {
            Criteria.Parsed p = parsed.of(c);
            CodeBlock context = p.context() == null ? null : values.expression(p.context());
            if (p.condition() == null) {
                reads.accept(new Read(context, p.context(), List.of()));
                if (p.embedded() != null) {
                    p.embedded()
                            .embedded()
                            .forEach(e -> reads.accept(
                                    new Read(values.expression(e.expression()), e.expression(), List.of())));
                }
            } else {
                reads(p.condition(), p.context(), context, reads);
            }
        }
    }

    /** Whether evaluating the criteria surely reads the response body, as their first term does. */
    boolean surelyReadTheBody(List<Criterion> criteria) {
        if (criteria.isEmpty()) {
            return false;
        }
        Criteria.Parsed first = parsed.of(criteria.get(0));
        return first.condition() == null
                ? first.context() instanceof RuntimeExpression.ResponseBody
                : firstReadsTheBody(first.condition(), first.context());
    }

    private void reads(Condition c, RuntimeExpression contextExpression, CodeBlock context, Consumer<Read> reads) {
        if (c instanceof Condition.Or or) {
            or.operands().forEach(o -> reads(o, contextExpression, context, reads));
        } else if (c instanceof Condition.And and) {
            and.operands().forEach(o -> reads(o, contextExpression, context, reads));
        } else if (c instanceof Condition.Not not) {
            reads(not.operand(), contextExpression, context, reads);
        } else if (c instanceof Condition.Truthy t) {
            read(t.operand(), contextExpression, context, reads);
        } else if (c instanceof Condition.Compare cmp) {
            read(cmp.left(), contextExpression, context, reads);
            read(cmp.right(), contextExpression, context, reads);
        }
    }

    private void read(Operand operand, RuntimeExpression contextExpression, CodeBlock context, Consumer<Read> reads) {
        if (operand instanceof Operand.Expression e
                && !(e.expression() instanceof RuntimeExpression.StatusCode
                        && e.accessors().isEmpty())) {
            reads.accept(new Read(
                    ConditionCode.accessors(values.expression(e.expression()), e.accessors()),
                    e.expression(),
                    e.accessors()));
        } else if (operand instanceof Operand.ContextPath path) {
            reads.accept(
                    new Read(ConditionCode.accessors(context, path.accessors()), contextExpression, path.accessors()));
        }
    }

    private static boolean firstReadsTheBody(Condition c, RuntimeExpression context) {
        if (c instanceof Condition.Or or) {
            return firstReadsTheBody(or.operands().get(0), context);
        } else if (c instanceof Condition.And and) {
            return firstReadsTheBody(and.operands().get(0), context);
        } else if (c instanceof Condition.Not not) {
            return firstReadsTheBody(not.operand(), context);
        } else if (c instanceof Condition.Truthy t) {
            return readsTheBody(t.operand(), context);
        }
        Condition.Compare cmp = (Condition.Compare) c;
        return readsTheBody(cmp.left(), context) || readsTheBody(cmp.right(), context);
    }

    private static boolean readsTheBody(Operand operand, RuntimeExpression context) {
        RuntimeExpression read = operand instanceof Operand.Expression e
                ? e.expression()
                : operand instanceof Operand.ContextPath ? context : null;
        return read instanceof RuntimeExpression.ResponseBody;
    }
}
