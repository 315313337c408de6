package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.runtime.internal.JsonPathAst.And;
import dev.weft.runtime.internal.JsonPathAst.Argument;
import dev.weft.runtime.internal.JsonPathAst.Call;
import dev.weft.runtime.internal.JsonPathAst.Comparison;
import dev.weft.runtime.internal.JsonPathAst.Literal;
import dev.weft.runtime.internal.JsonPathAst.Logical;
import dev.weft.runtime.internal.JsonPathAst.Not;
import dev.weft.runtime.internal.JsonPathAst.Op;
import dev.weft.runtime.internal.JsonPathAst.Or;
import dev.weft.runtime.internal.JsonPathAst.Query;
import dev.weft.runtime.internal.JsonPathToken.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses RFC 9535 filter expressions and checks that they are well-typed (§2.4.3): what may be compared, tested
 * or passed to a function.
 *
 * <p>The grammar is ambiguous until the context is known ({@code @.a} is a test, a comparable or a nodelist
 * argument), so the parser first reads a {@link Term} and converts it once the context is known.
 */
final class JsonPathFilterParser {

    private final JsonPathParser p;

    JsonPathFilterParser(JsonPathParser parser) {
        this.p = parser;
    }

    /** Reads the logical expression after {@code ?}. */
    Logical filter() {
        return logical(or());
    }

    /** An expression before its context is known, and where it starts. */
    private record Term(Object node, int start) {}

    private Term or() {
        Term first = and();
        if (p.token().kind() != Kind.OR) {
            return first;
        }
        List<Logical> operands = new ArrayList<>(List.of(logical(first)));
        while (p.token().kind() == Kind.OR) {
            p.advance();
            operands.add(logical(and()));
        }
        return new Term(new Or(operands), first.start());
    }

    private Term and() {
        Term first = basic();
        if (p.token().kind() != Kind.AND) {
            return first;
        }
        List<Logical> operands = new ArrayList<>(List.of(logical(first)));
        while (p.token().kind() == Kind.AND) {
            p.advance();
            operands.add(logical(basic()));
        }
        return new Term(new And(operands), first.start());
    }

    private Term basic() {
        int start = p.token().start();
        if (p.token().kind() == Kind.NOT) {
            p.advance();
            boolean parenthesized = p.token().kind() == Kind.LPAREN;
            Term operand = parenthesized ? parenthesized() : primary();
            if (operand.node() instanceof Literal) {
                throw p.error(operand.start(), "'!' cannot negate a literal");
            } else if (parenthesized && p.token().kind().isComparison()) {
                throw p.error(p.token().start(), "a logical expression cannot be compared");
            } else if (p.token().kind().isComparison()) {
                throw p.error(
                        start,
                        "'!' cannot negate a comparison without parentheses; write '!(a "
                                + p.token().kind().description().replace("'", "") + " b)'");
            }
            return new Term(new Not(logical(operand)), start);
        }
        Term left = p.token().kind() == Kind.LPAREN ? parenthesized() : primary();
        if (!p.token().kind().isComparison()) {
            return left;
        }
        Op op = Op.valueOf(p.token().kind().name());
        p.advance();
        if (p.token().kind() == Kind.LPAREN || p.token().kind() == Kind.NOT) {
            throw p.error(p.token().start(), "a logical expression cannot be compared");
        }
        Term right = primary();
        return new Term(new Comparison(value(left), op, value(right)), start);
    }

    private Term parenthesized() {
        int start = p.token().start();
        p.enter(start);
        p.advance();
        Logical inner = logical(or());
        if (p.token().kind() != Kind.RPAREN) {
            throw p.unexpected("')'");
        }
        p.advance();
        p.leave();
        return new Term(inner, start);
    }

    /** Reads a literal, a query or a function call. */
    private Term primary() {
        JsonPathToken t = p.token();
        switch (t.kind()) {
            case STRING:
                p.advance();
                return new Term(new Literal(TextNode.valueOf(t.value())), t.start());
            case NUMBER:
                p.advance();
                return new Term(new Literal(number(t)), t.start());
            case ROOT:
            case CURRENT:
                p.advance();
                return new Term(new Query(t.kind() == Kind.ROOT, p.segments()), t.start());
            case NAME:
                p.advance();
                if (p.token().kind() == Kind.LPAREN && !p.token().spaceBefore()) {
                    return call(t);
                }
                JsonNode keyword = keyword(t.value());
                if (keyword != null) {
                    return new Term(new Literal(keyword), t.start());
                } else if (p.token().kind() == Kind.LPAREN) {
                    throw p.error(t.end(), "blank space not allowed between function name and '('");
                }
                boolean miscased = keyword(t.value().toLowerCase(Locale.ROOT)) != null;
                throw p.error(
                        t.start(),
                        "unexpected name '" + t.value() + "'; expected '@', '$', a literal or a " + "function call"
                                + (miscased ? " (true, false and null are lowercase)" : ""));
            default:
                throw p.unexpected("'@', '$', a literal or a function call");
        }
    }

    private static JsonNode keyword(String name) {
        switch (name) {
            case "true":
                return BooleanNode.TRUE;
            case "false":
                return BooleanNode.FALSE;
            case "null":
                return NullNode.getInstance();
            default:
                return null;
        }
    }

    /** Converts a number literal: {@code (int / "-0") [frac] [exp]}. */
    private JsonNode number(JsonPathToken t) {
        String text = t.value();
        int digits = text.startsWith("-") ? 1 : 0;
        if (text.length() > digits + 1 && text.charAt(digits) == '0' && Character.isDigit(text.charAt(digits + 1))) {
            throw p.error(t.start(), "leading zeros not allowed in '" + text + "'");
        }
        try {
            BigDecimal value = new BigDecimal(text);
            boolean integer = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
            if (integer && value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                return LongNode.valueOf(value.longValueExact());
            }
            return DecimalNode.valueOf(value);
        } catch (NumberFormatException | ArithmeticException e) {
            throw p.error(t.start(), "number '" + text + "' out of range");
        }
    }

    /** Reads {@code name "(" S [argument *(S "," S argument)] S ")"}, the name already read. */
    private Term call(JsonPathToken name) {
        JsonPathFunction function = JsonPathFunction.named(name.value());
        if (function == null) {
            throw p.error(
                    name.start(),
                    "unknown function '" + name.value() + "' (known: length, count, match, search, value)");
        }
        p.enter(name.start());
        p.advance();
        List<Term> terms = new ArrayList<>();
        if (p.token().kind() != Kind.RPAREN) {
            terms.add(or());
            while (p.token().kind() == Kind.COMMA) {
                p.advance();
                terms.add(or());
            }
            if (p.token().kind() != Kind.RPAREN) {
                throw p.unexpected("',' or ')'");
            }
        }
        int close = p.token().start();
        p.advance();
        p.leave();
        int expected = function.parameters().size();
        if (terms.size() != expected) {
            throw p.error(
                    terms.size() > expected ? terms.get(expected).start() : close,
                    "function '"
                            + name.value() + "' takes " + expected + " argument" + (expected == 1 ? "" : "s")
                            + ", found "
                            + terms.size());
        }
        List<Argument> arguments = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            arguments.add(JsonPathTypes.argument(
                    p, function, i, terms.get(i).node(), terms.get(i).start()));
        }
        return new Term(new Call(function, arguments), name.start());
    }

    private Logical logical(Term term) {
        return JsonPathTypes.logical(p, term.node(), term.start());
    }

    private JsonPathAst.Value value(Term term) {
        return JsonPathTypes.value(p, term.node(), term.start());
    }
}
