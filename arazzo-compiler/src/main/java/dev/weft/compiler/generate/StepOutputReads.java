package dev.weft.compiler.generate;

import dev.weft.compiler.expr.Condition;
import dev.weft.compiler.expr.ExpressionParser;
import dev.weft.compiler.expr.Operand;
import dev.weft.compiler.expr.RuntimeExpression;
import dev.weft.compiler.expr.Template;
import dev.weft.compiler.model.Action;
import dev.weft.compiler.model.Criterion;
import dev.weft.compiler.model.DottedKeys;
import dev.weft.compiler.model.Effective;
import dev.weft.compiler.model.Node;
import dev.weft.compiler.model.Parameter;
import dev.weft.compiler.model.RequestBody;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which step outputs something reads ({@code $steps.<id>.outputs.<name>} in a parameter, a body, a
 * criterion, a workflow output or a read output): only those are recorded, as an output that nothing
 * reads is a field that nothing reads.
 */
final class StepOutputReads {
    private final Workflow workflow;
    private final Set<String> read = new HashSet<>();
    private final Deque<String> pending = new ArrayDeque<>();
    private final Criteria parsed;

    private StepOutputReads(Workflow workflow, Criteria parsed) {
        this.workflow = workflow;
        this.parsed = parsed;
    }

    /** The outputs of {@code workflow}'s steps that are read, as {@link #key} strings. */
    static Set<String> of(Workflow workflow, Criteria parsed) {
        StepOutputReads reads = new StepOutputReads(workflow, parsed);
        for (Step step : workflow.steps()) {
            for (Parameter p : Effective.parameters(workflow, step)) {
                reads.node(p.value());
            }
            RequestBody body = step.requestBody();
            if (body != null) {
                reads.node(body.payload());
                body.replacements().forEach(r -> reads.node(r.value()));
            }
            if (step.correlationId() != null) {
                reads.template(step.correlationId().value());
            }
            reads.criteria(step.successCriteria());
            for (Action action : Effective.onSuccess(workflow, step)) {
                reads.criteria(action.criteria());
                action.parameters().forEach(p -> reads.node(p.value()));
            }
            for (Action action : Effective.onFailure(workflow, step)) {
                reads.criteria(action.criteria());
                action.parameters().forEach(p -> reads.node(p.value()));
            }
        }
        workflow.outputs().values().forEach(text -> reads.template(text.value()));
        // an output read by an output that is read is read too
        Map<String, String> outputs = new HashMap<>();
        for (Step step : workflow.steps()) {
            step.outputs().forEach((name, text) -> outputs.put(key(step.id(), name), text.value()));
        }
        while (!reads.pending.isEmpty()) {
            String text = outputs.get(reads.pending.pop());
            if (text != null) {
                reads.template(text);
            }
        }
        return reads.read;
    }

    static String key(String stepId, String output) {
        return stepId + "\u0000" + output;
    }

    private void node(Node node) {
        if (node instanceof Node.StringNode s) {
            template(s.value());
        } else if (node instanceof Node.MapNode map) {
            map.entries().values().forEach(entry -> node(entry.value()));
        } else if (node instanceof Node.ListNode list) {
            list.items().forEach(this::node);
        }
    }

    private void template(String text) {
        Template template = ExpressionParser.parseTemplate(text, true).value();
        if (template == null) {
            return;
        }
        for (Template.Part part : template.parts()) {
            if (part instanceof Template.Embedded embedded) {
                expression(embedded.expression());
            }
        }
    }

    private void criteria(List<Criterion> criteria) {
        for (Criterion criterion : criteria) {
            Criteria.Parsed parsed = this.parsed.of(criterion);
            if (parsed.context() != null) {
                expression(parsed.context());
            }
            if (parsed.condition() != null) {
                condition(parsed.condition());
            }
            if (parsed.embedded() != null) {
                parsed.embedded().embedded().forEach(e -> expression(e.expression()));
            }
        }
    }

    private void condition(Condition c) {
        if (c instanceof Condition.Or or) {
            or.operands().forEach(this::condition);
        } else if (c instanceof Condition.And and) {
            and.operands().forEach(this::condition);
        } else if (c instanceof Condition.Not not) {
            condition(not.operand());
        } else if (c instanceof Condition.Truthy t) {
            operand(t.operand());
        } else if (c instanceof Condition.Compare cmp) {
            operand(cmp.left());
            operand(cmp.right());
        }
    }

    private void operand(Operand operand) {
        if (operand instanceof Operand.Expression e) {
            expression(e.expression());
        }
    }

    private void expression(RuntimeExpression e) {
        if (e instanceof RuntimeExpression.StepOutput out) {
            workflow.step(out.stepId())
                    .flatMap(step -> DottedKeys.longestDeclared(
                            out.name(), step.outputs().keySet()))
                    .map(declared -> key(out.stepId(), declared))
                    .filter(read::add)
                    .ifPresent(pending::push);
        }
    }
}
