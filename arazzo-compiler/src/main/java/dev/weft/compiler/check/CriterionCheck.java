package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.diagnostic.Suggestions;
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
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.ResolvedDocument;
import dev.weft.runtime.internal.JsonPathQuery;
import dev.weft.runtime.internal.JsonPathSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Criteria parse at build time and read what exists (CRIT-1..9); the seed JSONPath dialect warns (D-7). */
final class CriterionCheck implements Check {
    private static final List<String> JSONPATH_VERSIONS = List.of("draft-goessner-dispatch-jsonpath-00");
    private static final List<String> XPATH_VERSIONS = List.of("xpath-30", "xpath-20", "xpath-10");
    /** Arazzo 1.1 adds RFC 9535 JSONPath and XPath 3.1 (its default) as Expression Type Object versions. */
    private static final List<String> JSONPATH_VERSIONS_1_1 = List.of("rfc9535", "draft-goessner-dispatch-jsonpath-00");

    private static final List<String> XPATH_VERSIONS_1_1 = List.of("xpath-31", "xpath-30", "xpath-20", "xpath-10");

    @Override
    public void check(ResolvedDocument document, Diagnostics diagnostics) {
        for (Workflow workflow : document.document().workflows()) {
            References references = new References(document, workflow, diagnostics);
            ArazzoVersion version = document.document().version();
            for (Step step : workflow.steps()) {
                Scope scope = Scope.after(step);
                List<Criterion> own = new ArrayList<>(step.successCriteria());
                step.onSuccess().forEach(a -> own.addAll(a.criteria()));
                step.onFailure().forEach(a -> own.addAll(a.criteria()));
                own.forEach(c -> check(c, scope, references, version, diagnostics));
            }
            List<Criterion> shared = new ArrayList<>();
            for (Action a : workflow.successActions()) {
                shared.addAll(a.criteria());
            }
            for (Action a : workflow.failureActions()) {
                shared.addAll(a.criteria());
            }
            shared.forEach(c -> check(c, Scope.ANY_RESULT, references, version, diagnostics));
        }
    }

    /**
     * The rules a criterion obeys wherever it is used, for a component action nobody references: its
     * condition parses as its type (what it reads is checked where it is used).
     */
    static void syntax(Criterion criterion, ArazzoVersion version, Diagnostics diagnostics) {
        check(criterion, Scope.ANY_RESULT, null, version, diagnostics);
    }

    /** @param references checks what the criterion reads; null for a component no workflow uses */
    private static void check(
            Criterion criterion, Scope scope, References references, ArazzoVersion version, Diagnostics diagnostics) {
        Located<String> condition = criterion.condition();
        if (criterion.typeVersion() != null && !knownVersion(criterion, version, diagnostics)) {
            return;
        }
        if (criterion.type() != null && criterion.context() == null) {
            String hint = criterion.typeName().equals("simple") ? Message.OR_REMOVE_SIMPLE_TYPE.format() : "";
            diagnostics.report(
                    Message.CRITERION_WITHOUT_CONTEXT, criterion.type().location(), criterion.typeName(), hint);
            return;
        }
        if (criterion.context() != null) {
            RuntimeExpression context = ExpressionCheck.single(criterion.context(), diagnostics);
            if (context != null && references != null) {
                references.check(context, criterion.context().location(), scope, false);
            }
        }
        if (embeds(criterion, scope, references, diagnostics)) {
            if (criterion.typeName().equals("xpath")) {
                XPathVersions.engine(criterion.typeVersion(), version, diagnostics);
            }
            return;
        }
        switch (criterion.typeName()) {
            case "simple" -> simple(condition, scope, references, diagnostics);
            case "regex" -> regex(condition, diagnostics);
            case "jsonpath" -> {
                if (criterion.typeVersion() != null
                        && !criterion.typeVersion().value().equals("rfc9535")) {
                    goessner(criterion, diagnostics);
                } else {
                    jsonPath(criterion, scope, references, diagnostics);
                }
            }
            case "xpath" ->
                XPathVersions.check(condition, criterion.typeVersion(), version, Message.MALFORMED_XPATH, diagnostics);
            default ->
                diagnostics.report(
                        Message.UNSUPPORTED_CRITERION_TYPE, criterion.type().location(), criterion.typeName());
        }
    }

