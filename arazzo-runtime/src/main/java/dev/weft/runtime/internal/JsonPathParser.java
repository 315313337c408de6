package dev.weft.runtime.internal;

import dev.weft.runtime.internal.JsonPathAst.Index;
import dev.weft.runtime.internal.JsonPathAst.Name;
import dev.weft.runtime.internal.JsonPathAst.Query;
import dev.weft.runtime.internal.JsonPathAst.Segment;
import dev.weft.runtime.internal.JsonPathAst.Selector;
import dev.weft.runtime.internal.JsonPathAst.Slice;
import dev.weft.runtime.internal.JsonPathAst.Wildcard;
import dev.weft.runtime.internal.JsonPathToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser of RFC 9535 queries, segments and selectors; filter expressions are left to
 * {@link JsonPathFilterParser}, which shares this parser's token stream.
 */
final class JsonPathParser {

    /** Largest magnitude of an index or slice bound: I-JSON's exact integers, 2^53 - 1. */
    static final long MAX_INT = (1L << 53) - 1;

    /** Nesting limit for filters, parentheses and function calls, so that no input can exhaust the stack. */
    private static final int MAX_DEPTH = 100;

    private final String text;
    private final JsonPathLexer lexer;
    private final JsonPathFilterParser filters = new JsonPathFilterParser(this);
    private JsonPathToken token;
    private int previousEnd;
    private int depth;

    private JsonPathParser(String text) {
        this.text = text;
        this.lexer = new JsonPathLexer(text);
        this.token = lexer.next();
    }

    /**
     * Parses a whole query.
     *
     * @param text the query
     * @return the tree
     * @throws JsonPathSyntaxException if the text is not a well-formed, well-typed query
     */
    static Query parse(String text) {
        return new JsonPathParser(text).query();
    }

    private Query query() {
        if (token.kind() != Kind.ROOT) {
            throw error(token.start(), "query must start with '$'");
        } else if (token.spaceBefore()) {
            throw error(0, "blank space not allowed before '$'");
        }
        advance();
        Query query = new Query(true, segments());
        if (token.kind() != Kind.EOF) {
            throw unexpected("'.', '..' or '['");
        } else if (token.spaceBefore()) {
            throw error(previousEnd, "blank space not allowed at the end of the query");
        }
        return query;
    }

    /** Reads {@code *(S segment)} after {@code $} or {@code @}. */
    List<Segment> segments() {
        List<Segment> segments = new ArrayList<>();
        while (true) {
            switch (token.kind()) {
                case DOT:
                    advance();
                    segments.add(new Segment(false, List.of(dotted("'.'"))));
                    break;
                case DOUBLE_DOT:
                    advance();
                    if (token.kind() == Kind.LBRACKET && !token.spaceBefore()) {
                        segments.add(new Segment(true, bracketed()));
                    } else {
                        segments.add(new Segment(true, List.of(dotted("'..'"))));
                    }
                    break;
                case LBRACKET:
                    segments.add(new Segment(false, bracketed()));
                    break;
                default:
                    return segments;
            }
        }
    }

    /** Reads the member name or {@code *} right after a {@code .} or {@code ..}. */
    private Selector dotted(String after) {
        if (token.spaceBefore()) {
            throw error(previousEnd, "blank space not allowed after " + after);
        } else if (token.kind() == Kind.STAR) {
            advance();
            return new Wildcard();
        } else if (token.kind() == Kind.NAME) {
            String name = token.value();
            advance();
            return new Name(name);
        } else if (after.equals("'..'")) {
            throw unexpected("member name, '*' or '[' after '..'");
        }
        throw unexpected("member name or '*' after '.'");
    }

    /** Reads {@code "[" S selector *(S "," S selector) S "]"}. */
    private List<Selector> bracketed() {
        advance();
        List<Selector> selectors = new ArrayList<>();
        while (true) {
            selectors.add(selector());
            if (token.kind() == Kind.RBRACKET) {
                advance();
                return selectors;
            } else if (token.kind() != Kind.COMMA) {
                throw unexpected("',' or ']'");
            }
            advance();
        }
    }

    private Selector selector() {
        switch (token.kind()) {
            case STRING:
                String name = token.value();
                advance();
                return new Name(name);
            case STAR:
                advance();
                return new Wildcard();
            case QUESTION:
                advance();
                enter(previousEnd - 1);
                Selector filter = new JsonPathAst.Filter(filters.filter());
                leave();
                return filter;
            case NUMBER:
            case COLON:
                return indexOrSlice();
            default:
                throw unexpected("selector");
        }
    }

    /** Reads {@code int} or {@code [start S] ":" S [end S] [":" [S step]]}. */
    private Selector indexOrSlice() {
        Long start = optionalInt();
        if (token.kind() != Kind.COLON) {
            return new Index(start);
        }
        advance();
        Long end = optionalInt();
        Long step = null;
        if (token.kind() == Kind.COLON) {
            advance();
            step = optionalInt();
        }
        return new Slice(start, end, step);
    }

    private Long optionalInt() {
        if (token.kind() != Kind.NUMBER) {
            return null;
        }
        String digits = token.value();
        int at = token.start();
        if (digits.indexOf('.') >= 0 || digits.indexOf('e') >= 0 || digits.indexOf('E') >= 0) {
            throw error(at, "integer expected, found '" + digits + "'");
        } else if (digits.equals("-0")) {
            throw error(at, "'-0' is not a valid integer here; use '0'");
        } else if (digits.startsWith("0", digits.startsWith("-") ? 1 : 0) && digits.length() > 1) {
            throw error(at, "leading zeros not allowed in '" + digits + "'");
        }
        advance();
        // at most 2^53 - 1 needs 16 digits; longer strings would overflow parseLong
        if (digits.length() > 17) {
            throw error(at, "integer '" + digits + "' out of range (allowed: -(2^53-1) to 2^53-1)");
        }
        long value = Long.parseLong(digits);
        if (Math.abs(value) > MAX_INT) {
            throw error(at, "integer '" + digits + "' out of range (allowed: -(2^53-1) to 2^53-1)");
        }
        return value;
    }

    // token stream shared with JsonPathFilterParser

    JsonPathToken token() {
        return token;
    }

    int previousEnd() {
        return previousEnd;
    }

    void advance() {
        previousEnd = token.end();
        token = lexer.next();
    }

    /** Enters a nested filter, parenthesis or call that starts at {@code offset}. */
    void enter(int offset) {
        if (++depth > MAX_DEPTH) {
            throw error(offset, "expression nested too deeply (more than " + MAX_DEPTH + " levels)");
        }
    }

    void leave() {
        depth--;
    }

    JsonPathSyntaxException unexpected(String expected) {
        String found =
                token.kind() == Kind.EOF ? "end of query" : "'" + text.substring(token.start(), token.end()) + "'";
        return error(token.start(), expected + " expected, found " + found);
    }

    JsonPathSyntaxException error(int offset, String message) {
        return new JsonPathSyntaxException(message, offset);
    }
}
