package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.expr.ExpressionError;
import dev.weft.compiler.expr.ExpressionParser;
import dev.weft.compiler.expr.ForeignExpressions;
import dev.weft.compiler.expr.ParseResult;
import dev.weft.compiler.expr.RuntimeExpression;
import dev.weft.compiler.expr.Template;
import dev.weft.compiler.model.ArazzoDocument;
import dev.weft.compiler.model.Effective;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Node;
import dev.weft.compiler.model.Parameter;
import dev.weft.compiler.model.RequestBody;
import dev.weft.compiler.model.Selector;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.ResolvedDocument;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Every runtime expression in values, bodies and outputs parses (EXPR-1), is in scope (EXPR-3) and
 * reads steps, outputs and inputs that exist (EXPR-4, EXPR-5); unbraced ones warn (EXPR-6).
 */
final class ExpressionCheck implements Check {

    @Override
    public void check(ResolvedDocument document, Diagnostics diagnostics) {
        ArazzoDocument doc = document.document();
        for (Workflow workflow : doc.workflows()) {
            References references = new References(document, workflow, diagnostics);
            for (Step step : workflow.steps()) {
                for (Parameter p : Effective.parameters(workflow, step)) {
                    values(p.value(), doc, references, diagnostics);
                }
                RequestBody body = step.requestBody();
                if (body != null) {
                    if (body.payload() != null) {
                        values(body.payload(), doc, references, diagnostics);
                    }
                    body.replacements().forEach(r -> values(r.value(), doc, references, diagnostics));
                }
                if (step.correlationId() != null) {
                    Located<String> id = step.correlationId();
                    values(
                            new Node.StringNode(id.value(), Node.Style.PLAIN, id.location()),
                            doc,
                            references,
                            diagnostics);
                }
                outputs(step.outputs(), Scope.after(step), references, diagnostics);
            }
            outputs(workflow.outputs(), Scope.WORKFLOW_OUTPUTS, references, diagnostics);
        }
    }

    /**
     * The rules a value obeys wherever it is used, for a component parameter nobody references: its
     * expressions parse (what they read is checked where it is used).
     */
    static void syntax(Parameter p, Diagnostics diagnostics) {
        if (p.selector() != null) {
            single(p.selector().context(), diagnostics);
        } else {
            values(p.value(), null, null, diagnostics);
        }
    }

    /**
     * Strings at any depth of a value are templates; keys are never evaluated. Of a 1.1 Selector Object only the
     * {@code context} is an expression (its {@code selector} is checked by {@link SelectorCheck}).
     */
    private static void values(Node value, ArazzoDocument doc, References references, Diagnostics diagnostics) {
        Selector selector = doc == null ? null : doc.selector(value);
        if (selector != null) {
            RuntimeExpression context = single(selector.context(), diagnostics);
            if (context != null && references != null) {
                references.check(context, selector.context().location(), Scope.REQUEST, false);
            }
        } else if (value instanceof Node.StringNode s) {
            template(s, references, diagnostics);
        } else if (value instanceof Node.MapNode map) {
            map.entries().values().forEach(e -> values(e.value(), doc, references, diagnostics));
        } else if (value instanceof Node.ListNode list) {
            list.items().forEach(item -> values(item, doc, references, diagnostics));
        }
    }

    private static void template(Node.StringNode s, References references, Diagnostics diagnostics) {
        ParseResult<Template> result = ExpressionParser.parseTemplate(s.value(), true);
        report(result.errors(), s::at, diagnostics);
        if (!result.ok()) {
            return;
        }
        Template template = result.value();
        foreign(s, diagnostics);
        for (Template.Part part : template.parts()) {
            if (part instanceof Template.Embedded e) {
                if (references != null) {
                    references.check(e.expression(), s.at(e.offset()), Scope.REQUEST, false);
                }
                if (!e.braced() && !template.isSingleExpression()) {
                    diagnostics.report(
                            Message.BARE_EXPRESSION,
                            s.at(e.offset()),
                            e.expression().text());
                }
            }
        }
    }

    /** Other tools' expressions are text by the spec: Weft sends them as written, and says so (a dialect). */
    private static void foreign(Node.StringNode s, Diagnostics diagnostics) {
        for (ForeignExpressions.Found f : ForeignExpressions.in(s.value())) {
            String fix = f.suggestion() == null
                    ? ""
                    : Message.DID_YOU_MEAN.format(f.text().replaceFirst("\\$" + f.root(), "\\$" + f.suggestion()));
            if (ForeignExpressions.TOOL_ROOTS.contains(f.root())) {
                diagnostics.report(Message.RESPECT_EXPRESSION, s.at(f.offset()), f.text(), fix);
            } else {
                diagnostics.report(Message.FOREIGN_EXPRESSION, s.at(f.offset()), f.text(), f.root(), fix);
            }
        }
    }

    private static void outputs(
            Map<String, Located<String>> outputs, Scope scope, References references, Diagnostics diagnostics) {
        for (Map.Entry<String, Located<String>> output : outputs.entrySet()) {
            Located<String> text = output.getValue();
            RuntimeExpression expression = single(text, diagnostics);
            if (expression != null) {
                references.check(expression, text.location(), scope, false);
            }
        }
    }

    /** Parses a value that must be exactly one expression; null (reported) when it is not. */
    static RuntimeExpression single(Located<String> text, Diagnostics diagnostics) {
        ParseResult<RuntimeExpression> result = ExpressionParser.parse(text.value());
        report(result.errors(), offset -> text.location().shifted(offset), diagnostics);
        return result.ok() ? result.value() : null;
    }

    static void report(List<ExpressionError> errors, IntFunction<Location> at, Diagnostics diagnostics) {
        for (ExpressionError error : errors) {
            diagnostics.report(Message.MALFORMED_EXPRESSION, at.apply(error.offset()), error.message());
        }
    }
}
