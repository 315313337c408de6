package dev.weft.runtime.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * JSON value helpers for generated code, where Java {@code null} means absent and {@link NullNode} means an
 * explicit JSON {@code null} (D-13).
 *
 * <p>Longer than ~300 lines: a flat catalogue of one-line helpers that generated code names as
 * {@code Values.x}, most of the length their Javadoc; moving a group elsewhere would rename calls in every
 * generated class for no gain in reading.
 */
public final class Values {

    private static final int MAX_POINTERS = 4096;
    private static final Map<String, JsonPointer> POINTERS = new ConcurrentHashMap<>();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Values() {}

    /**
     * Converts a string.
     *
     * @param v a value or {@code null}
     * @return the node, or {@code null}
     */
    public static JsonNode of(String v) {
        return v == null ? null : TextNode.valueOf(v);
    }

    /**
     * Converts a long.
     *
     * @param v a value or {@code null}
     * @return the node, or {@code null}
     */
    public static JsonNode of(Long v) {
        return v == null ? null : LongNode.valueOf(v);
    }

    /**
     * Converts an int.
     *
     * @param v a value or {@code null}
     * @return the node, or {@code null}
     */
    public static JsonNode of(Integer v) {
        return v == null ? null : IntNode.valueOf(v);
    }

    /**
     * Converts a double.
     *
     * @param v a value or {@code null}
     * @return the node, or {@code null}
     */
    public static JsonNode of(Double v) {
        return v == null ? null : DoubleNode.valueOf(v);
    }

    /**
     * Converts a boolean.
     *
     * @param v a value or {@code null}
     * @return the node, or {@code null}
     */
    public static JsonNode of(Boolean v) {
        return v == null ? null : BooleanNode.valueOf(v);
    }

    /**
     * Returns the node itself (so generated code can call {@code of} on any value).
     *
     * @param v a node or {@code null}
     * @return the same node
     */
    public static JsonNode of(JsonNode v) {
        return v;
    }

    /**
     * Converts a list; {@code null} elements become JSON {@code null} so that positions are kept.
     *
     * @param v a list or {@code null}
     * @return the array node, or {@code null}
     */
    public static JsonNode of(List<?> v) {
        if (v == null) {
            return null;
        }
        ArrayNode array = NODES.arrayNode(v.size());
        for (Object element : v) {
            JsonNode node = ofObject(element);
            array.add(node == null ? NullNode.getInstance() : node);
        }
        return array;
    }

    /**
     * Converts a Java value of the kinds generated records hold: strings, numbers, booleans, nodes, lists and
     * maps with string keys.
     *
     * @param v the value or {@code null}
     * @return the node, or {@code null}
     * @throws IllegalArgumentException for another type
     */
    public static JsonNode ofObject(Object v) {
        if (v == null || v instanceof JsonNode) {
            return (JsonNode) v;
        } else if (v instanceof String s) {
            return TextNode.valueOf(s);
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return IntNode.valueOf(((Number) v).intValue());
        } else if (v instanceof Long l) {
            return LongNode.valueOf(l);
        } else if (v instanceof Double || v instanceof Float) {
            return DoubleNode.valueOf(((Number) v).doubleValue());
        } else if (v instanceof BigDecimal d) {
            return NODES.numberNode(d);
        } else if (v instanceof BigInteger i) {
            return NODES.numberNode(i);
        } else if (v instanceof Boolean b) {
            return BooleanNode.valueOf(b);
        } else if (v instanceof List<?> list) {
            return of(list);
        } else if (v instanceof Map<?, ?> map) {
            ObjectNode object = object();
            map.forEach((key, value) -> put(object, String.valueOf(key), ofObject(value)));
            return object;
        }
        throw new IllegalArgumentException("cannot convert a " + v.getClass().getName() + " to JSON");
    }

    /**
     * Evaluates a JSON pointer (RFC 6901); a leading {@code #} (fragment form) is accepted.
     *
     * @param node the document, or {@code null}
     * @param pointer the pointer; {@code ""} is the whole document
     * @return the value, or {@code null} when the document is absent or the pointer matches nothing
     */
    public static JsonNode at(JsonNode node, String pointer) {
        if (node == null) {
            return null;
        }
        String p = pointer.startsWith("#") ? pointer.substring(1) : pointer;
        JsonNode result = p.isEmpty() ? node : node.at(compiled(p));
        return result.isMissingNode() ? null : result;
    }

