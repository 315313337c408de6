package dev.weft.compiler.expr;

import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.expr.RuntimeExpression.ComponentRef;
import dev.weft.compiler.expr.RuntimeExpression.Input;
import dev.weft.compiler.expr.RuntimeExpression.Method;
import dev.weft.compiler.expr.RuntimeExpression.Output;
import dev.weft.compiler.expr.RuntimeExpression.RequestBody;
import dev.weft.compiler.expr.RuntimeExpression.RequestHeader;
import dev.weft.compiler.expr.RuntimeExpression.RequestPath;
import dev.weft.compiler.expr.RuntimeExpression.RequestQuery;
import dev.weft.compiler.expr.RuntimeExpression.ResponseBody;
import dev.weft.compiler.expr.RuntimeExpression.ResponseHeader;
import dev.weft.compiler.expr.RuntimeExpression.SourceDescriptionRef;
import dev.weft.compiler.expr.RuntimeExpression.StatusCode;
import dev.weft.compiler.expr.RuntimeExpression.StepOutput;
import dev.weft.compiler.expr.RuntimeExpression.Url;
import dev.weft.compiler.expr.RuntimeExpression.WorkflowValue;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * A single-use reader of one runtime expression from a region of text, which stops where the
 * grammar ends so that callers decide what may follow.
 */
final class ExpressionReader {

    /** An expression and the index just after its text. */
    record Prefix(RuntimeExpression expression, int end) {}

    /** Every root word, without the {@code $}. */
    static final List<String> ROOTS = List.of(
            "url",
            "method",
            "statusCode",
            "request",
            "response",
            "message",
            "inputs",
            "outputs",
            "steps",
            "workflows",
            "sourceDescriptions",
            "components",
            "self");

    private static final List<String> REQUEST_FIELDS = List.of("header", "query", "path", "body");
    private static final List<String> RESPONSE_FIELDS = List.of("header", "body");
    private static final List<String> MESSAGE_FIELDS = List.of("header", "payload");
    private static final List<String> SECTIONS = List.of("parameters", "successActions", "failureActions");

    private final String text;
    private final int start;
    private final int limit;
    private int pos;
    private ExpressionError error;

    private ExpressionReader(String text, int start, int limit) {
        this.text = text;
        this.start = start;
        this.limit = limit;
        this.pos = start;
    }

    /**
     * Reads the longest expression that starts at {@code start} (a {@code $}) and ends at or before
     * {@code limit}; error offsets are indexes into {@code text}.
     */
    static ParseResult<Prefix> read(String text, int start, int limit) {
        ExpressionReader reader = new ExpressionReader(text, start, limit);
        RuntimeExpression expression = reader.root();
        return expression == null
                ? ParseResult.failure(List.of(reader.error))
                : ParseResult.success(new Prefix(expression, reader.pos));
    }

    /** The ASCII letters and digits after the {@code $} at {@code dollar}; empty if there are none. */
    static String rootWord(String text, int dollar) {
        int end = dollar + 1;
        while (end < text.length() && Syntax.isAlphaNumeric(text.charAt(end))) {
            end++;
        }
        return text.substring(dollar + 1, end);
    }

    private RuntimeExpression root() {
        if (pos >= limit || text.charAt(pos) != '$') {
            return fail(pos, Message.EXPECTED_DOLLAR.format());
        }
        pos++;
        String word = word();
        return switch (word) {
            case "url" -> new Url();
            case "method" -> new Method();
            case "statusCode" -> new StatusCode();
            case "request" -> request();
            case "response" -> response();
            case "message" -> message();
            case "inputs" -> keyed(Input::new);
            case "outputs" -> keyed(Output::new);
            case "steps" -> steps();
            case "workflows" -> workflows();
            case "sourceDescriptions" -> sourceDescription();
            case "components" -> component();
            case "self" -> new RuntimeExpression.Self();
            default ->
                word.isEmpty()
                        ? fail(start, Message.EXPECTED_ROOT.format())
                        : fail(start, Message.UNKNOWN_ROOT.format(word, Suggestions.didYouMean(word, "$", ROOTS)));
        };
    }

    private RuntimeExpression request() {
        if (!expectDot()) {
            return null;
        }
        int fieldAt = pos;
        String field = word();
        return switch (field) {
            case "header" -> named(RequestHeader::new, Syntax::isTchar, "header name");
            case "query" -> named(RequestQuery::new, Syntax::isPnameChar, "name");
            case "path" -> named(RequestPath::new, Syntax::isPnameChar, "name");
            case "body" -> withPointer(RequestBody::new);
            default -> unknownField(fieldAt, "$request.", field, REQUEST_FIELDS);
        };
    }

