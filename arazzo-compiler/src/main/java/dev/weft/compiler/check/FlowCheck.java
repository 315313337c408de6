package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.expr.Condition;
import dev.weft.compiler.expr.ConditionParser;
import dev.weft.compiler.expr.ExpressionParser;
import dev.weft.compiler.expr.Operand;
import dev.weft.compiler.expr.ParseResult;
import dev.weft.compiler.expr.RuntimeExpression;
import dev.weft.compiler.expr.Template;
import dev.weft.compiler.model.Action;
import dev.weft.compiler.model.ArazzoVersion;
import dev.weft.compiler.model.Criterion;
import dev.weft.compiler.model.Effective;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Node;
import dev.weft.compiler.model.Parameter;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.ResolvedDocument;
import dev.weft.compiler.resolve.StepOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Control flow (EXPR-4, D-47, D-48): steps no path reaches, {@code $steps} outputs read where the step
 * may not (or cannot) have run yet, and loops of unconditional gotos that never end.
 */
final class FlowCheck implements Check {

    /** A {@code $steps.<id>} read inside a step, and whether it is read before the step's own call. */
    private record Read(String stepId, Location at, boolean beforeCall) {}

    @Override
    public void check(ResolvedDocument document, Diagnostics diagnostics) {
        for (Workflow workflow : document.document().workflows()) {
            if (workflow.steps().isEmpty()) {
                continue;
            }
            StepGraph graph = new StepGraph(workflow);
            Set<Integer> reportedCycles = new HashSet<>();
            for (int i = 0; i < workflow.steps().size(); i++) {
                Step step = workflow.steps().get(i);
                if (!graph.isReachable(i)) {
                    diagnostics.report(Message.UNREACHABLE_STEP, step.stepId().location(), step.id());
                    continue;
                }
                boolean forwardIsError =
                        document.document().version().atLeast(ArazzoVersion.V1_1) && !StepOrder.declares(workflow);
                for (Read read : reads(workflow, step)) {
                    order(workflow, graph, i, read, forwardIsError, diagnostics);
                }
                List<Integer> cycle = graph.unconditionalCycle(i);
                if (!cycle.isEmpty()
                        && reportedCycles.add(
                                cycle.stream().mapToInt(Integer::intValue).min().orElse(i))) {
                    List<String> ids = cycle.stream()
                            .map(n -> workflow.steps().get(n).id())
                            .toList();
                    diagnostics.report(
                            Message.ENDLESS_LOOP,
                            step.stepId().location(),
                            step.id() + " -> " + String.join(" -> ", ids));
                }
            }
        }
    }

    /**
     * @param forwardIsError a 1.1 workflow without step dependsOn: a read of a later step that never runs before
     *     the reader is the forward reference 1.1 §Step Dependencies says to report as an error
     */
    private static void order(
            Workflow workflow,
            StepGraph graph,
            int reader,
            Read read,
            boolean forwardIsError,
            Diagnostics diagnostics) {
        int writer = graph.index(read.stepId());
        if (writer < 0) {
            return; // unknown-step is reported by the expression checks
        }
        Step step = workflow.steps().get(reader);
        if (writer == reader) {
            if (read.beforeCall() && !graph.mayRunBefore(reader, reader)) {
                diagnostics.report(Message.OWN_OUTPUT_BEFORE_CALL, read.at(), step.id());
            }
            return;
        }
        if (graph.alwaysRunsBefore(writer, reader)) {
            return;
        }
        if (graph.mayRunBefore(writer, reader)) {
            diagnostics.report(Message.OUTPUT_MAY_BE_ABSENT, read.at(), read.stepId(), step.id());
        } else if (forwardIsError && writer > reader) {
            diagnostics.report(Message.FORWARD_STEP_REFERENCE, read.at(), step.id(), read.stepId());
        } else {
            diagnostics.report(Message.OUTPUT_ALWAYS_ABSENT, read.at(), read.stepId(), step.id());
        }
    }

    private static List<Read> reads(Workflow workflow, Step step) {
        List<Read> reads = new ArrayList<>();
        for (Parameter p : Effective.parameters(workflow, step)) {
            values(p.value(), reads);
        }
        if (step.requestBody() != null && step.requestBody().payload() != null) {
            values(step.requestBody().payload(), reads);
        }
        List<Criterion> criteria = new ArrayList<>(step.successCriteria());
        for (Action a : Effective.onSuccess(workflow, step)) {
            criteria.addAll(a.criteria());
        }
        for (Action a : Effective.onFailure(workflow, step)) {
            criteria.addAll(a.criteria());
        }
        for (Criterion c : criteria) {
            condition(c, reads);
        }
        for (Located<String> output : step.outputs().values()) {
            ParseResult<RuntimeExpression> e = ExpressionParser.parse(output.value());
            if (e.ok()) {
                add(e.value(), output.location(), false, reads);
            }
        }
        return reads;
    }

    private static void values(Node value, List<Read> reads) {
        if (value instanceof Node.StringNode s) {
            ParseResult<Template> t = ExpressionParser.parseTemplate(s.value(), true);
            if (t.ok()) {
                for (Template.Part part : t.value().parts()) {
                    if (part instanceof Template.Embedded e) {
                        add(e.expression(), s.at(e.offset()), true, reads);
                    }
                }
            }
        } else if (value instanceof Node.MapNode map) {
            map.entries().values().forEach(e -> values(e.value(), reads));
        } else if (value instanceof Node.ListNode list) {
            list.items().forEach(item -> values(item, reads));
        }
    }

    private static void condition(Criterion criterion, List<Read> reads) {
        String text = criterion.condition().value();
        ParseResult<Condition> parsed = criterion.typeName().equals("jsonpath")
                ? ConditionParser.parseContextComparison(text)
                : criterion.typeName().equals("simple") ? ConditionParser.parseSimple(text) : null;
        if (parsed != null && parsed.ok()) {
            visit(parsed.value(), criterion.condition().location(), reads);
        }
    }

    private static void visit(Condition c, Location at, List<Read> reads) {
        if (c instanceof Condition.Or or) {
            or.operands().forEach(o -> visit(o, at, reads));
        } else if (c instanceof Condition.And and) {
            and.operands().forEach(o -> visit(o, at, reads));
        } else if (c instanceof Condition.Not not) {
            visit(not.operand(), at, reads);
        } else if (c instanceof Condition.Compare cmp) {
            operand(cmp.left(), at, reads);
            operand(cmp.right(), at, reads);
        } else if (c instanceof Condition.Truthy t) {
            operand(t.operand(), at, reads);
        }
    }

    private static void operand(Operand operand, Location at, List<Read> reads) {
        if (operand instanceof Operand.Expression e) {
            add(e.expression(), at.shifted(e.offset()), false, reads);
        }
    }

    private static void add(RuntimeExpression e, Location at, boolean beforeCall, List<Read> reads) {
        if (e instanceof RuntimeExpression.StepOutput out) {
            reads.add(new Read(out.stepId(), at, beforeCall));
        }
    }
}