    /**
     * Compiles a JSON pointer once: generated code looks up the same few pointers on every response. The cache
     * stops growing at {@value #MAX_POINTERS} entries, for pointers built at run time.
     */
    private static JsonPointer compiled(String pointer) {
        JsonPointer compiled = POINTERS.get(pointer);
        if (compiled == null) {
            compiled = JsonPointer.compile(pointer);
            if (POINTERS.size() < MAX_POINTERS) {
                POINTERS.put(pointer, compiled);
            }
        }
        return compiled;
    }

    /**
     * Returns a member of an object.
     *
     * @param node an object or anything else
     * @param name the member
     * @return the member, or {@code null}
     */
    public static JsonNode member(JsonNode node, String name) {
        return node != null && node.isObject() ? node.get(name) : null;
    }

    /**
     * Follows the object members a dotted path names, {@code a.b.c} for {@code $inputs.customer.a.b.c}: one
     * call, however long the path, so that generated code does not nest a call per member.
     *
     * @param node an object or anything else
     * @param path member names joined by {@code .}
     * @return the member at the end of the path, or {@code null}
     */
    public static JsonNode dotted(JsonNode node, String path) {
        JsonNode current = node;
        int start = 0;
        while (current != null) {
            int dot = path.indexOf('.', start);
            current = member(current, dot < 0 ? path.substring(start) : path.substring(start, dot));
            if (dot < 0) {
                return current;
            }
            start = dot + 1;
        }
        return null;
    }

    /**
     * Returns an element of an array.
     *
     * @param node an array or anything else
     * @param i the 0-based index
     * @return the element, or {@code null}
     */
    public static JsonNode index(JsonNode node, int i) {
        return node != null && node.isArray() && i >= 0 && i < node.size() ? node.get(i) : null;
    }

