package dev.weft.compiler.read;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.model.Action;
import dev.weft.compiler.model.Located;
import dev.weft.compiler.model.Node;
import dev.weft.compiler.model.Parameter;
import dev.weft.compiler.model.ReusableComponents;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The document's {@code components}, used to resolve Reusable objects ({@code reference} plus an
 * optional {@code value} override) where they appear.
 */
final class Components {
    private static final String PREFIX = "$components.";

    private final Fields fields;
    private final Diagnostics diagnostics;
    private DocumentBinder binder;

    Components(Node node, Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.fields = node == null ? null : Fields.of(node, "components", diagnostics);
        if (fields != null) {
            fields.allowOnly(Set.of("inputs", "parameters", "successActions", "failureActions"));
            for (String section : Set.of("inputs", "parameters", "successActions", "failureActions")) {
                Node sectionNode = fields.raw(section);
                if (sectionNode != null) {
                    checkKeys(section, sectionNode);
                }
            }
        }
    }

    Components binder(DocumentBinder binder) {
        this.binder = binder;
        return this;
    }

    private void checkKeys(String section, Node sectionNode) {
        Fields s = Fields.of(sectionNode, "components." + section, diagnostics);
        if (s == null) {
            return;
        }
        for (Node.Entry e : s.node().entries().values()) {
            if (!e.key().matches("[a-zA-Z0-9.\\-_]+")) {
                diagnostics.report(Message.INVALID_COMPONENT_NAME, e.keyLocation(), e.key());
            }
        }
    }

    /**
     * Binds every component, used or not, so that an unused one is checked like a used one (a used one
     * reports the same diagnostics at the same places, once).
     */
    ReusableComponents bindAll() {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        Map<String, Action> success = new LinkedHashMap<>();
        Map<String, Action> failure = new LinkedHashMap<>();
        each("parameters", (name, node) -> {
            Parameter p = binder.parameter(node);
            if (p != null) {
                parameters.put(name, p);
            }
        });
        each("successActions", (name, node) -> action(node, Action.Kind.SUCCESS, "success action", name, success));
        each("failureActions", (name, node) -> action(node, Action.Kind.FAILURE, "failure action", name, failure));
        return new ReusableComponents(parameters, success, failure);
    }

    private void each(String section, BiConsumer<String, Node> bind) {
        if (fields != null && fields.raw(section) instanceof Node.MapNode map) {
            map.entries().forEach((name, entry) -> bind.accept(name, entry.value()));
        }
    }

    private void action(Node node, Action.Kind kind, String what, String name, Map<String, Action> into) {
        Fields f = Fields.of(node, what, diagnostics);
        Action a = f == null ? null : binder.inlineAction(f, kind);
        if (a != null) {
            into.put(name, a);
        }
    }

    Parameter parameter(Fields reusable) {
        reusable.ignoreOthers(Set.of("reference", "value"));
        Node target = lookup(reusable, "parameters");
        if (target == null) {
            return null;
        }
        Parameter p = binder.parameter(target);
        if (p == null) {
            return null;
        }
        Node override = reusable.raw("value");
        return new Parameter(
                used(p.name(), reusable),
                p.in(),
                override != null ? override : p.value(),
                override != null ? binder.selectorValue(override) : p.selector(),
                reusable.location());
    }

    Action action(Fields reusable, Action.Kind kind) {
        if (reusable.has("value")) {
            diagnostics.report(
                    Message.VALUE_OF_ACTION_REFERENCE,
                    reusable.node().entries().get("value").keyLocation());
        }
        reusable.ignoreOthers(Set.of("reference", "value"));
        String section = kind == Action.Kind.SUCCESS ? "successActions" : "failureActions";
        Node target = lookup(reusable, section);
        if (target == null) {
            return null;
        }
        Fields f = Fields.of(target, kind == Action.Kind.SUCCESS ? "success action" : "failure action", diagnostics);
        Action a = f == null ? null : binder.inlineAction(f, kind);
        return a == null
                ? null
                : new Action(
                        a.kind(),
                        used(a.name(), reusable),
                        a.type(),
                        a.stepId(),
                        a.workflowId(),
                        a.criteria(),
                        a.retryAfter(),
                        a.retryLimit(),
                        a.parameters(),
                        reusable.location());
    }

    /**
     * A component's name as located where the Reusable object uses it, so that a duplicate (D-38) is
     * reported at the second use rather than at the component.
     */
    private static Located<String> used(Located<String> name, Fields reusable) {
        return reusable.raw("reference") instanceof Node.StringNode ref ? new Located<>(name.value(), ref.at(0)) : name;
    }

    private Node lookup(Fields reusable, String expectedSection) {
        Located<String> reference = reusable.requiredString("reference");
        if (reference == null) {
            return null;
        }
        String text = reference.value();
        if (!text.startsWith(PREFIX) || text.indexOf('.', PREFIX.length()) < 0) {
            diagnostics.report(Message.MALFORMED_COMPONENT_REFERENCE, reference.location(), text, expectedSection);
            return null;
        }
        int dot = text.indexOf('.', PREFIX.length());
        String section = text.substring(PREFIX.length(), dot);
        String key = text.substring(dot + 1);
        if (section.equals("inputs")) {
            diagnostics.report(Message.INPUTS_COMPONENT_REFERENCE, reference.location(), text, key);
            return null;
        }
        if (!section.equals(expectedSection)) {
            diagnostics.report(
                    Message.REFERENCE_TO_OTHER_SECTION, reference.location(), text, section, expectedSection);
            return null;
        }
        Node sectionNode = fields == null ? null : fields.raw(section);
        Node target = sectionNode instanceof Node.MapNode map ? map.get(key) : null;
        if (target == null) {
            diagnostics.report(Message.UNKNOWN_COMPONENT, reference.location(), text, key, section);
        }
        return target;
    }
}
