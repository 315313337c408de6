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
import dev.weft.compiler.model.Action;
import dev.weft.compiler.model.Criterion;
import dev.weft.compiler.model.Effective;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.AdmittedResponses;
import dev.weft.compiler.resolve.AdmittedResponses.Truth;
import dev.weft.compiler.resolve.OperationRef;
import dev.weft.compiler.resolve.PointerSchemas;
import dev.weft.compiler.resolve.ResolvedDocument;
import dev.weft.runtime.internal.JsonPathQuery;
import dev.weft.runtime.internal.JsonPathSyntaxException;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Enum exhaustiveness, as javac checks a {@code switch}: when a step's actions (its own and the workflow's)
 * branch on a response value whose schema is an enum, each value that no action can match is named with what
 * then happens. A criterion Weft cannot decide for a value counts as matching it, so a warning means that
 * every action surely rejects the value.
 */
final class EnumCheck implements Check {

    /** A response value the actions compare: its place in the body, as first written, and where. */
    private record Subject(List<String> path, String text, Location at) {}

    @Override
    public void check(ResolvedDocument document, Diagnostics diagnostics) {
        for (Workflow workflow : document.document().workflows()) {
            List<Step> steps = workflow.steps();
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                if (step.workflowId() != null) {
                    continue;
                }
                String next = i + 1 < steps.size() ? steps.get(i + 1).id() : null;
                document.target(workflow, step).ifPresent(op -> step(workflow, step, op, next, diagnostics));
            }
        }
    }

    private static void step(Workflow workflow, Step step, OperationRef op, String next, Diagnostics diagnostics) {
        AdmittedResponses admitted = AdmittedResponses.of(op, step.successCriteria());
        String fallThrough = next != null ? Message.FALLS_THROUGH.format(next) : Message.WORKFLOW_ENDS.format();
        actions(
                Effective.onSuccess(workflow, step),
                step.successCriteria(),
                op,
                admitted.responses().values(),
                admitted.codes(),
                step,
                fallThrough,
                Message.UNHANDLED_SUCCESS_VALUE,
                diagnostics);
        actions(
                Effective.onFailure(workflow, step),
                List.of(),
                op,
                AdmittedResponses.all(op).values(),
                null,
                step,
                Message.STEP_FAILS.format(),
                Message.UNHANDLED_FAILURE_VALUE,
                diagnostics);
    }

    /**
     * @param given criteria that hold whenever the actions run (a value they reject never reaches them)
     * @param codes the status codes the response can have, or null when any
     */
    private static void actions(
            List<Action> actions,
            List<Criterion> given,
            OperationRef op,
            Collection<ApiResponse> responses,
            BitSet codes,
            Step step,
            String outcome,
            Message message,
            Diagnostics diagnostics) {
        if (actions.isEmpty() || responses.isEmpty()) {
            return;
        }
        Map<List<String>, Subject> subjects = new LinkedHashMap<>();
        for (Action action : actions) {
            for (Criterion c : action.criteria()) {
                subjects(c, subjects);
            }
        }
        for (Subject subject : subjects.values()) {
            Set<Object> values = values(op, responses, subject.path());
            if (values == null || values.isEmpty()) {
                continue;
            }
            String all = values.stream().map(EnumCheck::text).collect(Collectors.joining(", "));
            for (Object value : values) {
                if (!all(given, subject.path(), value, codes).equals(Truth.FALSE)
                        && !matchesSome(actions, subject.path(), value, codes)) {
                    diagnostics.report(message, subject.at(), text(value), step.id(), outcome, subject.text(), all);
                }
            }
        }
    }

    /** The enum values at {@code path} in every JSON body of these responses; null when one is not an enum. */
    private static Set<Object> values(OperationRef op, Collection<ApiResponse> responses, List<String> path) {
        List<Schema<?>> at = new ArrayList<>();
        for (ApiResponse response : responses) {
            if (response.getContent() == null || response.getContent().isEmpty()) {
                return null; // a response without a body: the value is absent, which no case names
            }
            for (Map.Entry<String, MediaType> media : response.getContent().entrySet()) {
                if (!RequestBodyCheck.isJson(media.getKey())) {
                    continue;
                }
                if (media.getValue().getSchema() == null) {
                    return null;
                }
                List<Schema<?>> found =
                        PointerSchemas.at(op.api(), media.getValue().getSchema(), path);
                if (found == null) {
                    return null;
                }
                at.addAll(found);
            }
        }
        return at.isEmpty() ? null : PointerSchemas.enumValues(op.api(), at);
    }

    private static boolean matchesSome(List<Action> actions, List<String> path, Object value, BitSet codes) {
        for (Action action : actions) {
            if (all(action.criteria(), path, value, codes) != Truth.FALSE) {
                return true;
            }
        }
        return false;
    }

    private static Truth all(List<Criterion> criteria, List<String> path, Object value, BitSet codes) {
        Truth t = Truth.TRUE;
        for (Criterion c : criteria) {
            t = t.and(truth(c, path, value, codes));
        }
        return t;
    }

    // what the criteria compare

    private static void subjects(Criterion c, Map<List<String>, Subject> into) {
        switch (c.typeName()) {
            case "simple" -> {
                ParseResult<Condition> parsed =
                        ConditionParser.parseSimple(c.condition().value());
                if (parsed.ok()) {
                    compared(parsed.value(), null, c, into);
                }
            }
            case "jsonpath" -> {
                List<String> context = bodyPath(c);
                ParseResult<Condition> parsed = dialect(c);
                if (context != null && parsed != null) {
                    compared(parsed.value(), context, c, into);
                }
            }
            case "regex" -> {
                List<String> context = bodyPath(c);
                if (context != null) {
                    into.putIfAbsent(
                            context,
                            new Subject(context, pointer(context), c.context().location()));
                }
            }
            default -> {}
        }
    }

    private static void compared(
            Condition c, List<String> context, Criterion criterion, Map<List<String>, Subject> into) {
        if (c instanceof Condition.Or or) {
            or.operands().forEach(o -> compared(o, context, criterion, into));
        } else if (c instanceof Condition.And and) {
            and.operands().forEach(o -> compared(o, context, criterion, into));
        } else if (c instanceof Condition.Not not) {
            compared(not.operand(), context, criterion, into);
        } else if (c instanceof Condition.Compare cmp) {
            for (Operand side : List.of(cmp.left(), cmp.right())) {
                Operand other = side == cmp.left() ? cmp.right() : cmp.left();
                List<String> path = path(side, context);
                if (path != null && literal(other)) {
                    int offset =
                            side instanceof Operand.Expression e ? e.offset() : ((Operand.ContextPath) side).offset();
                    into.putIfAbsent(
                            path,
                            new Subject(
                                    path,
                                    pointer(path),
                                    criterion.condition().location().shifted(offset)));
                }
            }
        }
    }

    /** The place as a response body expression: {@code $response.body#/status}. */
    private static String pointer(List<String> path) {
        return "$response.body#"
                + path.stream()
                        .map(t -> "/" + t.replace("~", "~0").replace("/", "~1"))
                        .collect(Collectors.joining());
    }

    /** The place in the response body an operand reads: a {@code $response.body} expression or a context path. */
    private static List<String> path(Operand operand, List<String> context) {
        List<String> path = new ArrayList<>();
        List<Operand.Accessor> accessors;
        if (context == null
                && operand instanceof Operand.Expression e
                && e.expression() instanceof RuntimeExpression.ResponseBody body) {
            if (body.pointer() != null) {
                path.addAll(body.pointer().tokens());
            }
            accessors = e.accessors();
        } else if (context != null && operand instanceof Operand.ContextPath p) {
            path.addAll(context);
            accessors = p.accessors();
        } else {
            return null;
        }
        for (Operand.Accessor a : accessors) {
            path.add(
                    a instanceof Operand.Accessor.Member m
                            ? m.name()
                            : Integer.toString(((Operand.Accessor.Index) a).index()));
        }
        return List.copyOf(path);
    }

    private static boolean literal(Operand operand) {
        return operand instanceof Operand.StringLiteral
                || operand instanceof Operand.NumberLiteral
                || operand instanceof Operand.BooleanLiteral
                || operand instanceof Operand.NullLiteral;
    }

    /** The body place a criterion's context reads, or null when its context is not {@code $response.body}. */
    private static List<String> bodyPath(Criterion c) {
        if (c.context() == null) {
            return null;
        }
        var parsed = ExpressionParser.parse(c.context().value());
        if (parsed.ok() && parsed.value() instanceof RuntimeExpression.ResponseBody body) {
            return body.pointer() == null ? List.of() : body.pointer().tokens();
        }
        return null;
    }

    /** A jsonpath condition Weft evaluates as the seeds' comparison dialect (D-7), else null. */
    private static ParseResult<Condition> dialect(Criterion c) {
        if (c.typeVersion() != null && !c.typeVersion().value().equals("rfc9535")) {
            return null;
        }
        try {
            JsonPathQuery.compile(c.condition().value());
            return null; // an RFC 9535 query: passes when it selects something, not decided here
        } catch (JsonPathSyntaxException e) {
            ParseResult<Condition> parsed =
                    ConditionParser.parseContextComparison(c.condition().value());
            return parsed.ok() ? parsed : null;
        }
    }

    // what a criterion says for one value

    private static Truth truth(Criterion c, List<String> path, Object value, BitSet codes) {
        switch (c.typeName()) {
            case "simple" -> {
                ParseResult<Condition> parsed =
                        ConditionParser.parseSimple(c.condition().value());
                return parsed.ok()
                        ? AdmittedResponses.truth(parsed.value(), cmp -> compare(cmp, null, path, value, codes))
                        : Truth.UNKNOWN;
            }
            case "jsonpath" -> {
                List<String> context = bodyPath(c);
                ParseResult<Condition> parsed = dialect(c);
                return context != null && parsed != null
                        ? AdmittedResponses.truth(parsed.value(), cmp -> compare(cmp, context, path, value, codes))
                        : Truth.UNKNOWN;
            }
            case "regex" -> {
                return regex(c, path, value, codes);
            }
            default -> {
                return Truth.UNKNOWN;
            }
        }
    }

    private static Truth regex(Criterion c, List<String> path, Object value, BitSet codes) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(c.condition().value());
        } catch (PatternSyntaxException e) {
            return Truth.UNKNOWN;
        }
        if (path.equals(bodyPath(c))) {
            return Truth.of(pattern.matcher(text(value)).find());
        }
        if (codes != null
                && c.context() != null
                && ExpressionParser.parse(c.context().value()).value() instanceof RuntimeExpression.StatusCode) {
            return over(
                    codes,
                    code -> Truth.of(pattern.matcher(Integer.toString(code)).find()));
        }
        return Truth.UNKNOWN;
    }

    private static Truth compare(
            Condition.Compare cmp, List<String> context, List<String> path, Object value, BitSet codes) {
        if (codes != null && !codes.isEmpty() && AdmittedResponses.status(cmp, codes.nextSetBit(0)) != Truth.UNKNOWN) {
            return over(codes, code -> AdmittedResponses.status(cmp, code));
        }
        boolean left = path.equals(path(cmp.left(), context));
        boolean right = path.equals(path(cmp.right(), context));
        if (left == right) {
            return Truth.UNKNOWN;
        }
        Operand other = left ? cmp.right() : cmp.left();
        if (!literal(other)) {
            return Truth.UNKNOWN;
        }
        Condition.Operator op = left ? cmp.op() : flip(cmp.op());
        Integer order = order(value, other);
        if (op == Condition.Operator.EQ || op == Condition.Operator.NE) {
            boolean eq = order != null && order == 0;
            return Truth.of(op == Condition.Operator.EQ ? eq : !eq);
        }
        if (order == null) {
            return Truth.FALSE; // not comparable: every ordering is false
        }
        return Truth.of(
                switch (op) {
                    case LT -> order < 0;
                    case LE -> order <= 0;
                    case GT -> order > 0;
                    default -> order >= 0;
                });
    }

    /** TRUE or FALSE when the judgement agrees for every code, else UNKNOWN. */
    private static Truth over(BitSet codes, Function<Integer, Truth> judge) {
        Truth seen = null;
        for (int code = codes.nextSetBit(0); code >= 0; code = codes.nextSetBit(code + 1)) {
            Truth t = judge.apply(code);
            if (t == Truth.UNKNOWN || seen != null && seen != t) {
                return Truth.UNKNOWN;
            }
            seen = t;
        }
        return seen == null ? Truth.UNKNOWN : seen;
    }

    private static Condition.Operator flip(Condition.Operator op) {
        return switch (op) {
            case LT -> Condition.Operator.GT;
            case LE -> Condition.Operator.GE;
            case GT -> Condition.Operator.LT;
            case GE -> Condition.Operator.LE;
            default -> op;
        };
    }

    /**
     * How an enum value compares with a literal as the runtime compares them ({@code Conditions}): strings
     * case-insensitively, numbers (and a numeric string facing a number) numerically; null when they do not
     * compare (they are then unequal).
     */
    private static Integer order(Object value, Operand literal) {
        if (literal instanceof Operand.StringLiteral s && value instanceof String v) {
            return v.equals(s.value()) ? 0 : fold(v).compareTo(fold(s.value()));
        }
        if (literal instanceof Operand.NumberLiteral n) {
            BigDecimal v = value instanceof BigDecimal b ? b : number((String) value);
            return v == null ? null : v.compareTo(n.value());
        }
        if (literal instanceof Operand.StringLiteral s && value instanceof BigDecimal v) {
            BigDecimal x = number(s.value());
            return x == null ? null : v.compareTo(x);
        }
        return null;
    }

    private static BigDecimal number(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String text(Object value) {
        return value instanceof BigDecimal b ? b.toPlainString() : value.toString();
    }
}
