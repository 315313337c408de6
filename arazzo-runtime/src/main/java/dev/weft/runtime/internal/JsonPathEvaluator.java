package dev.weft.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.weft.runtime.internal.JsonPathAst.And;
import dev.weft.runtime.internal.JsonPathAst.Argument;
import dev.weft.runtime.internal.JsonPathAst.Call;
import dev.weft.runtime.internal.JsonPathAst.Comparison;
import dev.weft.runtime.internal.JsonPathAst.Exists;
import dev.weft.runtime.internal.JsonPathAst.Filter;
import dev.weft.runtime.internal.JsonPathAst.Index;
import dev.weft.runtime.internal.JsonPathAst.Literal;
import dev.weft.runtime.internal.JsonPathAst.Logical;
import dev.weft.runtime.internal.JsonPathAst.LogicalCall;
import dev.weft.runtime.internal.JsonPathAst.Name;
import dev.weft.runtime.internal.JsonPathAst.NodesCall;
import dev.weft.runtime.internal.JsonPathAst.NodesQuery;
import dev.weft.runtime.internal.JsonPathAst.Not;
import dev.weft.runtime.internal.JsonPathAst.Or;
import dev.weft.runtime.internal.JsonPathAst.Query;
import dev.weft.runtime.internal.JsonPathAst.Segment;
import dev.weft.runtime.internal.JsonPathAst.Selector;
import dev.weft.runtime.internal.JsonPathAst.SingularQuery;
import dev.weft.runtime.internal.JsonPathAst.Slice;
import dev.weft.runtime.internal.JsonPathAst.Value;
import dev.weft.runtime.internal.JsonPathAst.ValueCall;
import dev.weft.runtime.internal.JsonPathAst.Wildcard;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Evaluates a parsed JSONPath query on a Jackson tree, producing the nodelist in the order RFC 9535 §2 defines.
 */
final class JsonPathEvaluator {

    private final JsonNode root;

    private JsonPathEvaluator(JsonNode root) {
        this.root = root;
    }

    /**
     * Evaluates a query.
     *
     * @param query the query, absolute
     * @param root the document; not null
     * @return the nodelist
     */
    static List<JsonNode> evaluate(Query query, JsonNode root) {
        return new JsonPathEvaluator(root).select(query, root);
    }

    /**
     * A selected node with where it sits: its parent and its member name or element index; the root has no parent.
     */
    record Slot(JsonNode parent, String name, int index, JsonNode node) {}

    /**
     * Evaluates a query, keeping where each selected node sits (for payload replacements).
     *
     * @param query the query, absolute
     * @param root the document; not null
     * @return the selected slots, in nodelist order
     */
    static List<Slot> locate(Query query, JsonNode root) {
        JsonPathEvaluator evaluator = new JsonPathEvaluator(root);
        List<Slot> slots = List.of(new Slot(null, null, -1, root));
        for (Segment segment : query.segments()) {
            List<Slot> next = new ArrayList<>();
            for (Slot slot : slots) {
                if (segment.descendant()) {
                    for (Slot descendant : descendantSlots(slot)) {
                        evaluator.applyLocated(segment.selectors(), descendant.node(), next);
                    }
                } else {
                    evaluator.applyLocated(segment.selectors(), slot.node(), next);
                }
            }
            slots = next;
        }
        return slots;
    }