    private RuntimeExpression response() {
        if (!expectDot()) {
            return null;
        }
        int fieldAt = pos;
        String field = word();
        return switch (field) {
            case "header" -> named(ResponseHeader::new, Syntax::isTchar, "header name");
            case "body" -> withPointer(ResponseBody::new);
            case "query", "path" -> fail(fieldAt, Message.RESPONSE_QUERY_OR_PATH.format(field));
            case "statusCode" -> fail(fieldAt, Message.RESPONSE_STATUS_CODE.format());
            default -> unknownField(fieldAt, "$response.", field, RESPONSE_FIELDS);
        };
    }

    /** {@code $message.header.<token>} or {@code $message.payload[#pointer]} (Arazzo 1.1). */
    private RuntimeExpression message() {
        if (!expectDot()) {
            return null;
        }
        int fieldAt = pos;
        String field = word();
        return switch (field) {
            case "header" -> named(RuntimeExpression.MessageHeader::new, Syntax::isTchar, "header name");
            case "payload" -> {
                RuntimeExpression payload = withPointer(RuntimeExpression.MessagePayload::new);
                if (payload != null && pos < limit && text.charAt(pos) == '.') {
                    // the 1.1 text's own examples write '$message.payload.orderId'; the grammar has '#/orderId'
                    String rest = text.substring(pos + 1, limit).split("[^A-Za-z0-9_.-]", 2)[0];
                    yield fail(pos, Message.MESSAGE_PAYLOAD_DOT.format("$message.payload#/" + rest.replace('.', '/')));
                }
                yield payload;
            }
            case "body" -> fail(fieldAt, Message.MESSAGE_BODY.format());
            default -> unknownField(fieldAt, "$message.", field, MESSAGE_FIELDS);
        };
    }

    private RuntimeExpression keyed(BiFunction<String, JsonPointer, RuntimeExpression> factory) {
        if (!expectDot()) {
            return null;
        }
        String key = name(Syntax::isKeyChar, "name");
        return key == null ? null : withPointer(pointer -> factory.apply(key, pointer));
    }

    private RuntimeExpression steps() {
        if (!expectDot()) {
            return null;
        }
        String stepId = dottedId("step id", "outputs", "outputs");
        if (stepId == null) {
            return null;
        }
        if (!expectWord("outputs", "'.outputs.'")) {
            return null;
        }
        String key = name(Syntax::isKeyChar, "name");
        return key == null ? null : withPointer(pointer -> new StepOutput(stepId, key, pointer));
    }

    private RuntimeExpression workflows() {
        if (!expectDot()) {
            return null;
        }
        String workflowId = dottedId("workflow id", "inputs", "outputs");
        if (workflowId == null) {
            return null;
        }
        WorkflowValue.Kind kind;
        if (lookingAtWord("inputs")) {
            kind = WorkflowValue.Kind.INPUTS;
        } else if (lookingAtWord("outputs")) {
            kind = WorkflowValue.Kind.OUTPUTS;
        } else {
            return fail(pos, Message.EXPECTED_INPUTS_OR_OUTPUTS.format(consumed()));
        }
        expectWord(kind.word(), "");
        String key = name(Syntax::isKeyChar, "name");
        return key == null ? null : withPointer(pointer -> new WorkflowValue(workflowId, kind, key, pointer));
    }

    private RuntimeExpression sourceDescription() {
        if (!expectDot()) {
            return null;
        }
        String source = name(Syntax::isIdChar, "source name");
        if (source == null || !expectDot()) {
            return null;
        }
        String rest = name(Syntax::isPnameChar, "name");
        return rest == null ? null : new SourceDescriptionRef(source, rest);
    }

    private RuntimeExpression component() {
        if (!expectDot()) {
            return null;
        }
        int sectionAt = pos;
        String section = word();
        if (section.equals("inputs")) {
            return fail(sectionAt, Message.COMPONENTS_INPUTS.format());
        }
        if (!SECTIONS.contains(section)) {
            return unknownField(sectionAt, "$components.", section, SECTIONS);
        }
        if (!expectDot()) {
            return null;
        }
        String key = name(Syntax::isKeyChar, "name");
        return key == null ? null : new ComponentRef(section, key);
    }

