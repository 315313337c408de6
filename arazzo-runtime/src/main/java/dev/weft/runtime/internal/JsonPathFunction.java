package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.List;
import java.util.Optional;

/**
 * The function extensions of RFC 9535 §2.4 with their declared types: {@code length}, {@code count},
 * {@code match}, {@code search} and {@code value}.
 *
 * <p>At run time, a ValueType argument is a {@link JsonNode} or {@code null} for Nothing, a NodesType argument a
 * {@code List<JsonNode>}, a LogicalType argument a {@link Boolean}; results follow the same convention.
 */
enum JsonPathFunction {

    /** The length of a string (in Unicode scalar values), an array or an object; Nothing otherwise. */
    LENGTH("length", Type.VALUE, List.of(Type.VALUE)) {
        @Override
        Object apply(List<Object> args) {
            JsonNode v = (JsonNode) args.get(0);
            if (v == null) {
                return null;
            } else if (v.isTextual()) {
                String s = v.textValue();
                return IntNode.valueOf(s.codePointCount(0, s.length()));
            } else if (v.isArray() || v.isObject()) {
                return IntNode.valueOf(v.size());
            }
            return null;
        }
    },

    /** The number of nodes in a nodelist. */
    COUNT("count", Type.VALUE, List.of(Type.NODES)) {
        @Override
        Object apply(List<Object> args) {
            return IntNode.valueOf(((List<?>) args.get(0)).size());
        }
    },

    /** Whether a string matches an I-Regexp entirely, in linear time (both arguments may come from a server). */
    MATCH("match", Type.LOGICAL, List.of(Type.VALUE, Type.VALUE)) {
        @Override
        Object apply(List<Object> args) {
            Optional<BoundedRegex> pattern = pattern(args);
            return pattern.isPresent()
                    && pattern.get().matches(((JsonNode) args.get(0)).textValue(), "JSONPath match()");
        }
    },

    /** Whether a string contains a match of an I-Regexp, in linear time. */
    SEARCH("search", Type.LOGICAL, List.of(Type.VALUE, Type.VALUE)) {
        @Override
        Object apply(List<Object> args) {
            Optional<BoundedRegex> pattern = pattern(args);
            return pattern.isPresent() && pattern.get().find(((JsonNode) args.get(0)).textValue(), "JSONPath search()");
        }
    },

    /** The value of the only node of a nodelist; Nothing for an empty or longer nodelist. */
    VALUE("value", Type.VALUE, List.of(Type.NODES)) {
        @Override
        Object apply(List<Object> args) {
            List<?> nodes = (List<?>) args.get(0);
            return nodes.size() == 1 ? nodes.get(0) : null;
        }
    };

    /** The declared types of RFC 9535 §2.4.1. */
    enum Type {
        VALUE("a value"),
        LOGICAL("a logical"),
        NODES("a nodelist");

        private final String description;

        Type(String description) {
            this.description = description;
        }

        /** How messages name the type, e.g. {@code a value}. */
        String description() {
            return description;
        }
    }

    private final String functionName;
    private final Type result;
    private final List<Type> parameters;

    JsonPathFunction(String functionName, Type result, List<Type> parameters) {
        this.functionName = functionName;
        this.result = result;
        this.parameters = parameters;
    }

    /**
     * Finds a function by the name a query uses.
     *
     * @param name the name, e.g. {@code length}
     * @return the function, or null when there is none of that name
     */
    static JsonPathFunction named(String name) {
        for (JsonPathFunction f : values()) {
            if (f.functionName.equals(name)) {
                return f;
            }
        }
        return null;
    }

    String functionName() {
        return functionName;
    }

    Type result() {
        return result;
    }

    List<Type> parameters() {
        return parameters;
    }

    /**
     * Applies the function.
     *
     * @param args the evaluated arguments, one per parameter, typed as the class comment says
     * @return the result, typed as the class comment says
     */
    abstract Object apply(List<Object> args);

    /** The pattern of match/search, or empty when either argument is not a string or the regexp is invalid. */
    private static Optional<BoundedRegex> pattern(List<Object> args) {
        JsonNode subject = (JsonNode) args.get(0);
        JsonNode regexp = (JsonNode) args.get(1);
        if (subject == null || regexp == null || !subject.isTextual() || !regexp.isTextual()) {
            return Optional.empty();
        }
        return JsonPathRegex.compile(regexp.textValue());
    }
}