    /**
     * Expressions embedded as {@code {$...}} in a regex, RFC 9535 JSONPath or XPath condition (Arazzo 1.1
     * §Runtime Expressions in Conditions): each parses and reads what exists where the criterion stands. The text
     * they make is known only at run time, where a text that does not compile fails the condition (1.1), so it is
     * not compiled here: any placeholder could turn a good condition into a false error.
     *
     * @return whether the condition embeds expressions (or tries to), so that its text is not compiled here
     */
    private static boolean embeds(Criterion criterion, Scope scope, References references, Diagnostics diagnostics) {
        String type = criterion.typeName();
        boolean goessner = type.equals("jsonpath")
                && criterion.typeVersion() != null
                && !criterion.typeVersion().value().equals("rfc9535");
        if (!(type.equals("regex") || type.equals("jsonpath") || type.equals("xpath")) || goessner) {
            return false;
        }
        Located<String> condition = criterion.condition();
        ParseResult<Template> parsed = ExpressionParser.parseEmbedded(condition.value(), type.equals("regex"));
        ExpressionCheck.report(parsed.errors(), offset -> condition.location().shifted(offset), diagnostics);
        if (!parsed.ok()) {
            return true;
        }
        if (parsed.value().isLiteral()) {
            return false;
        }
        if (references != null) {
            for (Template.Embedded e : parsed.value().embedded()) {
                references.check(e.expression(), condition.location().shifted(e.offset()), scope, false);
            }
        }
        return true;
    }

    /**
     * CRIT-9, D-33: a Criterion Expression Type object names a version the spec lists; XPath ones are
     * evaluated by the XPath 1.0 engine (D-32), Goessner JSONPath as the RFC 9535 query it translates to.
     */
    private static boolean knownVersion(Criterion criterion, ArazzoVersion arazzo, Diagnostics diagnostics) {
        Located<String> version = criterion.typeVersion();
        boolean v11 = arazzo.atLeast(ArazzoVersion.V1_1);
        List<String> known = criterion.typeName().equals("xpath")
                ? (v11 ? XPATH_VERSIONS_1_1 : XPATH_VERSIONS)
                : (v11 ? JSONPATH_VERSIONS_1_1 : JSONPATH_VERSIONS);
        if (!known.contains(version.value())) {
            diagnostics.report(
                    Message.UNKNOWN_TYPE_VERSION,
                    version.location(),
                    criterion.typeName(),
                    version.value(),
                    String.join(", ", known),
                    Suggestions.hint(version.value(), known));
            return false;
        }
        return true;
    }

    /**
     * D-33: Goessner JSONPath is evaluated as the RFC 9535 query it translates to, with a dialect warning;
     * without a translation that keeps its meaning, Weft refuses rather than guess.
     */
    private static void goessner(Criterion criterion, Diagnostics diagnostics) {
        Located<String> condition = criterion.condition();
        Located<String> version = criterion.typeVersion();
        var rfc = GoessnerJsonPath.toRfc9535(condition.value());
        if (rfc.isEmpty()) {
            diagnostics.report(Message.UNTRANSLATABLE_GOESSNER, condition.location(), condition.value());
            return;
        }
        boolean same = rfc.get().equals(condition.value());
        boolean warned = pitfalls(criterion, rfc.get(), same, diagnostics);
        String fix = warned ? "" : Message.WRITE_AS_JSONPATH.format(rfc.get());
        if (same) {
            diagnostics.report(Message.GOESSNER_AS_IS, version.location(), version.value(), fix);
        } else {
            diagnostics.report(Message.GOESSNER_TRANSLATED, version.location(), version.value(), rfc.get(), fix);
        }
    }

    private static void simple(Located<String> condition, Scope scope, References references, Diagnostics diagnostics) {
        if (ConditionParser.isBraced(condition.value())) {
            String inner = condition.value().trim();
            diagnostics.report(
                    Message.BRACED_CONDITION,
                    condition.location(),
                    inner.substring(1, inner.length() - 1).trim());
            return;
        }
        operands(ConditionParser.parseSimple(condition.value()), condition, scope, references, diagnostics);
    }

    private static void regex(Located<String> condition, Diagnostics diagnostics) {
        try {
            Pattern.compile(condition.value());
        } catch (PatternSyntaxException e) {
            diagnostics.report(
                    Message.REGEX_DOES_NOT_COMPILE,
                    condition.location().shifted(Math.max(0, e.getIndex())),
                    e.getDescription());
        }
    }

