package dev.weft.compiler.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.weft.compiler.check.GoessnerJsonPath;
import dev.weft.compiler.check.XPathVersions;
import dev.weft.compiler.expr.ExpressionParser;
import dev.weft.compiler.expr.Template;
import dev.weft.compiler.model.ArazzoVersion;
import dev.weft.compiler.model.ExpressionType;
import dev.weft.compiler.model.Node;
import dev.weft.compiler.model.RequestBody;
import dev.weft.runtime.internal.XPathQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The request body of an operation step, by media type (D-52), after the payload's replacements are applied
 * in order (D-51): by JSON Pointer for JSON and form bodies, by XPath for XML ones.
 *
 * <p>A payload that is a string is the body text itself, sent as written, each embedded expression replaced
 * by its value encoded for the media type (D-11): in JSON text, a value standing for a whole JSON string
 * ({@code "{$inputs.customer}"}) or outside strings is written as JSON, one inside a longer string as the
 * string's escaped characters; in form text it is percent-encoded, in XML text escaped; in other text it is
 * its plain text. JSON text whose expressions do not sit at JSON values (so it is not JSON) gets the plain
 * text of each value.
 */
final class BodyCode {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ValueCode values;
    private final Budget budget;
    private final ClassConstants constants;
    private final ArazzoVersion arazzo;

    BodyCode(ValueCode values, Budget budget, ClassConstants constants, ArazzoVersion arazzo) {
        this.values = values;
        this.budget = budget;
        this.constants = constants;
        this.arazzo = arazzo;
    }

    /** The call setting the body on the request chain, after any statements it needs. */
    CodeBlock body(RequestBody requestBody, String contentType, CodeBlock.Builder statements, ValueCode.Locals locals) {
        String lower = contentType.toLowerCase(Locale.ROOT);
        boolean json = StepCode.isJson(contentType);
        boolean xml = lower.contains("xml");
        boolean form = lower.startsWith("application/x-www-form-urlencoded");
        CodeBlock type = Literals.of(contentType);
        Template template = requestBody.payload() instanceof Node.StringNode s
                ? ExpressionParser.parseTemplate(s.value(), true).value()
                : null;
        if (template != null && !template.isSingleExpression()) {
            CodeBlock text = text(template, json ? Encoding.JSON : form ? Encoding.FORM : xml ? Encoding.XML : null);
            if (requestBody.replacements().isEmpty()) {
                return CodeBlock.of(json ? ".jsonText($L,$W$L)" : ".textBody($L,$W$L)", type, text);
            }
            if (json) {
                String var = locals.next("payload");
                statements.addStatement(
                        "$T $N = $T.parseJson($L,$W$L)",
                        RuntimeTypes.JSON_NODE,
                        var,
                        RuntimeTypes.PAYLOADS,
                        text,
                        Literals.of("request body"));
                replace(requestBody, var, null, false, statements, locals);
                return CodeBlock.of(".jsonBody($L,$W$N)", type, var);
            }
            String var = locals.next("text");
            statements.addStatement("$T $N = $L", String.class, var, text);
            replace(requestBody, var, null, true, statements, locals);
            return CodeBlock.of(".textBody($L,$W$N)", type, var);
        }
        CodeBlock payload = values.value(requestBody.payload(), "request body", statements, locals);
        boolean asText = xml || template != null && !json && !form;
        if (!requestBody.replacements().isEmpty()) {
            String var = locals.next(asText ? "text" : "payload");
            CodeBlock source = asText ? CodeBlock.of("$T.text($L)", RuntimeTypes.VALUES, payload) : payload;
            replace(requestBody, var, source, asText, statements, locals);
            payload = CodeBlock.of("$N", var);
            if (asText) {
                return CodeBlock.of(".textBody($L,$W$L)", type, payload);
            }
        } else if (template != null && !json && !form) {
            return CodeBlock.of(".textBody($L,$W$T.text($L))", type, RuntimeTypes.VALUES, payload);
        }
        return CodeBlock.of(form ? ".formBody($L,$W$L)" : ".jsonBody($L,$W$L)", type, payload);
    }

