package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.expr.ExpressionParser;
import dev.weft.compiler.expr.RuntimeExpression;
import dev.weft.compiler.model.ArazzoDocument;
import dev.weft.compiler.model.ArazzoVersion;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Selector;
import dev.weft.compiler.model.Step;
import dev.weft.compiler.model.Workflow;
import dev.weft.compiler.resolve.OperationRef;
import dev.weft.compiler.resolve.ResolvedDocument;
import dev.weft.runtime.internal.JsonPathQuery;
import dev.weft.runtime.internal.JsonPathSyntaxException;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Arazzo 1.1 Selector Objects (SEL-1..4): the {@code selector} parses as its type and version, RFC 9535 JSONPath,
 * RFC 6901 JSON Pointer or XPath (SEL-2, SEL-3, see {@link XPathVersions}); a Goessner JSONPath is evaluated as the
 * RFC 9535 query it translates to (D-33); a selector that reads a response body of a kind it cannot select from is
 * reported (SEL-4). The {@code context} is checked as a runtime expression where the selector is used
 * ({@code ExpressionCheck}).
 */
final class SelectorCheck implements Check {

    @Override
    public void check(ResolvedDocument document, Diagnostics diagnostics) {
        ArazzoDocument doc = document.document();
        for (Selector selector : doc.selectors().values()) {
            syntax(selector, doc.version(), diagnostics);
        }
        for (Workflow workflow : doc.workflows()) {
            for (Step step : workflow.steps()) {
                if (step.outputSelectors().isEmpty()) {
                    continue;
                }
                Optional<OperationRef> op = document.target(workflow, step);
                if (op.isPresent()) {
                    step.outputSelectors().values().forEach(s -> context(s, op.get(), diagnostics));
                }
            }
        }
    }

    /** SEL-2, SEL-3: whether the selector parses as its type and version; reports when not. */
    static boolean syntax(Selector selector, ArazzoVersion arazzo, Diagnostics diagnostics) {
        Located<String> text = selector.selector();
        Located<String> version = selector.type().version();
        return switch (selector.type().name()) {
            case "jsonpath" -> jsonPath(text, version, diagnostics) != null;
            case "jsonpointer" -> pointer(text, diagnostics);
            default -> XPathVersions.check(text, version, arazzo, Message.MALFORMED_SELECTOR_XPATH, diagnostics);
        };
    }

    /**
     * The RFC 9535 query a JSONPath selector is evaluated as: itself, or a Goessner one's translation (D-33);
     * null (reported) when there is none.
     */
    static String jsonPath(Located<String> text, Located<String> version, Diagnostics diagnostics) {
        String query = text.value();
        if (version != null && !version.value().equals("rfc9535")) {
            Optional<String> rfc = GoessnerJsonPath.toRfc9535(query);
            if (rfc.isEmpty()) {
                diagnostics.report(Message.UNTRANSLATABLE_GOESSNER_SELECTOR, text.location(), query);
                return null;
            }
            if (rfc.get().equals(query)) {
                diagnostics.report(Message.GOESSNER_AS_IS, version.location(), version.value(), "");
            } else {
                diagnostics.report(Message.GOESSNER_TRANSLATED, version.location(), version.value(), rfc.get(), "");
            }
            query = rfc.get();
        }
        try {
            JsonPathQuery.compile(query);
            return query;
        } catch (JsonPathSyntaxException e) {
            diagnostics.report(
                    Message.MALFORMED_SELECTOR_JSONPATH,
                    query.equals(text.value()) ? text.location().shifted(e.offset()) : text.location(),
                    query,
                    e.getMessage());
            return null;
        }
    }

    /** An RFC 6901 pointer: empty, or {@code /} then tokens where {@code ~} is {@code ~0} or {@code ~1}. */
    static boolean pointer(Located<String> text, Diagnostics diagnostics) {
        String pointer = text.value();
        String reason = null;
        if (!pointer.isEmpty() && pointer.charAt(0) != '/') {
            reason = Message.POINTER_WITHOUT_SLASH.format();
        } else {
            for (int i = 0; i < pointer.length() && reason == null; i++) {
                char next = i + 1 < pointer.length() ? pointer.charAt(i + 1) : 0;
                if (pointer.charAt(i) == '~' && next != '0' && next != '1') {
                    reason = Message.POINTER_ESCAPE.format(pointer.substring(i, Math.min(i + 2, pointer.length())));
                }
            }
        }
        if (reason != null) {
            diagnostics.report(Message.MALFORMED_SELECTOR_POINTER, text.location(), pointer, reason);
            return false;
        }
        return true;
    }

    /** SEL-4: an XPath on a body the operation answers with JSON only, or JSONPath/Pointer on XML only. */
    private static void context(Selector selector, OperationRef op, Diagnostics diagnostics) {
        var parsed = ExpressionParser.parse(selector.context().value());
        if (!parsed.ok() || !(parsed.value() instanceof RuntimeExpression.ResponseBody body)) {
            return;
        }
        if (body.pointer() != null && !body.pointer().isRoot()) {
            return; // a member of a JSON body may well hold XML text
        }
        TreeSet<String> types = new TreeSet<>();
        if (op.operation().getResponses() != null) {
            for (Map.Entry<String, ApiResponse> r :
                    op.operation().getResponses().entrySet()) {
                if (r.getValue().getContent() != null) {
                    types.addAll(r.getValue().getContent().keySet());
                }
            }
        }
        if (types.isEmpty()) {
            return;
        }
        boolean allJson =
                types.stream().allMatch(t -> t.toLowerCase(Locale.ROOT).contains("json"));
        boolean allXml = types.stream().allMatch(t -> t.toLowerCase(Locale.ROOT).contains("xml"));
        String type = selector.type().name();
        if (type.equals("xpath") && allJson) {
            diagnostics.report(
                    Message.XPATH_SELECTOR_ON_JSON,
                    selector.type().location(),
                    selector.context().value(),
                    op.display(),
                    String.join("', '", types));
        } else if (!type.equals("xpath") && allXml) {
            diagnostics.report(
                    Message.JSON_SELECTOR_ON_XML,
                    selector.type().location(),
                    type,
                    selector.context().value(),
                    op.display(),
                    String.join("', '", types));
        }
    }
}