    /**
     * Returns the canonical text of a value (D-10): strings raw, numbers and booleans as JSON prints them,
     * objects and arrays as compact JSON, JSON {@code null} as {@code "null"}.
     *
     * @param node the value or {@code null}
     * @return the text, or {@code null} when absent
     */
    public static String text(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        } else if (node.isTextual()) {
            return node.textValue();
        } else if (node.isContainerNode()) {
            return Json.write(node);
        } else if (node.isNumber() || node.isBoolean() || node.isNull()) {
            return node.toString();
        }
        return node.asText();
    }

    /**
     * Concatenates literal parts and values into text.
     *
     * @param parts literal {@code String}s and {@code JsonNode} values
     * @return the text
     * @throws AbsentValueException if a part is {@code null}
     */
    public static String concat(Object... parts) {
        return build("template", parts);
    }

    /**
     * Builds a string value from a template (D-13: an absent value fails rather than leaving a gap).
     *
     * @param where what is being built, for the error message
     * @param parts literal {@code String}s and {@code JsonNode} values
     * @return the text node
     * @throws AbsentValueException naming {@code where} if a part is {@code null}
     */
    public static JsonNode interpolate(String where, Object... parts) {
        return TextNode.valueOf(build(where, parts));
    }

    private static String build(String where, Object... parts) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            if (part == null || (part instanceof JsonNode n && n.isMissingNode())) {
                throw new AbsentValueException(where);
            }
            text.append(part instanceof JsonNode n ? text(n) : part.toString());
        }
        return text.toString();
    }

    /**
     * Creates an empty object.
     *
     * @return a new empty object
     */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /**
     * Creates an empty array.
     *
     * @return a new empty array
     */
    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /**
     * Sets a member unless the value is absent.
     *
     * @param o the object
     * @param key the name
     * @param v the value
     */
    public static void put(ObjectNode o, String key, JsonNode v) {
        if (v != null) {
            o.set(key, v);
        }
    }

    /**
     * Appends an element unless the value is absent.
     *
     * @param a the array
     * @param v the value
     */
    public static void add(ArrayNode a, JsonNode v) {
        if (v != null) {
            a.add(v);
        }
    }

    /**
     * Converts to a string: the text of a scalar, compact JSON for objects and arrays.
     *
     * @param node the value
     * @return the string, or {@code null} for absent or JSON {@code null}
     */
    public static String asString(JsonNode node) {
        return isNull(node) ? null : text(node);
    }

    /**
     * Converts to a long: integral numbers (also {@code 2.0}) and strings holding one.
     *
     * @param node the value
     * @return the long, or {@code null} for absent or JSON {@code null}
     * @throws IllegalArgumentException for other values
     */
    public static Long asLong(JsonNode node) {
        if (isNull(node)) {
            return null;
        }
        BigDecimal number = numberOf(node);
        if (number != null) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("expected an integer, found the number " + number, e);
            }
        }
        throw mismatch("an integer", node);
    }

    /**
     * Converts to a double: numbers and strings holding one.
     *
     * @param node the value
     * @return the double, or {@code null} for absent or JSON {@code null}
     * @throws IllegalArgumentException for other values
     */
    public static Double asDouble(JsonNode node) {
        if (isNull(node)) {
            return null;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        BigDecimal number = numberOf(node);
        if (number != null) {
            return number.doubleValue();
        }
        throw mismatch("a number", node);
    }

    /**
     * Converts to a boolean: booleans and the strings {@code true} and {@code false} (any case).
     *
     * @param node the value
     * @return the boolean, or {@code null} for absent or JSON {@code null}
     * @throws IllegalArgumentException for other values
     */
    public static Boolean asBoolean(JsonNode node) {
        if (isNull(node)) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            String s = node.textValue().toLowerCase(Locale.ROOT);
            if (s.equals("true") || s.equals("false")) {
                return Boolean.valueOf(s);
            }
        }
        throw mismatch("a boolean", node);
    }

    /**
     * Converts to a list of the array's elements.
     *
     * @param node the value
     * @return an unmodifiable list, or {@code null} for absent or JSON {@code null}
     * @throws IllegalArgumentException for other values
     */
    public static List<JsonNode> asList(JsonNode node) {
        if (isNull(node)) {
            return null;
        }
        if (!node.isArray()) {
            throw mismatch("an array", node);
        }
        List<JsonNode> list = new ArrayList<>(node.size());
        node.forEach(list::add);
        return Collections.unmodifiableList(list);
    }

    /**
     * Converts to a list, each element converted by {@code element} (for typed list inputs).
     *
     * @param node the value
     * @param element the conversion of one element, e.g. {@code Values::asString}
     * @param <T> the element type
     * @return an unmodifiable list, or {@code null} for absent or JSON {@code null}
     * @throws IllegalArgumentException for a value that is not an array, or an element that does not convert
     */
    public static <T> List<T> asList(JsonNode node, Function<JsonNode, T> element) {
        List<JsonNode> nodes = asList(node);
        if (nodes == null) {
            return null;
        }
        List<T> list = new ArrayList<>(nodes.size());
        nodes.forEach(n -> list.add(element.apply(n)));
        return Collections.unmodifiableList(list);
    }

    /**
     * Converts one output of a finished run to the type its description declares, for the {@code Outputs} record.
     *
     * @param outputs the run's outputs
     * @param name the output
     * @param conversion the conversion, e.g. {@code Values::asLong}
     * @param <T> the declared type
     * @return the value, or {@code null} when absent
     * @throws IllegalArgumentException naming the output when its value does not fit; a run's
     *     {@link WorkflowRun#outputs} turns it into a {@code WorkflowException}
     */
    public static <T> T output(ObjectNode outputs, String name, Function<JsonNode, T> conversion) {
        try {
            return conversion.apply(outputs.get(name));
        } catch (IllegalArgumentException e) {
            throw new OutputTypeException(name, e);
        }
    }

    /**
     * Returns the value as it is, JSON {@code null} included.
     *
     * @param node the value
     * @return the same value
     */
    public static JsonNode asJson(JsonNode node) {
        return node;
    }

    /**
     * Returns the numeric value of a number or of a string that holds one.
     *
     * @param node the value
     * @return the number, or {@code null} when the value is neither
     */
    static BigDecimal numberOf(JsonNode node) {
        if (node == null) {
            return null;
        }
        try {
            if (node.isNumber()) {
                return node.decimalValue();
            }
            if (node.isTextual()) {
                return new BigDecimal(node.textValue());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static boolean isNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static IllegalArgumentException mismatch(String expected, JsonNode node) {
        // the type only: the value may be a credential
        return new IllegalArgumentException("expected " + expected + ", found " + describe(node));
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "the number " + node;
            case BOOLEAN -> "the boolean " + node;
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT) + " value";
        };
    }
}
