package dev.weft.compiler.generate;

import dev.weft.compiler.check.GoessnerJsonPath;
import dev.weft.compiler.check.XPathVersions;
import dev.weft.compiler.expr.Condition;
import dev.weft.compiler.expr.ConditionParser;
import dev.weft.compiler.expr.ExpressionParser;
import dev.weft.compiler.expr.RuntimeExpression;
import dev.weft.compiler.expr.Template;
import dev.weft.compiler.model.ArazzoVersion;
import dev.weft.compiler.model.Criterion;
import dev.weft.runtime.internal.JsonPathQuery;
import dev.weft.runtime.internal.JsonPathSyntaxException;
import java.util.IdentityHashMap;
import java.util.Map;

/** Criteria parsed once per generated class, as both planning a method's reads and generating it need them. */
final class Criteria {
    /** How a criterion is tested: a compiled pattern, query or XPath, or a condition on values. */
    enum Kind {
        REGEX,
        QUERY,
        XPATH,
        CONDITION
    }

    /**
     * A parsed criterion.
     *
     * @param text the pattern, query or XPath (a Goessner JSONPath already translated, D-33)
     * @param condition the condition, for {@link Kind#CONDITION}; null otherwise
     * @param context the context expression; null for a {@code simple} condition
     * @param embedded the text with the expressions embedded in it ({@code {$...}}, evaluated first); null when
     *     the text embeds none, so that it is compiled at build time
     */
    record Parsed(Kind kind, String text, Condition condition, RuntimeExpression context, Template embedded) {
        Parsed(Kind kind, String text, Condition condition, RuntimeExpression context) {
            this(kind, text, condition, context, null);
        }
    }

    private final Map<Criterion, Parsed> parsed = new IdentityHashMap<>();

    /** The criterion each parsed one came from. */
    private final Map<Parsed, Criterion> origins = new IdentityHashMap<>();

    /** The criterion parsed; the checks have passed, so it parses. */
    Parsed of(Criterion criterion) {
        return parsed.computeIfAbsent(criterion, c -> {
            Parsed p = parse(c);
            origins.put(p, c);
            return p;
        });
    }

    /** The XPath version an {@code xpath} criterion parsed here is evaluated by (SEL-3). */
    String xpathVersion(Parsed p, ArazzoVersion arazzo) {
        Criterion c = origins.get(p);
        return XPathVersions.evaluated(c == null ? null : c.typeVersion(), arazzo);
    }

    private static Parsed parse(Criterion criterion) {
        String text = criterion.condition().value();
        RuntimeExpression context = criterion.context() == null
                ? null
                : ExpressionParser.parse(criterion.context().value()).value();
        Template embedded = embedded(criterion, text);
        if (embedded != null) {
            Kind kind = switch (criterion.typeName()) {
                case "regex" -> Kind.REGEX;
                case "jsonpath" -> Kind.QUERY;
                default -> Kind.XPATH;
            };
            return new Parsed(kind, text, null, context, embedded);
        }
        if (criterion.typeName().equals("jsonpath") && criterion.typeVersion() != null) {
            // Goessner JSONPath (D-33): the checks accepted it only with an RFC 9535 translation
            text = GoessnerJsonPath.toRfc9535(text).orElseThrow();
        }
        return switch (criterion.typeName()) {
            case "regex" -> new Parsed(Kind.REGEX, text, null, context);
            case "jsonpath" ->
                isRfc9535(text)
                        ? new Parsed(Kind.QUERY, text, null, context)
                        : new Parsed(
                                Kind.CONDITION,
                                text,
                                ConditionParser.parseContextComparison(text).value(),
                                context);
            case "xpath" -> new Parsed(Kind.XPATH, text, null, context);
            default ->
                new Parsed(
                        Kind.CONDITION, text, ConditionParser.parseSimple(text).value(), null);
        };
    }

    /**
     * The condition's text as a template when it is a regex, RFC 9535 JSONPath or XPath that embeds expressions;
     * null otherwise (the checks have passed, so the expressions parse).
     */
    static Template embedded(Criterion criterion, String text) {
        String type = criterion.typeName();
        boolean goessner = type.equals("jsonpath")
                && criterion.typeVersion() != null
                && !criterion.typeVersion().value().equals("rfc9535");
        if (!(type.equals("regex") || type.equals("jsonpath") || type.equals("xpath")) || goessner) {
            return null;
        }
        Template template =
                ExpressionParser.parseEmbedded(text, type.equals("regex")).value();
        return template == null || template.isLiteral() ? null : template;
    }

    private static boolean isRfc9535(String query) {
        try {
            JsonPathQuery.compile(query);
            return true;
        } catch (JsonPathSyntaxException e) {
            return false;
        }
    }
}
