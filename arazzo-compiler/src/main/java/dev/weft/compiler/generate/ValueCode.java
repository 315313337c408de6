package dev.weft.compiler.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import dev.weft.compiler.check.GoessnerJsonPath;
import dev.weft.compiler.check.XPathVersions;
import dev.weft.compiler.expr.ExpressionParser;
import dev.weft.compiler.expr.JsonPointer;
import dev.weft.compiler.expr.RuntimeExpression;
import dev.weft.compiler.expr.Template;
import dev.weft.compiler.model.ArazzoDocument;
import dev.weft.compiler.model.ArazzoVersion;
import dev.weft.compiler.model.DottedKeys;
import dev.weft.compiler.model.InputSchema;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Node;
import dev.weft.compiler.model.Selector;
import dev.weft.compiler.model.SourceDescription;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.names.JavaNames;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Code for values: runtime expressions, string templates and JSON payloads, each as a Java
 * expression of type {@code JsonNode} (null meaning absent). Checks have passed, so every
 * expression here parses and names what exists.
 */
final class ValueCode {
    private final Workflow workflow;
    private final WorkflowNames names;
    private final InputSchema inputs;
    private final Budget budget;
    private final ClassConstants constants;
    private final ArazzoDocument document;
    /** The step output fields read since {@link #trackReads}, or null when reads are not tracked. */
    private Set<String> reads;
    /** Whether anything read since {@link #trackReads} may change in an execution beyond the step outputs. */
    private boolean readsMore;

    ValueCode(
            Workflow workflow, WorkflowNames names, Budget budget, ClassConstants constants, ArazzoDocument document) {
        this.workflow = workflow;
        this.names = names;
        this.inputs = InputSchema.of(workflow);
        this.budget = budget;
        this.constants = constants;
        this.document = document;
    }

    /** Starts tracking what the values generated from now on read. */
    void trackReads() {
        reads = new LinkedHashSet<>();
        readsMore = false;
    }

    /**
     * Stops tracking reads: the step output fields the values generated since {@link #trackReads} read, in the
     * order first read, or null when they also read something else that may change within an execution (another
     * run's values, an exchange); literals, {@code $inputs}, the document's own fields and what a selector selects
     * in one of those do not.
     */
    Set<String> trackedReads() {
        Set<String> read = readsMore ? null : reads;
        reads = null;
        return read;
    }

    /** The version of the document the workflow is in. */
    ArazzoVersion arazzo() {
        return document.version();
    }

    /**
     * The value a Selector Object selects (SEL-1): its selector, compiled once into a constant (a JSON Pointer is a
     * literal), applied to its context's value.
     */
    CodeBlock selector(Selector selector) {
        budget.add(2);
        RuntimeExpression e = ExpressionParser.parse(selector.context().value()).value();
        CodeBlock context = expression(e);
        String text = selector.selector().value();
        Located<String> version = selector.type().version();
        return switch (selector.type().name()) {
            case "jsonpath" -> {
                String query = version != null && !version.value().equals("rfc9535")
                        ? GoessnerJsonPath.toRfc9535(text).orElseThrow()
                        : text;
                yield CodeBlock.of(
                        "$T.jsonPath($L,$W$N)",
                        RuntimeTypes.SELECTORS,
                        context,
                        constants.jsonPath(query, Hints.of(e)));
            }
            case "jsonpointer" ->
                CodeBlock.of("$T.jsonPointer($L,$W$L)", RuntimeTypes.SELECTORS, context, Literals.of(text));
            default ->
                CodeBlock.of(
                        "$T.xpath($L,$W$N)",
                        RuntimeTypes.SELECTORS,
                        context,
                        constants.selectorXPath(
                                text, XPathVersions.evaluated(version, document.version()), Hints.of(e)));
        };
    }

