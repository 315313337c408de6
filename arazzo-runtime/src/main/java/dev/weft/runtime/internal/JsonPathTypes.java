package dev.weft.runtime.internal;

import dev.weft.runtime.internal.JsonPathAst.Argument;
import dev.weft.runtime.internal.JsonPathAst.Call;
import dev.weft.runtime.internal.JsonPathAst.Exists;
import dev.weft.runtime.internal.JsonPathAst.Literal;
import dev.weft.runtime.internal.JsonPathAst.Logical;
import dev.weft.runtime.internal.JsonPathAst.LogicalCall;
import dev.weft.runtime.internal.JsonPathAst.NodesCall;
import dev.weft.runtime.internal.JsonPathAst.NodesQuery;
import dev.weft.runtime.internal.JsonPathAst.Query;
import dev.weft.runtime.internal.JsonPathAst.SingularQuery;
import dev.weft.runtime.internal.JsonPathAst.Value;
import dev.weft.runtime.internal.JsonPathAst.ValueCall;
import dev.weft.runtime.internal.JsonPathFunction.Type;

/**
 * The well-typedness rules of RFC 9535 §2.4.3: converts a parsed literal, query, function call or logical
 * expression to what its context needs, or reports why it cannot be used there.
 */
final class JsonPathTypes {

    private JsonPathTypes() {}

    /** A test ({@code test-expr} or operand of {@code ! && ||}): LogicalType, or NodesType converted. */
    static Logical logical(JsonPathParser p, Object node, int start) {
        if (node instanceof Logical logical) {
            return logical;
        } else if (node instanceof Query query) {
            return new Exists(query);
        } else if (node instanceof Call call) {
            if (call.function().result() == Type.VALUE) {
                throw p.error(
                        start,
                        "function '" + call.function().functionName()
                                + "' returns a value, which cannot be a test; compare it, e.g. '"
                                + call.function().functionName() + "(...) > 0'");
            }
            return new LogicalCall(call);
        }
        throw p.error(start, "a literal cannot be a test; compare it with something");
    }

    /** A comparison operand ({@code comparable}): a literal, a singular query, or a function of ValueType. */
    static Value value(JsonPathParser p, Object node, int start) {
        if (node instanceof Literal literal) {
            return literal;
        } else if (node instanceof Query query) {
            if (!query.singular()) {
                throw p.error(
                        start,
                        "a non-singular query cannot be compared; "
                                + "only names and indices may follow '@' or '$' in a comparison");
            }
            return new SingularQuery(query);
        } else if (node instanceof Call call) {
            if (call.function().result() != Type.VALUE) {
                throw p.error(
                        start,
                        "function '" + call.function().functionName() + "' returns "
                                + call.function().result().description() + ", which cannot be compared");
            }
            return new ValueCall(call);
        }
        throw p.error(start, "a logical expression cannot be compared");
    }

    /** Argument {@code index} of a call to {@code function}, checked against the declared parameter type. */
    static Argument argument(JsonPathParser p, JsonPathFunction function, int index, Object node, int start) {
        Type type = function.parameters().get(index);
        String where = "argument " + (index + 1) + " of '" + function.functionName() + "'";
        switch (type) {
            case VALUE:
                if (node instanceof Literal
                        || node instanceof Query query && query.singular()
                        || node instanceof Call call && call.function().result() == Type.VALUE) {
                    return value(p, node, start);
                }
                throw p.error(
                        start,
                        where + " must be a value: a literal, a singular query or a function "
                                + "returning a value; found " + describe(node));
            case NODES:
                if (node instanceof Query query) {
                    return new NodesQuery(query);
                } else if (node instanceof Call call && call.function().result() == Type.NODES) {
                    return new NodesCall(call);
                }
                throw p.error(start, where + " must be a query; found " + describe(node));
            default:
                if (node instanceof Logical
                        || node instanceof Query
                        || node instanceof Call call && call.function().result() != Type.VALUE) {
                    return logical(p, node, start);
                }
                throw p.error(start, where + " must be a logical expression; found " + describe(node));
        }
    }

    private static String describe(Object node) {
        if (node instanceof Literal) {
            return "a literal";
        } else if (node instanceof Query query) {
            return query.singular() ? "a singular query" : "a non-singular query";
        } else if (node instanceof Call call) {
            return "a call of '" + call.function().functionName() + "', which returns "
                    + call.function().result().description();
        }
        return "a logical expression";
    }
}