    /**
     * The payload an AsyncAPI send step (Arazzo 1.1) sends, after its replacements, which apply to it as to a
     * request body's: JSON Pointer targets, or XPath ones for an XML {@code contentType}.
     */
    CodeBlock messagePayload(RequestBody requestBody, CodeBlock.Builder statements, ValueCode.Locals locals) {
        CodeBlock payload = values.value(requestBody.payload(), "payload", statements, locals, "payload");
        if (requestBody.replacements().isEmpty()) {
            return payload;
        }
        boolean xml = requestBody.contentType() != null
                && requestBody.contentType().value().toLowerCase(Locale.ROOT).contains("xml");
        String var = locals.next(xml ? "text" : "payload");
        CodeBlock source = xml ? CodeBlock.of("$T.text($L)", RuntimeTypes.VALUES, payload) : payload;
        replace(requestBody, var, source, xml, statements, locals);
        return xml ? CodeBlock.of("$T.of($N)", RuntimeTypes.VALUES, var) : CodeBlock.of("$N", var);
    }

    /**
     * Applies the replacements, in order, to {@code var}; when {@code source} is given, the first replacement
     * applies to it and declares {@code var}.
     */
    private void replace(
            RequestBody requestBody,
            String var,
            CodeBlock source,
            boolean asText,
            CodeBlock.Builder statements,
            ValueCode.Locals locals) {
        CodeBlock from = source;
        for (RequestBody.Replacement r : requestBody.replacements()) {
            String where = "replacement '" + r.target().value() + "'";
            CodeBlock value = values.value(r.value(), where, statements, locals);
            budget.add(1);
            CodeBlock replaced = CodeBlock.of(
                    "$T.$N($L, $L,$W$L,$W$L)",
                    target(r).owner(),
                    asText ? "replaceXml" : target(r).method(),
                    from == null ? CodeBlock.of("$N", var) : from,
                    target(r).target(),
                    value,
                    Literals.of(where));
            if (from == null) {
                statements.addStatement("$N = $L", var, replaced);
            } else {
                statements.addStatement(
                        "$T $N = $L", asText ? RuntimeTypes.STRING : RuntimeTypes.JSON_NODE, var, replaced);
                from = null;
            }
        }
    }

    /** How a replacement's target is applied: the class and method, and the target argument. */
    private record Target(ClassName owner, String method, CodeBlock target) {}

    /**
     * A JSON Pointer (the default of JSON and form bodies) or an XPath 1.0 (of XML ones) as a literal; a JSONPath
     * target (SEL-5: every node it selects gets the value) and an XPath of a later version as compiled constants.
     */
    private Target target(RequestBody.Replacement r) {
        ExpressionType type = r.targetSelectorType();
        String text = r.target().value();
        if (type != null && type.name().equals("jsonpath")) {
            String query = type.version() != null && !type.version().value().equals("rfc9535")
                    ? GoessnerJsonPath.toRfc9535(text).orElseThrow()
                    : text;
            return new Target(
                    RuntimeTypes.SELECTORS, "replaceAll", CodeBlock.of("$N", constants.jsonPath(query, "target")));
        }
        if (type != null && type.name().equals("xpath")) {
            String version = XPathVersions.evaluated(type.version(), arazzo);
            if (!version.equals(XPathQuery.XPATH_10)) {
                return new Target(
                        RuntimeTypes.PAYLOADS,
                        "replaceXml",
                        CodeBlock.of("$N", constants.selectorXPath(text, version, "target")));
            }
        }
        return new Target(RuntimeTypes.PAYLOADS, "replace", Literals.of(text));
    }

    /** How a value embedded in body text is written; null for its plain text. */
    private enum Encoding {
        JSON,
        FORM,
        XML
    }

