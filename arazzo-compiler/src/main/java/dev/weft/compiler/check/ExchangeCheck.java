package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.diagnostic.Suggestions;
import dev.weft.compiler.expr.Condition;
import dev.weft.compiler.expr.ConditionParser;
import dev.weft.compiler.expr.ExpressionParser;
import dev.weft.compiler.expr.Operand;
import dev.weft.compiler.expr.ParseResult;
import dev.weft.compiler.expr.RuntimeExpression;
import dev.weft.compiler.model.Action;
import dev.weft.compiler.model.Criterion;
import dev.weft.compiler.model.Effective;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Parameter;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.OperationRef;
import dev.weft.compiler.resolve.ResolvedDocument;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an operation step reads of its own HTTP exchange: {@code $request.path|query|header.<n>}
 * names a parameter of the call (EXPR-2), and a {@code $response.body} pointer leads somewhere in
 * the operation's response schemas.
 */
final class ExchangeCheck implements Check {

    @Override
    public void check(ResolvedDocument document, Diagnostics diagnostics) {
        for (Workflow workflow : document.document().workflows()) {
            for (Step step : workflow.steps()) {
                if (step.workflowId() == null) {
                    document.target(workflow, step).ifPresent(op -> step(workflow, step, op, diagnostics));
                }
            }
        }
    }

    private static void step(Workflow workflow, Step step, OperationRef op, Diagnostics diagnostics) {
        List<Criterion> criteria = new ArrayList<>(step.successCriteria());
        for (Action a : Effective.onSuccess(workflow, step)) {
            criteria.addAll(a.criteria());
        }
        for (Action a : Effective.onFailure(workflow, step)) {
            criteria.addAll(a.criteria());
        }
        List<Parameter> sent = Effective.parameters(workflow, step);
        for (Criterion c : criteria) {
            if (c.context() != null) {
                single(c.context(), workflow, step, op, sent, diagnostics);
            }
            ParseResult<Condition> parsed = switch (c.typeName()) {
                case "simple" -> ConditionParser.parseSimple(c.condition().value());
                case "jsonpath" ->
                    ConditionParser.parseContextComparison(c.condition().value());
                default -> null;
            };
            if (parsed != null && parsed.ok()) {
                visit(parsed.value(), c.condition().location(), workflow, step, op, sent, diagnostics);
            }
        }
        for (Located<String> output : step.outputs().values()) {
            single(output, workflow, step, op, sent, diagnostics);
        }
    }

    private static void single(
            Located<String> text,
            Workflow workflow,
            Step step,
            OperationRef op,
            List<Parameter> sent,
            Diagnostics diagnostics) {
        ParseResult<RuntimeExpression> parsed = ExpressionParser.parse(text.value());
        if (parsed.ok()) {
            expression(parsed.value(), text.location(), step, op, sent, diagnostics);
        }
    }

    private static void visit(
            Condition c,
            Location at,
            Workflow workflow,
            Step step,
            OperationRef op,
            List<Parameter> sent,
            Diagnostics diagnostics) {
        List<Operand> operands = new ArrayList<>();
        operands(c, operands);
        for (Operand operand : operands) {
            if (operand instanceof Operand.Expression e) {
                expression(e.expression(), at.shifted(e.offset()), step, op, sent, diagnostics);
            }
        }
    }

    private static void operands(Condition c, List<Operand> into) {
        if (c instanceof Condition.Or or) {
            or.operands().forEach(o -> operands(o, into));
        } else if (c instanceof Condition.And and) {
            and.operands().forEach(o -> operands(o, into));
        } else if (c instanceof Condition.Not not) {
            operands(not.operand(), into);
        } else if (c instanceof Condition.Compare cmp) {
            into.add(cmp.left());
            into.add(cmp.right());
        } else if (c instanceof Condition.Truthy t) {
            into.add(t.operand());
        }
    }

    private static void expression(
            RuntimeExpression e,
            Location at,
            Step step,
            OperationRef op,
            List<Parameter> sent,
            Diagnostics diagnostics) {
        if (e instanceof RuntimeExpression.RequestPath p) {
            requestParameter(e, "path", p.name(), at, step, op, sent, diagnostics);
        } else if (e instanceof RuntimeExpression.RequestQuery q) {
            requestParameter(e, "query", q.name(), at, step, op, sent, diagnostics);
        } else if (e instanceof RuntimeExpression.RequestHeader h) {
            requestParameter(e, "header", h.name(), at, step, op, sent, diagnostics);
        } else if (e instanceof RuntimeExpression.ResponseBody body
                && body.pointer() != null
                && !body.pointer().isRoot()) {
            ResponsePointers.missing(op, body.pointer().tokens())
                    .ifPresent(why ->
                            diagnostics.report(Message.UNKNOWN_RESPONSE_POINTER, at, e.text(), op.display(), why));
        }
    }

    /** EXPR-2: the parameter is one the operation declares or the step sends. */
    private static void requestParameter(
            RuntimeExpression e,
            String in,
            String name,
            Location at,
            Step step,
            OperationRef op,
            List<Parameter> sent,
            Diagnostics diagnostics) {
        boolean header = in.equals("header");
        boolean declared = op.parameter(name, in).isPresent()
                || in.equals("path") && ParameterCheck.pathVariables(op.path()).contains(name);
        boolean given = sent.stream()
                .anyMatch(p -> p.in() != null
                        && p.in().value().equals(in)
                        && (header
                                ? p.name().value().equalsIgnoreCase(name)
                                : p.name().value().equals(name)));
        if (declared
                || given
                || header && name.toLowerCase(Locale.ROOT).equals("content-type") && step.requestBody() != null) {
            return;
        }
        Set<String> known = new LinkedHashSet<>();
        op.parameters().stream().filter(p -> in.equals(p.getIn())).forEach(p -> known.add(p.getName()));
        sent.stream()
                .filter(p -> p.in() != null && p.in().value().equals(in))
                .forEach(p -> known.add(p.name().value()));
        diagnostics.report(
                Message.UNKNOWN_REQUEST_PARAMETER,
                at,
                e.text(),
                in,
                name,
                op.display(),
                step.id(),
                Suggestions.hint(name, known));
    }
}