    /** CRIT-5: an RFC 9535 query; failing that, the seeds' comparison dialect with a warning (D-7). */
    private static void jsonPath(Criterion criterion, Scope scope, References references, Diagnostics diagnostics) {
        Located<String> condition = criterion.condition();
        JsonPathSyntaxException notRfc;
        try {
            JsonPathQuery.compile(condition.value());
            pitfalls(criterion, condition.value(), true, diagnostics);
            return;
        } catch (JsonPathSyntaxException e) {
            notRfc = e;
        }
        ParseResult<Condition> dialect = ConditionParser.parseContextComparison(condition.value());
        if (dialect.ok() && hasComparison(dialect.value())) {
            // the fix is the simple condition Weft evaluates it as; an RFC 9535 root filter would test the
            // context's children, not its members
            Optional<String> simple = JsonPathAdvice.comparisonAsSimple(
                    dialect.value(), criterion.context().value());
            if (simple.isPresent()) {
                diagnostics.report(Message.JSONPATH_COMPARISON_AS_SIMPLE, condition.location(), simple.get());
            } else {
                diagnostics.report(Message.JSONPATH_COMPARISON, condition.location());
            }
            operands(dialect, condition, scope, references, diagnostics);
            return;
        }
        diagnostics.report(Message.NOT_RFC_9535, condition.location().shifted(notRfc.offset()), notRfc.getMessage());
    }

    private static final Pattern ROOT_FILTER = Pattern.compile("^\\$\\s*\\[\\s*\\?");
    private static final Pattern NOT_NULL = Pattern.compile("@(\\.[A-Za-z_][\\w]*|\\['[^']*'\\])+\\s*!=\\s*null");

    /**
     * CHECKLIST §3: valid RFC 9535 queries that almost surely do not test what they seem to. A criterion
     * passes when the nodelist is non-empty, and a root filter selects among the context's children. The
     * advice of both warnings agrees: on a root filter, the simple condition on the context's members.
     *
     * @param located whether offsets in {@code query} are offsets in the criterion's condition
     * @return whether a warning was reported
     */
    private static boolean pitfalls(Criterion criterion, String query, boolean located, Diagnostics diagnostics) {
        Located<String> condition = criterion.condition();
        boolean rootFilter = ROOT_FILTER.matcher(query).find();
        var simple = rootFilter && criterion.context() != null
                ? JsonPathAdvice.rootFilterAsSimple(query, criterion.context().value())
                : Optional.<String>empty();
        if (rootFilter && simple.isPresent()) {
            diagnostics.report(Message.ROOT_FILTER_AS_SIMPLE, condition.location(), simple.get());
        } else if (rootFilter) {
            diagnostics.report(Message.ROOT_FILTER, condition.location());
        }
        Matcher notNull = NOT_NULL.matcher(query);
        if (notNull.find()) {
            String fix = rootFilter
                    ? simple.map(Message.SIMPLE_CONDITION_FALSE_WHEN_MISSING::format)
                            .orElse("")
                    : Message.TEST_EXISTENCE.format(notNull.group().replaceAll("\\s*!=\\s*null$", ""));
            diagnostics.report(
                    Message.NOT_NULL_FILTER,
                    located ? condition.location().shifted(notNull.start()) : condition.location(),
                    notNull.group(),
                    fix);
        }
        return rootFilter || notNull.find(0);
    }

    private static boolean hasComparison(Condition c) {
        if (c instanceof Condition.Compare) {
            return true;
        }
        if (c instanceof Condition.Or or) {
            return or.operands().stream().anyMatch(CriterionCheck::hasComparison);
        }
        if (c instanceof Condition.And and) {
            return and.operands().stream().anyMatch(CriterionCheck::hasComparison);
        }
        return c instanceof Condition.Not not && hasComparison(not.operand());
    }

    private static void operands(
            ParseResult<Condition> parsed,
            Located<String> condition,
            Scope scope,
            References references,
            Diagnostics diagnostics) {
        for (var error : parsed.errors()) {
            diagnostics.report(
                    Message.MALFORMED_CONDITION, condition.location().shifted(error.offset()), error.message());
        }
        if (parsed.ok() && references != null) {
            visit(parsed.value(), condition, scope, references);
        }
    }

    private static void visit(Condition c, Located<String> condition, Scope scope, References references) {
        if (c instanceof Condition.Or or) {
            or.operands().forEach(o -> visit(o, condition, scope, references));
        } else if (c instanceof Condition.And and) {
            and.operands().forEach(o -> visit(o, condition, scope, references));
        } else if (c instanceof Condition.Not not) {
            visit(not.operand(), condition, scope, references);
        } else if (c instanceof Condition.Compare cmp) {
            operand(cmp.left(), condition, scope, references);
            operand(cmp.right(), condition, scope, references);
        } else if (c instanceof Condition.Truthy t) {
            operand(t.operand(), condition, scope, references);
        }
    }

    private static void operand(Operand operand, Located<String> condition, Scope scope, References references) {
        if (operand instanceof Operand.Expression e) {
            references.check(e.expression(), condition.location().shifted(e.offset()), scope, true);
        }
    }
}