    /** The value of one runtime expression. */
    CodeBlock expression(RuntimeExpression e) {
        String ex = WorkflowNames.EXCHANGE;
        if (!(e instanceof RuntimeExpression.Input
                || e instanceof RuntimeExpression.StepOutput
                || e instanceof RuntimeExpression.Self
                || e instanceof RuntimeExpression.SourceDescriptionRef)) {
            readsMore = true;
        }
        if (e instanceof RuntimeExpression.StatusCode) {
            return CodeBlock.of("$N.statusCodeNode()", ex);
        } else if (e instanceof RuntimeExpression.Url) {
            return CodeBlock.of("$N.urlNode()", ex);
        } else if (e instanceof RuntimeExpression.Method) {
            return CodeBlock.of("$N.methodNode()", ex);
        } else if (e instanceof RuntimeExpression.Self) {
            // Arazzo 1.1: the document's $self, else the URI it was read from (the checks warn)
            String self = document.self() != null
                    ? document.self().value()
                    : document.file().toUri().toString();
            return CodeBlock.of("$T.of($L)", RuntimeTypes.VALUES, Literals.of(self));
        } else if (e instanceof RuntimeExpression.SourceDescriptionRef s) {
            // Arazzo 1.1: a field of the Source Description Object (the checks let no operationId through)
            SourceDescription source = document.source(s.source()).orElseThrow();
            String value = switch (s.rest()) {
                case "name" -> source.name().value();
                case "url" -> source.url().value();
                case "type" -> source.type() != null ? source.type().value() : "openapi";
                default -> throw new IllegalStateException("checks let through " + s.text());
            };
            return CodeBlock.of("$T.of($L)", RuntimeTypes.VALUES, Literals.of(value));
        } else if (e instanceof RuntimeExpression.RequestHeader h) {
            return CodeBlock.of("$N.requestHeader($L)", ex, Literals.of(h.name()));
        } else if (e instanceof RuntimeExpression.RequestQuery q) {
            return CodeBlock.of("$N.requestQuery($L)", ex, Literals.of(q.name()));
        } else if (e instanceof RuntimeExpression.RequestPath p) {
            return CodeBlock.of("$N.requestPath($L)", ex, Literals.of(p.name()));
        } else if (e instanceof RuntimeExpression.RequestBody b) {
            return b.pointer() == null || b.pointer().isRoot()
                    ? CodeBlock.of("$N.requestBody()", ex)
                    : CodeBlock.of(
                            "$N.requestBody($L)", ex, Literals.of(b.pointer().toString()));
        } else if (e instanceof RuntimeExpression.ResponseHeader h) {
            return CodeBlock.of("$N.responseHeader($L)", ex, Literals.of(h.name()));
        } else if (e instanceof RuntimeExpression.ResponseBody b) {
            return b.pointer() == null || b.pointer().isRoot()
                    ? CodeBlock.of("$N.responseBody()", ex)
                    : CodeBlock.of(
                            "$N.responseBody($L)", ex, Literals.of(b.pointer().toString()));
        } else if (e instanceof RuntimeExpression.MessageHeader h) {
            return CodeBlock.of("$N.messageHeader($L)", ex, Literals.of(h.name()));
        } else if (e instanceof RuntimeExpression.MessagePayload b) {
            return b.pointer() == null || b.pointer().isRoot()
                    ? CodeBlock.of("$N.messagePayload()", ex)
                    : CodeBlock.of(
                            "$N.messagePayload($L)", ex, Literals.of(b.pointer().toString()));
        } else if (e instanceof RuntimeExpression.Input in) {
            String declared = DottedKeys.longestDeclared(
                            in.name(), inputs.properties().keySet())
                    .orElse(in.name());
            CodeBlock base = CodeBlock.of("$N.get($L)", WorkflowNames.IN, Literals.of(declared));
            return pointer(members(base, rest(in.name(), declared)), in.pointer());
        } else if (e instanceof RuntimeExpression.Output out) {
            return pointer(CodeBlock.of("$N.output($L)", WorkflowNames.CALL, Literals.of(out.name())), out.pointer());
        } else if (e instanceof RuntimeExpression.WorkflowValue w) {
            String method =
                    w.kind() == RuntimeExpression.WorkflowValue.Kind.INPUTS ? "workflowInput" : "workflowOutput";
            return pointer(
                    CodeBlock.of(
                            "$N.$N($L, $L)",
                            WorkflowNames.RUN,
                            method,
                            Literals.of(w.workflowId()),
                            Literals.of(w.name())),
                    w.pointer());
        } else if (e instanceof RuntimeExpression.StepOutput out) {
            var step = workflow.step(out.stepId()).orElseThrow();
            String declared = DottedKeys.longestDeclared(
                            out.name(), step.outputs().keySet())
                    .orElseThrow();
            String field = names.outputField(out.stepId(), declared);
            if (field == null) {
                throw new IllegalStateException("step output " + out.text() + " is read but was not recorded");
            }
            if (reads != null) {
                reads.add(field);
            }
            CodeBlock base = CodeBlock.of("$N", field);
            return pointer(members(base, rest(out.name(), declared)), out.pointer());
        }
        throw new IllegalStateException("checks let through an unsupported expression: " + e.text());
    }

    /** The value of a string that may embed expressions; {@code where} names it in runtime errors. */
    CodeBlock template(String text, String where) {
        Template template = ExpressionParser.parseTemplate(text, true).value();
        budget.add(
                template.isSingleExpression() || template.isLiteral()
                        ? 1
                        : template.parts().size() + 1);
        if (template.isLiteral()) {
            return CodeBlock.of("$T.of($L)", RuntimeTypes.VALUES, Literals.of(text));
        }
        if (template.isSingleExpression()) {
            return expression(((Template.Embedded) template.parts().get(0)).expression());
        }
        List<CodeBlock> parts = new ArrayList<>();
        parts.add(Literals.of(where));
        for (Template.Part part : template.parts()) {
            if (part instanceof Template.Literal literal) {
                parts.add(Literals.of(literal.text()));
            } else {
                parts.add(expression(((Template.Embedded) part).expression()));
            }
        }
        return CodeBlock.of("$T.interpolate($L)", RuntimeTypes.VALUES, CodeBlock.join(parts, ",$W"));
    }