    private RuntimeExpression named(Function<String, RuntimeExpression> factory, IntPredicate allowed, String what) {
        if (!expectDot()) {
            return null;
        }
        String name = name(allowed, what);
        return name == null ? null : factory.apply(name);
    }

    /** Reads an optional {@code #pointer} and builds the expression, or fails. */
    private RuntimeExpression withPointer(Function<JsonPointer, RuntimeExpression> factory) {
        if (pos >= limit || text.charAt(pos) != '#') {
            return factory.apply(null);
        }
        int from = ++pos;
        // 1.0.1's pointers may hold '{' and '}', 1.1's not (the checks say so in a 1.1 document); a '{$' opens an
        // embedded expression in any version, so it ends the pointer
        while (pos < limit && !(text.charAt(pos) == '{' && text.startsWith("$", pos + 1))) {
            pos++;
        }
        String raw = text.substring(from, pos);
        int bad = JsonPointer.firstError(raw);
        if (bad == 0 && raw.charAt(0) != '~') {
            return fail(from, Message.EXPECTED_SLASH.format(raw));
        }
        if (bad >= 0) {
            return fail(from + bad, JsonPointer.errorMessage(raw, bad));
        }
        return factory.apply(JsonPointer.parse(raw));
    }

    private RuntimeExpression unknownField(int at, String prefix, String field, List<String> known) {
        String expected = Syntax.quotedList(known);
        if (field.isEmpty()) {
            return fail(at, Message.EXPECTED_AFTER.format(expected, prefix));
        }
        String hint = Suggestions.didYouMean(field, prefix, known);
        return fail(
                at,
                hint.isEmpty()
                        ? Message.UNKNOWN_EXPRESSION_FIELD_EXPECTED.format(prefix, field, expected)
                        : Message.UNKNOWN_EXPRESSION_FIELD.format(prefix, field, hint));
    }

    /** True, consuming it, if {@code .word} follows and then a dot or the end of the region. */
    private boolean lookingAtWord(String word) {
        int end = pos + 1 + word.length();
        return end <= limit
                && text.charAt(pos) == '.'
                && text.startsWith(word, pos + 1)
                && (end == limit || !Syntax.isAlphaNumeric(text.charAt(end)));
    }

    /** Consumes {@code .word.}, or fails with "expected {@code shown} after ...". */
    private boolean expectWord(String word, String shown) {
        if (!lookingAtWord(word)) {
            fail(pos, Message.EXPECTED_AFTER.format(shown, consumed()));
            return false;
        }
        pos += 1 + word.length();
        return expectDot();
    }

    private boolean expectDot() {
        if (pos < limit && text.charAt(pos) == '.') {
            pos++;
            return true;
        }
        fail(pos, Message.EXPECTED_DOT.format(consumed()));
        return false;
    }

    /**
     * Reads a step or workflow id, which may contain dots (the specification only recommends
     * {@code [A-Za-z0-9_-]+}): it ends before {@code .word1} or {@code .word2}.
     */
    private String dottedId(String what, String word1, String word2) {
        int from = pos;
        if (name(Syntax::isIdChar, what) == null) {
            return null;
        }
        int first = pos;
        while (pos < limit && text.charAt(pos) == '.' && !lookingAtWord(word1) && !lookingAtWord(word2)) {
            pos++;
            while (pos < limit && Syntax.isIdChar(text.charAt(pos))) {
                pos++;
            }
        }
        if (!lookingAtWord(word1) && !lookingAtWord(word2)) {
            pos = first; // no dotted id after all: report what follows the first segment
        }
        return text.substring(from, pos);
    }

    /** Reads a non-empty run of allowed characters, or fails. */
    private String name(IntPredicate allowed, String what) {
        int from = pos;
        while (pos < limit && allowed.test(text.charAt(pos))) {
            pos++;
        }
        if (pos > from) {
            return text.substring(from, pos);
        }
        if (pos >= limit || Character.isWhitespace(text.charAt(pos))) {
            fail(pos, Message.EMPTY_NAME.format(what, consumed()));
        } else {
            fail(pos, Message.EXPECTED_NAME.format(what, consumed(), text.charAt(pos)));
        }
        return null;
    }

    private String word() {
        int from = pos;
        while (pos < limit && Syntax.isAlphaNumeric(text.charAt(pos))) {
            pos++;
        }
        return text.substring(from, pos);
    }

    private String consumed() {
        return text.substring(start, pos);
    }

    private RuntimeExpression fail(int offset, String message) {
        error = new ExpressionError(offset, message);
        return null;
    }
}
