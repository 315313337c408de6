package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The syntax tree of a parsed, type-checked RFC 9535 JSONPath query. */
final class JsonPathAst {

    private JsonPathAst() {}

    /**
     * A query: {@code $} or {@code @} followed by segments.
     *
     * @param absolute whether it starts at the root ({@code $}) rather than the current node ({@code @})
     * @param segments the segments, in order
     */
    record Query(boolean absolute, List<Segment> segments) {

        Query {
            segments = List.copyOf(segments);
        }

        /** Whether the query selects at most one node: child segments of one name or index selector each. */
        boolean singular() {
            for (Segment segment : segments) {
                if (segment.descendant() || segment.selectors().size() != 1) {
                    return false;
                }
                Selector only = segment.selectors().get(0);
                if (!(only instanceof Name || only instanceof Index)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A child segment ({@code .name}, {@code [...]}) or a descendant segment ({@code ..name}, {@code ..[...]}).
     *
     * @param descendant whether it applies to the input node and all its descendants
     * @param selectors the selectors, in order
     */
    record Segment(boolean descendant, List<Selector> selectors) {

        Segment {
            selectors = List.copyOf(selectors);
        }
    }

    /** A selector (RFC 9535 §2.3). */
    sealed interface Selector permits Name, Wildcard, Index, Slice, Filter {}

    /**
     * {@code 'name'} or {@code .name}.
     *
     * @param name the member name
     */
    record Name(String name) implements Selector {}

    /** {@code *}. */
    record Wildcard() implements Selector {}

    /**
     * {@code 3} or {@code -1}.
     *
     * @param index the index, negative from the end
     */
    record Index(long index) implements Selector {}

    /**
     * {@code start:end:step}.
     *
     * @param start the start, or null for the default
     * @param end the end, or null for the default
     * @param step the step, or null for 1
     */
    record Slice(Long start, Long end, Long step) implements Selector {}

    /**
     * {@code ?expr}.
     *
     * @param test the logical expression each child is tested against
     */
    record Filter(Logical test) implements Selector {}

    /** A function argument: a value, a nodelist or a logical, per the parameter's declared type. */
    sealed interface Argument permits Value, Nodes, Logical {}

    /** An expression of RFC 9535 LogicalType. */
    sealed interface Logical extends Argument permits Or, And, Not, Comparison, Exists, LogicalCall {}

    /**
     * {@code a || b || ...}.
     *
     * @param operands at least two operands
     */
    record Or(List<Logical> operands) implements Logical {

        Or {
            operands = List.copyOf(operands);
        }
    }

    /**
     * {@code a && b && ...}.
     *
     * @param operands at least two operands
     */
    record And(List<Logical> operands) implements Logical {

        And {
            operands = List.copyOf(operands);
        }
    }

    /**
     * {@code !a}.
     *
     * @param operand the negated expression
     */
    record Not(Logical operand) implements Logical {}

    /**
     * {@code left op right}.
     *
     * @param left the left operand
     * @param op the operator
     * @param right the right operand
     */
    record Comparison(Value left, Op op, Value right) implements Logical {}

    /**
     * An existence test: a filter query, true when its nodelist is not empty.
     *
     * @param query the query
     */
    record Exists(Query query) implements Logical {}

    /**
     * A function of LogicalType or NodesType result used as a test.
     *
     * @param call the call
     */
    record LogicalCall(Call call) implements Logical {}

    /** An expression of RFC 9535 ValueType: a JSON value or Nothing. */
    sealed interface Value extends Argument permits Literal, SingularQuery, ValueCall {}

    /**
     * A literal.
     *
     * @param value the value
     */
    record Literal(JsonNode value) implements Value {}

    /**
     * A singular query used as a value: its one node, or Nothing.
     *
     * @param query the query
     */
    record SingularQuery(Query query) implements Value {}

    /**
     * A function of ValueType result.
     *
     * @param call the call
     */
    record ValueCall(Call call) implements Value {}

    /** An expression of RFC 9535 NodesType. */
    sealed interface Nodes extends Argument permits NodesQuery, NodesCall {}

    /**
     * A query used as a nodelist.
     *
     * @param query the query
     */
    record NodesQuery(Query query) implements Nodes {}

    /**
     * A function of NodesType result used as a nodelist.
     *
     * @param call the call
     */
    record NodesCall(Call call) implements Nodes {}

    /**
     * A function call whose arguments match the declared parameter types.
     *
     * @param function the function
     * @param arguments the arguments, one per parameter
     */
    record Call(JsonPathFunction function, List<Argument> arguments) {

        Call {
            arguments = List.copyOf(arguments);
        }
    }

    /** A comparison operator. */
    enum Op {
        EQ,
        NE,
        LT,
        LE,
        GT,
        GE
    }
}
