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
import dev.weft.compiler.resolve.AdmittedResponses;
import dev.weft.compiler.resolve.OperationRef;
import dev.weft.compiler.resolve.ResolvedDocument;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an operation step reads of its own HTTP exchange: {@code $request.path|query|header.<n>}
 * names a parameter of the call (EXPR-2), and a {@code $response.body} pointer leads somewhere in
 * the schemas of the responses it can be read from (those the success criteria admit, except in failure
 * actions), which declare content; a success criterion tests for a status the operation declares.
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

    /**
     * What the step reads of the responses it can get: outputs, success criteria and success actions read
     * the responses its success criteria admit; failure actions read any response.
     */
    private record Reads(OperationRef op, Collection<ApiResponse> responses, String bodiless, List<Parameter> sent) {}

    private static void step(Workflow workflow, Step step, OperationRef op, Diagnostics diagnostics) {
        AdmittedResponses admitted = AdmittedResponses.of(op, step.successCriteria());
        Map<String, ApiResponse> all = AdmittedResponses.all(op);
        statusCodes(step, op, all, diagnostics);
        List<Parameter> sent = Effective.parameters(workflow, step);
        boolean noContent = !admitted.responses().isEmpty()
                && admitted.responses().values().stream()
                        .allMatch(r -> r.getContent() == null || r.getContent().isEmpty());
        Reads success = new Reads(
                op,
                admitted.responses().values(),
                noContent ? AdmittedResponses.describe(admitted.responses().keySet()) : null,
                sent);
        Reads failure = new Reads(op, all.values(), null, sent);
        List<Criterion> succeeding = new ArrayList<>(step.successCriteria());
        for (Action a : Effective.onSuccess(workflow, step)) {
            succeeding.addAll(a.criteria());
        }
        List<Criterion> failing = new ArrayList<>();
        for (Action a : Effective.onFailure(workflow, step)) {
            failing.addAll(a.criteria());
        }
        succeeding.forEach(c -> criterion(c, step, success, diagnostics));
        failing.forEach(c -> criterion(c, step, failure, diagnostics));
        for (Located<String> output : step.outputs().values()) {
            single(output, step, success, diagnostics);
        }
    }

    /**
     * Item 2 of issue 13: a success criterion that admits only status codes the operation declares no response
     * for (no exact code, range or default) tests for a status the description says never comes.
     */
    private static void statusCodes(Step step, OperationRef op, Map<String, ApiResponse> all, Diagnostics diagnostics) {
        if (all.isEmpty() || all.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("default"))) {
            return;
        }
        for (Criterion c : step.successCriteria()) {
            BitSet codes = AdmittedResponses.codes(c);
            if (codes.cardinality() == AdmittedResponses.MAX - AdmittedResponses.MIN) {
                continue; // the criterion does not test the status
            }
            boolean declared = false;
            for (int code = codes.nextSetBit(0); code >= 0 && !declared; code = codes.nextSetBit(code + 1)) {
                int status = code;
                declared = all.keySet().stream().anyMatch(k -> AdmittedResponses.covers(k, status));
            }
            if (!declared) {
                diagnostics.report(
                        Message.UNDECLARED_STATUS,
                        c.condition().location(),
                        c.condition().value(),
                        step.id(),
                        operation(op),
                        AdmittedResponses.describe(all.keySet()));
            }
        }
    }

    /** The operation as messages name it: {@code operation 'UpdateWorkflow'}, else its method and path. */
    static String operation(OperationRef op) {
        return op.operationId() != null ? "operation '" + op.operationId() + "'" : op.display();
    }

    private static void criterion(Criterion c, Step step, Reads reads, Diagnostics diagnostics) {
        if (c.context() != null) {
            single(c.context(), step, reads, diagnostics);
        }
        ParseResult<Condition> parsed = switch (c.typeName()) {
            case "simple" -> ConditionParser.parseSimple(c.condition().value());
            case "jsonpath" ->
                ConditionParser.parseContextComparison(c.condition().value());
            default -> null;
        };
        if (parsed != null && parsed.ok()) {
            visit(parsed.value(), c.condition().location(), step, reads, diagnostics);
        }
    }

    private static void single(Located<String> text, Step step, Reads reads, Diagnostics diagnostics) {
        ParseResult<RuntimeExpression> parsed = ExpressionParser.parse(text.value());
        if (parsed.ok()) {
            expression(parsed.value(), text.location(), step, reads, diagnostics);
        }
    }

    private static void visit(Condition c, Location at, Step step, Reads reads, Diagnostics diagnostics) {
        List<Operand> operands = new ArrayList<>();
        operands(c, operands);
        for (Operand operand : operands) {
            if (operand instanceof Operand.Expression e) {
                expression(e.expression(), at.shifted(e.offset()), step, reads, diagnostics);
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

    private static void expression(RuntimeExpression e, Location at, Step step, Reads reads, Diagnostics diagnostics) {
        OperationRef op = reads.op();
        List<Parameter> sent = reads.sent();
        if (e instanceof RuntimeExpression.RequestPath p) {
            requestParameter(e, "path", p.name(), at, step, op, sent, diagnostics);
        } else if (e instanceof RuntimeExpression.RequestQuery q) {
            requestParameter(e, "query", q.name(), at, step, op, sent, diagnostics);
        } else if (e instanceof RuntimeExpression.RequestHeader h) {
            requestParameter(e, "header", h.name(), at, step, op, sent, diagnostics);
        } else if (e instanceof RuntimeExpression.ResponseBody && reads.bodiless() != null) {
            diagnostics.report(Message.NO_RESPONSE_CONTENT, at, e.text(), step.id(), reads.bodiless());
        } else if (e instanceof RuntimeExpression.ResponseBody body
                && body.pointer() != null
                && !body.pointer().isRoot()) {
            ResponsePointers.missing(op, reads.responses(), body.pointer().tokens())
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
