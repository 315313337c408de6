package dev.weft.compiler.model;

import dev.weft.compiler.diagnostic.Location;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML/JSON value as read from a file, with the location of its first character.
 *
 * <p>Map keys are the strings of their source text ({@code 200:} is the key "200"); scalars are
 * typed by the YAML 1.2 JSON schema, so {@code on} and {@code yes} stay strings.
 */
public sealed interface Node {

    Location location();

    /** A short name of the node's JSON type, for messages: "object", "array", "string"... */
    String typeName();

    /** A mapping; entries keep document order. */
    record MapNode(Map<String, Entry> entries, Location location) implements Node {
        public MapNode {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public Node get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        @Override
        public String typeName() {
            return "object";
        }
    }

    /** One key of a mapping: the key's own location, and the value. */
    record Entry(String key, Location keyLocation, Node value) {}

    /** A sequence. */
    record ListNode(List<Node> items, Location location) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String typeName() {
            return "array";
        }
    }

    /** A string scalar and how it was written, which tells where its first character is. */
    record StringNode(String value, Style style, Location location) implements Node {
        @Override
        public String typeName() {
            return "string";
        }

        /**
         * The location of the character at {@code offset} in the value, exact for one-line plain and
         * quoted scalars; for block scalars and after a line break, the scalar's start.
         */
        public Location at(int offset) {
            if (style == Style.BLOCK || value.lastIndexOf('\n', Math.max(0, offset - 1)) >= 0 && offset > 0) {
                return location;
            }
            return location.shifted(offset + (style == Style.QUOTED ? 1 : 0));
        }
    }

    /** How a string scalar was written. */
    enum Style {
        PLAIN,
        QUOTED,
        BLOCK
    }

    /** A number scalar, with its source text. */
    record NumberNode(BigDecimal value, String text, boolean integral, Location location) implements Node {
        @Override
        public String typeName() {
            return integral ? "integer" : "number";
        }
    }

    /** A boolean scalar. */
    record BooleanNode(boolean value, Location location) implements Node {
        @Override
        public String typeName() {
            return "boolean";
        }
    }

    /** A null scalar ({@code null}, {@code ~} or empty). */
    record NullNode(Location location) implements Node {
        @Override
        public String typeName() {
            return "null";
        }
    }
}