    /** The body text: literal parts as written, each expression's value encoded. */
    private CodeBlock text(Template template, Encoding encoding) {
        if (template.isLiteral()) {
            budget.add(1);
            return Literals.of(template.literalText());
        }
        List<CodeBlock> parts = encoding == Encoding.JSON ? jsonParts(template) : null;
        if (parts == null) {
            parts = new ArrayList<>();
            for (Template.Part part : template.parts()) {
                if (part instanceof Template.Literal literal) {
                    parts.add(Literals.of(literal.text()));
                } else {
                    parts.add(encoded(expression(part), encoding == Encoding.JSON ? null : encoding));
                }
            }
        }
        budget.add(parts.size() + 1);
        // text of several lines is laid out a line per source line by its literals: no wrapping between parts
        String separator = template.parts().stream()
                        .anyMatch(
                                p -> p instanceof Template.Literal l && l.text().indexOf('\n') >= 0)
                ? ", "
                : ",$W";
        return CodeBlock.of(
                "$T.text($L,$W$L)",
                RuntimeTypes.PAYLOADS,
                Literals.of("request body"),
                CodeBlock.join(parts, separator));
    }

    private CodeBlock encoded(CodeBlock value, Encoding encoding) {
        if (encoding == null) {
            return value;
        }
        String method = switch (encoding) {
            case JSON -> "json";
            case FORM -> "formValue";
            case XML -> "xmlText";
        };
        return CodeBlock.of("$T.$N($L)", RuntimeTypes.PAYLOADS, method, value);
    }

    private CodeBlock expression(Template.Part part) {
        return values.expression(((Template.Embedded) part).expression());
    }

    /**
     * The parts of JSON text, each expression written as a JSON value or inside a JSON string by where it
     * stands; null when the text with its expressions stood in for is not JSON.
     */
    private List<CodeBlock> jsonParts(Template template) {
        List<Template.Part> parts = template.parts();
        List<String> literals = new ArrayList<>();
        List<Boolean> wholeString = new ArrayList<>();
        List<Boolean> inString = new ArrayList<>();
        JsonScanner scanner = new JsonScanner();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) instanceof Template.Literal l) {
                literal.append(l.text());
                continue;
            }
            String before = literal.toString();
            scanner.scan(before);
            boolean whole = scanner.inString()
                    && scanner.openedAtEnd()
                    && i + 1 < parts.size()
                    && parts.get(i + 1) instanceof Template.Literal next
                    && next.text().startsWith("\"");
            literals.add(whole ? before.substring(0, before.length() - 1) : before);
            wholeString.add(whole);
            inString.add(scanner.inString() && !whole);
            literal.setLength(0);
            if (whole) {
                scanner.closeString();
                literal.append(((Template.Literal) parts.get(i + 1)).text().substring(1));
                i++;
            }
        }
        literals.add(literal.toString());
        StringBuilder skeleton = new StringBuilder();
        for (int i = 0; i < wholeString.size(); i++) {
            skeleton.append(literals.get(i)).append(inString.get(i) ? "x" : "0");
        }
        skeleton.append(literals.get(literals.size() - 1));
        try {
            JSON.readTree(skeleton.toString());
        } catch (JsonProcessingException notJson) {
            return null;
        }
        List<CodeBlock> code = new ArrayList<>();
        int expression = 0;
        for (Template.Part part : parts) {
            if (part instanceof Template.Embedded) {
                if (!literals.get(expression).isEmpty()) {
                    code.add(Literals.of(literals.get(expression)));
                }
                code.add(CodeBlock.of(
                        "$T.$N($L)",
                        RuntimeTypes.PAYLOADS,
                        inString.get(expression) ? "jsonString" : "json",
                        expression(part)));
                expression++;
            }
        }
        if (!literals.get(literals.size() - 1).isEmpty()) {
            code.add(Literals.of(literals.get(literals.size() - 1)));
        }
        return code;
    }

    /** Follows JSON text far enough to tell whether a position is inside a string. */
    private static final class JsonScanner {
        private boolean inString;
        private boolean escaped;
        private boolean openedAtEnd;

        void scan(String text) {
            openedAtEnd = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                openedAtEnd = false;
                if (inString && escaped) {
                    escaped = false;
                } else if (inString && c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = !inString;
                    openedAtEnd = inString;
                }
            }
        }

        boolean inString() {
            return inString;
        }

        /** Whether the last character scanned opened the string. */
        boolean openedAtEnd() {
            return openedAtEnd;
        }

        void closeString() {
            inString = false;
            escaped = false;
        }
    }
}