    /**
     * The value of any JSON node: scalars inline, objects and arrays built by statements added to
     * {@code body} into fresh locals. Object keys are never evaluated; strings at any depth are.
     */
    CodeBlock value(Node node, String where, CodeBlock.Builder body, Locals locals) {
        return value(node, where, body, locals, "body");
    }

    /** As {@link #value(Node, String, CodeBlock.Builder, Locals)}, naming the locals after {@code hint}. */
    CodeBlock value(Node node, String where, CodeBlock.Builder body, Locals locals, String hint) {
        Selector selector = document.selector(node);
        if (selector != null) {
            return selector(selector);
        }
        if (node instanceof Node.StringNode s) {
            return template(s.value(), where);
        }
        budget.add(1);
        if (node instanceof Node.NumberNode n) {
            return number(n.value());
        } else if (node instanceof Node.BooleanNode b) {
            return CodeBlock.of("$T.of($L)", RuntimeTypes.VALUES, b.value() ? "Boolean.TRUE" : "Boolean.FALSE");
        } else if (node instanceof Node.NullNode) {
            return CodeBlock.of("$T.getInstance()", RuntimeTypes.NULL_NODE);
        } else if (node instanceof Node.MapNode map) {
            String var = locals.next(hint);
            body.addStatement("$T $N = $T.object()", RuntimeTypes.OBJECT_NODE, var, RuntimeTypes.VALUES);
            for (Node.Entry entry : map.entries().values()) {
                CodeBlock member = value(entry.value(), where, body, locals, entry.key());
                body.addStatement("$T.put($N, $L,$W$L)", RuntimeTypes.VALUES, var, Literals.of(entry.key()), member);
            }
            return CodeBlock.of("$N", var);
        }
        Node.ListNode list = (Node.ListNode) node;
        String var = locals.next(hint);
        body.addStatement("$T $N = $T.array()", RuntimeTypes.ARRAY_NODE, var, RuntimeTypes.VALUES);
        for (int i = 0; i < list.items().size(); i++) {
            CodeBlock item = value(list.items().get(i), where, body, locals, var + i);
            body.addStatement("$T.add($N, $L)", RuntimeTypes.VALUES, var, item);
        }
        return CodeBlock.of("$N", var);
    }

    /**
     * A number: a long when the value is integral and fits, else a double when one holds it exactly, else
     * the exact decimal (beyond a double's range, {@code 1e400} would print as {@code Infinity}).
     */
    static CodeBlock number(BigDecimal value) {
        try {
            return CodeBlock.of("$T.of($LL)", RuntimeTypes.VALUES, value.longValueExact());
        } catch (ArithmeticException notALong) {
            double d = value.doubleValue();
            if (Double.isFinite(d) && new BigDecimal(Double.toString(d)).compareTo(value) == 0) {
                return CodeBlock.of("$T.of($L)", RuntimeTypes.VALUES, Double.toString(d));
            }
            return CodeBlock.of(
                    "$T.ofObject(new $T($L))", RuntimeTypes.VALUES, BigDecimal.class, Literals.of(value.toString()));
        }
    }

    private static CodeBlock pointer(CodeBlock base, JsonPointer pointer) {
        if (pointer == null || pointer.isRoot()) {
            return base;
        }
        return CodeBlock.of("$T.at($L, $L)", RuntimeTypes.VALUES, base, Literals.of(pointer.toString()));
    }

    /** Members after a declared name: one call, however many, since javac reads nested calls recursively. */
    private static CodeBlock members(CodeBlock base, List<String> rest) {
        if (rest.isEmpty()) {
            return base;
        }
        if (rest.size() == 1) {
            return CodeBlock.of("$T.member($L, $L)", RuntimeTypes.VALUES, base, Literals.of(rest.get(0)));
        }
        return CodeBlock.of("$T.dotted($L, $L)", RuntimeTypes.VALUES, base, Literals.of(String.join(".", rest)));
    }

    private static List<String> rest(String key, String declared) {
        if (key.equals(declared)) {
            return List.of();
        }
        return List.of(key.substring(declared.length() + 1).split("\\.", -1));
    }

    /** Fresh local variable names within one method. */
    static final class Locals {
        private final NameAllocator allocator = new NameAllocator();

        /** Locals that shadow none of {@code fields} (the members of the class) nor {@code reserved}. */
        Locals(Collection<String> fields, String... reserved) {
            Set<String> taken = new LinkedHashSet<>(fields);
            taken.addAll(List.of(reserved));
            taken.forEach(name -> allocator.newName(name, name));
        }

        /** A fresh name derived from {@code hint} (a JSON key, say), made a legal, unused identifier. */
        String next(String hint) {
            return allocator.newName(JavaNames.memberName(hint));
        }
    }
}
