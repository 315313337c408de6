package dev.weft.compiler.check;

import dev.weft.compiler.expr.Condition;
import dev.weft.compiler.expr.ConditionParser;
import dev.weft.compiler.expr.ConditionPrinter;
import dev.weft.compiler.expr.ExpressionParser;
import dev.weft.compiler.expr.Operand;
import dev.weft.compiler.expr.ParseResult;
import dev.weft.compiler.expr.RuntimeExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simple condition that tests what a JSONPath criterion meant, for fix-its: a criterion on a member
 * of its context is a simple condition on {@code <context>#/<member>}, which Weft accepts without a
 * warning (a root filter {@code $[?...]} would test the context's children instead).
 */
final class JsonPathAdvice {
    private static final Pattern ROOT_FILTER = Pattern.compile("^\\$\\s*\\[\\s*\\?(.*)]\\s*$", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final Pattern SHORTHAND =
            Pattern.compile("[A-Za-z_\\x{80}-\\x{10FFFF}][A-Za-z0-9_\\x{80}-\\x{10FFFF}]*");
    private static final List<String> COMPARISONS = List.of("==", "!=", "<=", ">=", "<", ">");
    private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "(", ")");

    private JsonPathAdvice() {}

    /** A seed-dialect comparison ({@code $.status == 'done'}) as the simple condition Weft evaluates it as. */
    static Optional<String> comparisonAsSimple(Condition dialect, String context) {
        try {
            return verified(ConditionPrinter.print(replace(dialect, context)));
        } catch (IllegalArgumentException notPointable) {
            return Optional.empty();
        }
    }

    /**
     * A root filter on an object context ({@code $[?@.status == 'done']}) as the simple condition on the
     * context's members it was meant to be ({@code $response.body#/status == 'done'}); empty when the filter
     * uses anything but member paths of {@code @}, literals, comparisons and logical operators.
     */
    static Optional<String> rootFilterAsSimple(String query, String context) {
        Matcher m = ROOT_FILTER.matcher(query);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> tokens = tokens(m.group(1), context);
        if (tokens == null) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (!token.startsWith("\u0000")) {
                out.add(token);
                continue;
            }
            String path = token.substring(1);
            boolean compared = i > 0 && COMPARISONS.contains(tokens.get(i - 1))
                    || i + 1 < tokens.size() && COMPARISONS.contains(tokens.get(i + 1));
            if (compared) {
                out.add(path);
            } else if (!out.isEmpty() && out.get(out.size() - 1).equals("!")) {
                out.set(out.size() - 1, path + " == null"); // !@.x: x does not exist
            } else {
                out.add(path + " != null"); // @.x: x exists
            }
        }
        return verified(String.join(" ", out));
    }

    /** The simple condition, if it parses as one. */
    private static Optional<String> verified(String simple) {
        ParseResult<Condition> parsed = ConditionParser.parseSimple(simple);
        return parsed.ok() ? Optional.of(ConditionPrinter.print(parsed.value())) : Optional.empty();
    }

    private static Condition replace(Condition c, String context) {
        if (c instanceof Condition.Or or) {
            return new Condition.Or(
                    or.operands().stream().map(o -> replace(o, context)).toList());
        } else if (c instanceof Condition.And and) {
            return new Condition.And(
                    and.operands().stream().map(o -> replace(o, context)).toList());
        } else if (c instanceof Condition.Not not) {
            return new Condition.Not(replace(not.operand(), context));
        } else if (c instanceof Condition.Compare cmp) {
            return new Condition.Compare(operand(cmp.left(), context), cmp.op(), operand(cmp.right(), context));
        }
        return new Condition.Truthy(operand(((Condition.Truthy) c).operand(), context));
    }

    private static Operand operand(Operand operand, String context) {
        if (!(operand instanceof Operand.ContextPath path)) {
            return operand;
        }
        List<String> members = new ArrayList<>();
        for (Operand.Accessor a : path.accessors()) {
            members.add(
                    a instanceof Operand.Accessor.Member m
                            ? m.name()
                            : Integer.toString(((Operand.Accessor.Index) a).index()));
        }
        String text = pointed(context, members);
        ParseResult<RuntimeExpression> e = text == null ? null : ExpressionParser.parse(text);
        if (e == null || !e.ok()) {
            throw new IllegalArgumentException(context);
        }
        return new Operand.Expression(e.value(), List.of(), 0);
    }

    /** {@code context} followed by a JSON Pointer to {@code members}; null when the context takes no pointer. */
    static String pointed(String context, List<String> members) {
        ParseResult<RuntimeExpression> parsed = ExpressionParser.parse(context);
        if (!parsed.ok() || !takesPointer(parsed.value())) {
            return null;
        }
        StringBuilder pointer = new StringBuilder(context.contains("#") ? "" : "#");
        for (String member : members) {
            if (!member.matches("[^\\s!&()<=>|{}'#]+")) {
                return null; // would end the operand inside a condition
            }
            pointer.append('/').append(member.replace("~", "~0").replace("/", "~1"));
        }
        return members.isEmpty() ? context : context + pointer;
    }

    private static boolean takesPointer(RuntimeExpression e) {
        return e instanceof RuntimeExpression.ResponseBody
                || e instanceof RuntimeExpression.RequestBody
                || e instanceof RuntimeExpression.Input
                || e instanceof RuntimeExpression.Output
                || e instanceof RuntimeExpression.StepOutput
                || e instanceof RuntimeExpression.WorkflowValue;
    }

    /**
     * The filter's tokens: operators and literals as simple-condition text, {@code @} paths as {@code "\0"} +
     * the pointed context; null for anything else (functions, absolute queries, wildcards).
     */
    private static List<String> tokens(String filter, String context) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '@') {
                List<String> members = new ArrayList<>();
                i = path(filter, i + 1, members);
                String pointed = i < 0 || members.isEmpty() ? null : pointed(context, members);
                if (pointed == null) {
                    return null;
                }
                tokens.add("\u0000" + pointed);
                continue;
            }
            if (c == '\'' || c == '"') {
                StringBuilder value = new StringBuilder();
                int end = string(filter, i, value);
                if (end < 0) {
                    return null;
                }
                tokens.add("'" + value.toString().replace("'", "''") + "'");
                i = end;
                continue;
            }
            String operator = null;
            for (String o : OPERATORS) {
                if (filter.startsWith(o, i)) {
                    operator = o;
                    break;
                }
            }
            if (operator != null) {
                tokens.add(operator);
                i += operator.length();
                continue;
            }
            Matcher number = NUMBER.matcher(filter).region(i, filter.length());
            if (number.lookingAt()) {
                tokens.add(number.group());
                i = number.end();
                continue;
            }
            String word = word(filter, i);
            if (word.equals("true") || word.equals("false") || word.equals("null")) {
                tokens.add(word);
                i += word.length();
                continue;
            }
            return null;
        }
        return tokens;
    }

    private static String word(String text, int from) {
        int end = from;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return end < text.length() && text.charAt(end) == '(' ? "" : text.substring(from, end);
    }

    /** Reads {@code .name}, {@code ['name']} and {@code [n]} segments; the index after them, or -1. */
    private static int path(String text, int i, List<String> members) {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.' && !text.startsWith("..", i)) {
                Matcher name = SHORTHAND.matcher(text).region(i + 1, text.length());
                if (!name.lookingAt()) {
                    return -1;
                }
                members.add(name.group());
                i = name.end();
            } else if (c == '[') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) == ' ') {
                    j++;
                }
                if (j < text.length() && (text.charAt(j) == '\'' || text.charAt(j) == '"')) {
                    StringBuilder name = new StringBuilder();
                    int end = string(text, j, name);
                    if (end < 0 || end >= text.length() || text.charAt(end) != ']') {
                        return -1;
                    }
                    members.add(name.toString());
                    i = end + 1;
                } else {
                    int close = text.indexOf(']', j);
                    if (close < 0 || !text.substring(j, close).strip().matches("0|[1-9][0-9]*")) {
                        return -1;
                    }
                    members.add(text.substring(j, close).strip());
                    i = close + 1;
                }
            } else {
                return i;
            }
        }
        return i;
    }

    /** Reads an RFC 9535 string literal at {@code start} into {@code value}; the index after it, or -1. */
    private static int string(String text, int start, StringBuilder value) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == quote) {
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 >= text.length() || "'\"\\/".indexOf(text.charAt(i + 1)) < 0) {
                    return -1;
                }
                value.append(text.charAt(++i));
            } else {
                value.append(c);
            }
        }
        return -1;
    }
}