    private static List<Slot> descendantSlots(Slot slot) {
        List<Slot> all = new ArrayList<>();
        Deque<Slot> pending = new ArrayDeque<>();
        pending.push(slot);
        while (!pending.isEmpty()) {
            Slot next = pending.pop();
            all.add(next);
            List<Slot> children = children(next.node());
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i));
            }
        }
        return all;
    }

    private static List<Slot> children(JsonNode node) {
        List<Slot> children = new ArrayList<>(node.size());
        if (node.isObject()) {
            node.properties().forEach(e -> children.add(new Slot(node, e.getKey(), -1, e.getValue())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                children.add(new Slot(node, null, i, node.get(i)));
            }
        }
        return children;
    }

    /** As {@link #apply}, with slots. */
    private void applyLocated(List<Selector> selectors, JsonNode node, List<Slot> out) {
        List<Slot> children = children(node);
        for (Selector selector : selectors) {
            if (selector instanceof Name name) {
                JsonNode member = node.isObject() ? node.get(name.name()) : null;
                if (member != null) {
                    out.add(new Slot(node, name.name(), -1, member));
                }
            } else if (selector instanceof Wildcard) {
                out.addAll(children);
            } else if (selector instanceof Index index) {
                if (node.isArray()) {
                    long i = index.index() < 0 ? node.size() + index.index() : index.index();
                    if (i >= 0 && i < node.size()) {
                        out.add(children.get((int) i));
                    }
                }
            } else if (selector instanceof Slice slice) {
                if (node.isArray()) {
                    // the slice of the indices is the indices of the slice
                    ArrayNode indices = JsonNodeFactory.instance.arrayNode();
                    for (int i = 0; i < node.size(); i++) {
                        indices.add(i);
                    }
                    List<JsonNode> chosen = new ArrayList<>();
                    slice(slice, indices, chosen);
                    chosen.forEach(i -> out.add(children.get(i.intValue())));
                }
            } else {
                Logical test = ((Filter) selector).test();
                for (Slot child : children) {
                    if (test(test, child.node())) {
                        out.add(child);
                    }
                }
            }
        }
    }

    private List<JsonNode> select(Query query, JsonNode current) {
        List<JsonNode> nodes = List.of(query.absolute() ? root : current);
        for (Segment segment : query.segments()) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : nodes) {
                if (segment.descendant()) {
                    for (JsonNode descendant : descendants(node)) {
                        apply(segment.selectors(), descendant, next);
                    }
                } else {
                    apply(segment.selectors(), node, next);
                }
            }
            nodes = next;
        }
        return nodes;
    }

    /** The node and all its descendants, each before its children, children in order (iteratively: no depth limit). */
    private static List<JsonNode> descendants(JsonNode node) {
        List<JsonNode> all = new ArrayList<>();
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(node);
        while (!pending.isEmpty()) {
            JsonNode next = pending.pop();
            all.add(next);
            if (next.isContainerNode()) {
                List<JsonNode> children = new ArrayList<>(next.size());
                next.forEach(children::add);
                for (int i = children.size() - 1; i >= 0; i--) {
                    pending.push(children.get(i));
                }
            }
        }
        return all;
    }

    private void apply(List<Selector> selectors, JsonNode node, List<JsonNode> out) {
        for (Selector selector : selectors) {
            if (selector instanceof Name name) {
                JsonNode member = node.isObject() ? node.get(name.name()) : null;
                if (member != null) {
                    out.add(member);
                }
            } else if (selector instanceof Wildcard) {
                node.forEach(out::add);
            } else if (selector instanceof Index index) {
                if (node.isArray()) {
                    long i = index.index() < 0 ? node.size() + index.index() : index.index();
                    if (i >= 0 && i < node.size()) {
                        out.add(node.get((int) i));
                    }
                }
            } else if (selector instanceof Slice slice) {
                if (node.isArray()) {
                    slice(slice, node, out);
                }
            } else {
                Logical test = ((Filter) selector).test();
                for (JsonNode child : node) {
                    if (test(test, child)) {
                        out.add(child);
                    }
                }
            }
        }
    }

    /** RFC 9535 §2.3.4.2.2: normalized, clamped bounds, then a walk up or down by the step. */
    private static void slice(Slice slice, JsonNode array, List<JsonNode> out) {
        long len = array.size();
        long step = slice.step() == null ? 1 : slice.step();
        if (step == 0) {
            return;
        }
        long start = slice.start() == null ? (step > 0 ? 0 : len - 1) : normalize(slice.start(), len);
        long end = slice.end() == null ? (step > 0 ? len : -len - 1) : normalize(slice.end(), len);
        if (step > 0) {
            long lower = Math.min(Math.max(start, 0), len);
            long upper = Math.min(Math.max(end, 0), len);
            for (long i = lower; i < upper; i += step) {
                out.add(array.get((int) i));
            }
        } else {
            long upper = Math.min(Math.max(start, -1), len - 1);
            long lower = Math.min(Math.max(end, -1), len - 1);
            for (long i = upper; lower < i; i += step) {
                out.add(array.get((int) i));
            }
        }
    }

    private static long normalize(long i, long len) {
        return i >= 0 ? i : len + i;
    }

    private boolean test(Logical expr, JsonNode current) {
        if (expr instanceof Or or) {
            for (Logical operand : or.operands()) {
                if (test(operand, current)) {
                    return true;
                }
            }
            return false;
        } else if (expr instanceof And and) {
            for (Logical operand : and.operands()) {
                if (!test(operand, current)) {
                    return false;
                }
            }
            return true;
        } else if (expr instanceof Not not) {
            return !test(not.operand(), current);
        } else if (expr instanceof Comparison c) {
            return JsonPathComparison.compare(value(c.left(), current), c.op(), value(c.right(), current));
        } else if (expr instanceof Exists exists) {
            return !select(exists.query(), current).isEmpty();
        }
        Object result = call(((LogicalCall) expr).call(), current);
        return result instanceof Boolean b ? b : !((List<?>) result).isEmpty();
    }

    /** A ValueType result: the value, or null for Nothing. */
    private JsonNode value(Value expr, JsonNode current) {
        if (expr instanceof Literal literal) {
            return literal.value();
        } else if (expr instanceof SingularQuery query) {
            List<JsonNode> nodes = select(query.query(), current);
            return nodes.isEmpty() ? null : nodes.get(0);
        }
        return (JsonNode) call(((ValueCall) expr).call(), current);
    }

    private Object call(Call call, JsonNode current) {
        List<Object> args = new ArrayList<>(call.arguments().size());
        for (Argument argument : call.arguments()) {
            if (argument instanceof Value v) {
                args.add(value(v, current));
            } else if (argument instanceof NodesQuery nodes) {
                args.add(select(nodes.query(), current));
            } else if (argument instanceof NodesCall nodes) {
                args.add(call(nodes.call(), current));
            } else {
                args.add(test((Logical) argument, current));
            }
        }
        return call.function().apply(args);
    }
}
