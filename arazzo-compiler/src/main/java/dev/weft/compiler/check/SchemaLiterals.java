package dev.weft.compiler.check;

import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.diagnostic.Suggestions;
import dev.weft.compiler.model.Node;
import dev.weft.compiler.resolve.Schemas;
import dev.weft.runtime.internal.BoundedRegex;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Literal values (a step's request body, its parameters) against OpenAPI schemas, reporting only what certainly
 * does not fit: a value holding a runtime expression or a template is unknown and fits; so does anything a
 * schema says in words this class does not read ({@code not}, {@code if}, {@code format}, {@code dependentSchemas}
 * ...). Compositions are read as their authors mean them: the properties of all the schemas an {@code allOf}
 * joins (and of the one a discriminator picks) are allowed where one of them says {@code additionalProperties:
 * false}; a {@code oneOf} or {@code anyOf} fails only when every branch certainly fails; a discriminator picks its
 * branch by the literal tag. Work is bounded: depth, visits, and regexes run only when they cannot backtrack, on
 * a budget.
 */
final class SchemaLiterals {
    /** What a finding says. */
    enum Kind {
        /** A required property is absent. */
        MISSING,
        /** A property the schema does not allow. */
        FORBIDDEN,
        /** A value of a type the schema does not admit. */
        TYPE,
        /** A value outside the enum, or out of bounds. */
        MISMATCH
    }

    /**
     * One certain misfit.
     *
     * @param pointer the JSON Pointer of the value (of the absent property for {@link Kind#MISSING})
     * @param expectation what the schema wants, a phrase ("an integer", "one of 'a' or 'b'")
     * @param given the value, a phrase ("the string 'x'"); empty for {@link Kind#MISSING}
     * @param hint a "did you mean" hint, or empty
     */
    record Finding(Kind kind, Location at, String pointer, String expectation, String given, String hint) {}

    private static final int MAX_DEPTH = 64;
    private static final int MAX_VISITS = 20_000;
    private static final int MAX_ENUM_NAMED = 8;
    private static final int MAX_QUOTED = 60;
    private static final int MAX_REGEX_TEXT = 2_000;
    private static final int MAX_REGEX_STEPS = 200_000;
    private static final String SCHEMAS = "#/components/schemas/";

    private final OpenAPI api;
    /** JSON Pointers a replacement writes: the value there is unknown, and the path to it exists. */
    private final Set<String> replaced;

    private final Map<Node, Set<Schema<?>>> active = new IdentityHashMap<>();
    private int visits;
    private int depth;

    private SchemaLiterals(OpenAPI api, Set<String> replaced) {
        this.api = api;
        this.replaced = replaced;
    }

    /**
     * The certain misfits of a literal request body.
     *
     * @param replaced the JSON Pointers replacements write (each present, with an unknown value)
     */
    static List<Finding> body(OpenAPI api, Schema<?> schema, Node payload, Set<String> replaced) {
        return dedupe(new SchemaLiterals(api, replaced).validate(schema, payload, "", Set.of()));
    }

    /** The certain misfits of a parameter's literal text (as sent in the path, query, a header or a cookie). */
    static List<Finding> text(OpenAPI api, Schema<?> schema, String text, Location at) {
        String given = "the value '" + quote(text) + "'";
        return dedupe(new SchemaLiterals(api, Set.of())
                .text(schema, text, at).stream()
                        .map(f -> new Finding(f.kind(), f.at(), f.pointer(), f.expectation(), given, f.hint()))
                        .toList());
    }

    /** Whether a value may hold a runtime expression or a template, so that what is sent is not known. */
    static boolean unknown(Node value) {
        return value instanceof Node.StringNode s && s.value().indexOf('$') >= 0;
    }

    // ---- bodies

    private List<Finding> validate(Schema<?> declared, Node value, String pointer, Set<String> inherited) {
        Schema<?> root = resolve(declared);
        if (root == null || unknown(value) || replaced.contains(pointer)) {
            return List.of();
        }
        if (++visits > MAX_VISITS || depth >= MAX_DEPTH) {
            return List.of();
        }
        Set<Schema<?>> here = active.computeIfAbsent(value, v -> Collections.newSetFromMap(new IdentityHashMap<>()));
        if (!here.add(root)) {
            return List.of(); // the same schema for the same value again: a cycle through compositions
        }
        depth++;
        try {
            List<Finding> findings = new ArrayList<>();
            List<Schema<?>> group = allOfGroup(root);
            if (value instanceof Node.NullNode && group.stream().anyMatch(g -> Boolean.TRUE.equals(g.getNullable()))) {
                return List.of(); // OpenAPI 3.0: {nullable: true, allOf: [X]} admits null, whatever X says
            }
            boolean dispatched = false;
            boolean open = false;
            if (value instanceof Node.MapNode map) {
                for (Schema<?> g : List.copyOf(group)) {
                    Discriminator d = g.getDiscriminator();
                    if (d == null || d.getPropertyName() == null) {
                        continue;
                    }
                    String tagPointer = pointer + "/" + escape(d.getPropertyName());
                    if (!(map.get(d.getPropertyName()) instanceof Node.StringNode tag)
                            || unknown(tag)
                            || replaced.contains(tagPointer)) {
                        open = true; // any schema the discriminator knows may be meant, with its properties
                        continue;
                    }
                    Schema<?> target = discriminated(g, d, tag.value());
                    if (target == null) {
                        List<String> tags = tags(g, d);
                        if (!tags.isEmpty()) {
                            findings.add(new Finding(
                                    Kind.MISMATCH,
                                    tag.location(),
                                    tagPointer,
                                    "one of " + names(tags) + " (the discriminator's values)",
                                    describe(tag),
                                    Suggestions.hint(tag.value(), tags)));
                            dispatched = true; // said once, by the tag; the branches would only repeat it
                        }
                        continue;
                    }
                    dispatched = true;
                    for (Schema<?> s : allOfGroup(target)) {
                        if (group.stream().noneMatch(x -> x == s)) {
                            group.add(s);
                        }
                    }
                }
            }
            Set<String> allowed = new LinkedHashSet<>(inherited);
            for (Schema<?> g : group) {
                if (g.getProperties() != null) {
                    allowed.addAll(g.getProperties().keySet());
                }
                open |= g.getPatternProperties() != null
                        && !g.getPatternProperties().isEmpty();
            }
            for (Schema<?> g : group) {
                own(g, value, pointer, allowed, open, findings);
                if (!dispatched) {
                    branches(g, value, pointer, allowed, findings);
                }
            }
            return findings;
        } finally {
            depth--;
            here.remove(root);
        }
    }

    /** The keywords of one schema, its compositions aside. */
    private void own(
            Schema<?> g, Node value, String pointer, Set<String> allowed, boolean open, List<Finding> findings) {
        Set<String> types = types(g);
        if (!types.isEmpty() && !fits(value, types)) {
            findings.add(new Finding(Kind.TYPE, value.location(), pointer, typePhrase(types), describe(value), ""));
            return;
        }
        if (value instanceof Node.NullNode) {
            return; // a null the type admits: nothing else applies
        }
        enumAndConst(g, value, pointer, findings);
        if (value instanceof Node.StringNode s) {
            length(g, s.value(), value.location(), pointer, findings);
            pattern(g, s.value(), value, pointer, findings);
        } else if (value instanceof Node.NumberNode n) {
            bounds(g, n.value(), value, pointer, findings);
        } else if (value instanceof Node.ListNode list) {
            array(g, list, pointer, findings);
        } else if (value instanceof Node.MapNode map) {
            object(g, map, pointer, allowed, open, findings);
        }
    }

    private void array(Schema<?> g, Node.ListNode list, String pointer, List<Finding> findings) {
        boolean grows = replaced.stream().anyMatch(r -> r.startsWith(pointer + "/"));
        if (!grows && g.getMinItems() != null && list.items().size() < g.getMinItems()) {
            findings.add(new Finding(
                    Kind.MISMATCH,
                    list.location(),
                    pointer,
                    "at least " + g.getMinItems() + " item" + (g.getMinItems() == 1 ? "" : "s"),
                    describe(list) + " of " + list.items().size(),
                    ""));
        }
        if (!grows && g.getMaxItems() != null && list.items().size() > g.getMaxItems()) {
            findings.add(new Finding(
                    Kind.MISMATCH,
                    list.location(),
                    pointer,
                    "at most " + g.getMaxItems() + " item" + (g.getMaxItems() == 1 ? "" : "s"),
                    describe(list) + " of " + list.items().size(),
                    ""));
        }
        if (g.getItems() != null
                && (g.getPrefixItems() == null || g.getPrefixItems().isEmpty())) {
            for (int i = 0; i < list.items().size(); i++) {
                findings.addAll(validate(g.getItems(), list.items().get(i), pointer + "/" + i, Set.of()));
            }
        }
    }

    private void object(
            Schema<?> g, Node.MapNode map, String pointer, Set<String> allowed, boolean open, List<Finding> findings) {
        if (g.getRequired() != null) {
            for (String name : g.getRequired()) {
                String at = pointer + "/" + escape(name);
                if (map.get(name) == null && !present(at)) {
                    findings.add(new Finding(Kind.MISSING, map.location(), at, "", "", ""));
                }
            }
        }
        Map<String, Schema<?>> properties = properties(g);
        Object additional = g.getAdditionalProperties();
        boolean closed = Schemas.forbids(additional);
        boolean closedUnevaluated = Schemas.forbids(g.getUnevaluatedProperties());
        Set<String> evaluated = closedUnevaluated ? evaluated(g, allowed) : allowed;
        for (Node.Entry e : map.entries().values()) {
            String at = pointer + "/" + escape(e.key());
            Schema<?> property = properties.get(e.key());
            if (property != null) {
                findings.addAll(validate(property, e.value(), at, Set.of()));
            } else if (allowed.contains(e.key())) {
                continue; // declared by another schema of the composition
            } else if (additional instanceof Schema<?> extra && extra.getBooleanSchemaValue() == null) {
                findings.addAll(validate(extra, e.value(), at, Set.of()));
            } else if (!open && (closed || closedUnevaluated && !evaluated.contains(e.key()))) {
                List<String> known = new ArrayList<>(closed ? allowed : evaluated);
                findings.add(new Finding(
                        Kind.FORBIDDEN,
                        e.keyLocation(),
                        at,
                        known.isEmpty() ? "no properties" : "only " + names(known),
                        "",
                        Suggestions.hint(e.key(), known)));
            }
        }
    }

    /** For {@code unevaluatedProperties: false}: every property any schema of the composition may evaluate. */
    private Set<String> evaluated(Schema<?> g, Set<String> allowed) {
        Set<String> names = new LinkedHashSet<>(allowed);
        List<Schema<?>> todo = new ArrayList<>(List.of(g));
        Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!todo.isEmpty() && seen.size() < MAX_VISITS) {
            Schema<?> s = resolve(todo.remove(todo.size() - 1));
            if (s == null || !seen.add(s)) {
                continue;
            }
            if (s.getProperties() != null) {
                names.addAll(s.getProperties().keySet());
            }
            typed(s.getAllOf()).forEach(todo::add);
            typed(s.getOneOf()).forEach(todo::add);
            typed(s.getAnyOf()).forEach(todo::add);
        }
        return names;
    }

    /** {@code oneOf} and {@code anyOf}: a misfit only when every branch certainly misfits. */
    private void branches(Schema<?> g, Node value, String pointer, Set<String> allowed, List<Finding> findings) {
        for (String keyword : List.of("oneOf", "anyOf")) {
            List<Schema<?>> branches = typed(keyword.equals("oneOf") ? g.getOneOf() : g.getAnyOf());
            if (branches.isEmpty()) {
                continue;
            }
            List<List<Finding>> results = new ArrayList<>();
            for (Schema<?> branch : branches) {
                List<Finding> r = validate(branch, value, pointer, allowed);
                if (r.isEmpty()) {
                    results = null;
                    break;
                }
                results.add(r);
            }
            if (results == null) {
                continue;
            }
            // where only one branch has the value's type, its misfits say the most
            List<List<Finding>> typeFits = results.stream()
                    .filter(r -> r.stream().noneMatch(f -> f.pointer().equals(pointer) && f.kind() == Kind.TYPE))
                    .toList();
            if (typeFits.size() == 1) {
                findings.addAll(typeFits.get(0));
            } else {
                findings.add(new Finding(
                        Kind.MISMATCH,
                        value.location(),
                        pointer,
                        "a value that fits one of its '" + keyword + "' schemas" + branchNames(branches),
                        describe(value),
                        ""));
            }
        }
    }

    /** {@code " ('Cat' or 'Dog')"} for branches that are all components, else the empty string. */
    private static String branchNames(List<Schema<?>> branches) {
        List<String> names = new ArrayList<>();
        for (Schema<?> b : branches) {
            if (b.get$ref() == null || !b.get$ref().startsWith(SCHEMAS)) {
                return "";
            }
            names.add(b.get$ref().substring(SCHEMAS.length()));
        }
        return " (" + names(names) + ")";
    }

    private void enumAndConst(Schema<?> g, Node value, String pointer, List<Finding> findings) {
        List<?> values = g.getEnum();
        if (values != null
                && !values.isEmpty()
                && scalar(value)
                && values.stream().allMatch(SchemaLiterals::scalar)) {
            if (values.stream().noneMatch(v -> same(value, v))) {
                List<String> texts = values.stream().map(String::valueOf).toList();
                findings.add(new Finding(
                        Kind.MISMATCH,
                        value.location(),
                        pointer,
                        (texts.size() == 1 ? "" : "one of ") + names(texts),
                        describe(value),
                        value instanceof Node.StringNode s ? Suggestions.hint(s.value(), texts) : ""));
            }
        }
        Object constant = g.getConst();
        if (constant != null && scalar(value) && scalar(constant) && !same(value, constant)) {
            findings.add(new Finding(
                    Kind.MISMATCH,
                    value.location(),
                    pointer,
                    "'" + quote(String.valueOf(constant)) + "' (its 'const')",
                    describe(value),
                    ""));
        }
    }

    private static void length(Schema<?> g, String text, Location at, String pointer, List<Finding> findings) {
        int length = text.codePointCount(0, text.length());
        if (g.getMinLength() != null && length < g.getMinLength()) {
            findings.add(new Finding(
                    Kind.MISMATCH,
                    at,
                    pointer,
                    "at least " + g.getMinLength() + " characters",
                    "the string '" + quote(text) + "' (" + length + " characters)",
                    ""));
        }
        if (g.getMaxLength() != null && length > g.getMaxLength()) {
            findings.add(new Finding(
                    Kind.MISMATCH,
                    at,
                    pointer,
                    "at most " + g.getMaxLength() + " characters",
                    "the string '" + quote(text) + "' (" + length + " characters)",
                    ""));
        }
    }

    private static void pattern(Schema<?> g, String text, Node value, String pointer, List<Finding> findings) {
        if (g.getPattern() != null && matches(g.getPattern(), text) == Boolean.FALSE) {
            findings.add(new Finding(
                    Kind.MISMATCH,
                    value.location(),
                    pointer,
                    "a string matching '" + g.getPattern() + "'",
                    "'" + quote(text) + "'",
                    ""));
        }
    }

    private static void bounds(Schema<?> g, BigDecimal n, Node value, String pointer, List<Finding> findings) {
        String given = "the number " + n.toPlainString();
        if (g.getMinimum() != null) {
            boolean exclusive = Boolean.TRUE.equals(g.getExclusiveMinimum());
            int c = n.compareTo(g.getMinimum());
            if (c < 0 || exclusive && c == 0) {
                findings.add(new Finding(
                        Kind.MISMATCH,
                        value.location(),
                        pointer,
                        (exclusive ? "more than " : "at least ")
                                + g.getMinimum().toPlainString(),
                        given,
                        ""));
            }
        }
        if (g.getMaximum() != null) {
            boolean exclusive = Boolean.TRUE.equals(g.getExclusiveMaximum());
            int c = n.compareTo(g.getMaximum());
            if (c > 0 || exclusive && c == 0) {
                findings.add(new Finding(
                        Kind.MISMATCH,
                        value.location(),
                        pointer,
                        (exclusive ? "less than " : "at most ") + g.getMaximum().toPlainString(),
                        given,
                        ""));
            }
        }
        if (g.getExclusiveMinimumValue() != null && n.compareTo(g.getExclusiveMinimumValue()) <= 0) {
            findings.add(new Finding(
                    Kind.MISMATCH,
                    value.location(),
                    pointer,
                    "more than " + g.getExclusiveMinimumValue().toPlainString(),
                    given,
                    ""));
        }
        if (g.getExclusiveMaximumValue() != null && n.compareTo(g.getExclusiveMaximumValue()) >= 0) {
            findings.add(new Finding(
                    Kind.MISMATCH,
                    value.location(),
                    pointer,
                    "less than " + g.getExclusiveMaximumValue().toPlainString(),
                    given,
                    ""));
        }
    }

    // ---- parameters

    private List<Finding> text(Schema<?> declared, String text, Location at) {
        Schema<?> root = resolve(declared);
        if (root == null || text.indexOf('$') >= 0) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (Schema<?> g : allOfGroup(root)) {
            if (!typed(g.getOneOf()).isEmpty() || !typed(g.getAnyOf()).isEmpty()) {
                return List.of(); // which branch the text is parsed by is not decided here
            }
            Set<String> types = types(g);
            if (types.contains("array") || types.contains("object")) {
                return List.of(); // serialized by style; a literal text may mean either
            }
            Node typed = typedText(text, types, at);
            if (typed == null) {
                findings.add(new Finding(Kind.TYPE, at, "", typePhrase(types), "'" + quote(text) + "'", ""));
                continue;
            }
            List<?> values = g.getEnum();
            if (values != null && !values.isEmpty() && values.stream().allMatch(SchemaLiterals::scalar)) {
                List<String> texts = values.stream()
                        .filter(v -> v != null)
                        .map(String::valueOf)
                        .toList();
                if (values.stream().noneMatch(v -> v != null && sameText(text, v))) {
                    findings.add(new Finding(
                            Kind.MISMATCH,
                            at,
                            "",
                            (texts.size() == 1 ? "" : "one of ") + names(texts),
                            "'" + quote(text) + "'",
                            Suggestions.hint(text, texts)));
                }
            }
            if (typed instanceof Node.NumberNode n) {
                bounds(g, n.value(), typed, "", findings);
            } else {
                length(g, text, at, "", findings);
                pattern(g, text, typed, "", findings);
            }
        }
        return findings;
    }

    /** The text read as the type the schema wants (a string, unless it wants only numbers or booleans). */
    private static Node typedText(String text, Set<String> types, Location at) {
        if (types.isEmpty() || types.contains("string")) {
            return new Node.StringNode(text, Node.Style.PLAIN, at);
        }
        if (types.contains("integer") || types.contains("number")) {
            try {
                BigDecimal n = new BigDecimal(text.strip());
                boolean integral = n.stripTrailingZeros().scale() <= 0;
                if (integral || types.contains("number")) {
                    return new Node.NumberNode(n, text, integral, at);
                }
            } catch (NumberFormatException e) {
                // not a number
            }
        }
        if (types.contains("boolean") && (text.equals("true") || text.equals("false"))) {
            return new Node.BooleanNode(text.equals("true"), at);
        }
        if (types.contains("null") && text.isEmpty()) {
            return new Node.NullNode(at);
        }
        return null;
    }

    // ---- schemas

    private Schema<?> resolve(Schema<?> schema) {
        return schema == null ? null : Schemas.resolve(api, schema);
    }

    /** The schema and the schemas its {@code allOf}s join, transitively. */
    private List<Schema<?>> allOfGroup(Schema<?> root) {
        List<Schema<?>> group = new ArrayList<>();
        List<Schema<?>> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty() && group.size() < MAX_DEPTH) {
            Schema<?> s = resolve(todo.remove(0));
            if (s == null || group.stream().anyMatch(x -> x == s)) {
                continue;
            }
            group.add(s);
            todo.addAll(typed(s.getAllOf()));
        }
        return group;
    }

    /** The schema a discriminator's tag picks: by its mapping, else by component name; null when none. */
    private Schema<?> discriminated(Schema<?> base, Discriminator d, String tag) {
        String ref = d.getMapping() == null ? null : d.getMapping().get(tag);
        if (ref == null) {
            ref = SCHEMAS + tag;
        } else if (!ref.startsWith("#")) {
            ref = ref.contains("/") ? null : SCHEMAS + ref;
        }
        if (ref == null) {
            return base; // a mapping to another document: not followed, so nothing more is known
        }
        Schema<?> target = resolve(new Schema<>().$ref(ref));
        if (target == null && !ref.startsWith(SCHEMAS)) {
            return base;
        }
        return target;
    }

    /**
     * The tags a discriminator certainly knows, when they are all it accepts: its mapping's keys and, for its
     * {@code oneOf}/{@code anyOf} branches, their component names; empty when it may accept more.
     */
    private List<String> tags(Schema<?> base, Discriminator d) {
        Map<String, Boolean> tags = new LinkedHashMap<>();
        if (d.getMapping() != null) {
            d.getMapping().keySet().forEach(k -> tags.put(k, Boolean.TRUE));
        }
        List<Schema<?>> branches = new ArrayList<>(typed(base.getOneOf()));
        branches.addAll(typed(base.getAnyOf()));
        Set<String> mapped =
                d.getMapping() == null ? Set.of() : Set.copyOf(d.getMapping().values());
        for (Schema<?> b : branches) {
            if (b.get$ref() == null || !b.get$ref().startsWith(SCHEMAS)) {
                return List.of();
            }
            String name = b.get$ref().substring(SCHEMAS.length());
            if (!mapped.contains(b.get$ref()) && !mapped.contains(name)) {
                tags.put(name, Boolean.TRUE);
            }
        }
        return List.copyOf(tags.keySet());
    }

    @SuppressWarnings("rawtypes") // Swagger's properties map is raw; each value is a Schema<?>
    private static Map<String, Schema<?>> properties(Schema<?> g) {
        Map<String, Schema<?>> typed = new LinkedHashMap<>();
        Map<String, Schema> raw = g.getProperties();
        if (raw != null) {
            raw.forEach(typed::put);
        }
        return typed;
    }

    @SuppressWarnings("rawtypes") // Swagger's composition lists are raw; each element is a Schema<?>
    private static List<Schema<?>> typed(List<Schema> list) {
        List<Schema<?>> typed = new ArrayList<>();
        if (list != null) {
            list.forEach(typed::add);
        }
        return typed;
    }

    /** The JSON types a schema admits ({@code null} added for OpenAPI 3.0 {@code nullable}); empty for any. */
    private static Set<String> types(Schema<?> schema) {
        Set<String> types = new LinkedHashSet<>();
        if (schema.getTypes() != null) {
            types.addAll(schema.getTypes());
        }
        if (schema.getType() != null) {
            types.add(schema.getType());
        }
        if (!types.isEmpty() && Boolean.TRUE.equals(schema.getNullable())) {
            types.add("null");
        }
        return types;
    }

    private static boolean fits(Node value, Set<String> types) {
        if (value instanceof Node.NumberNode n) {
            return types.contains("number")
                    || types.contains("integer")
                            && (n.integral() || n.value().stripTrailingZeros().scale() <= 0);
        }
        return types.contains(value.typeName());
    }

    private static String typePhrase(Set<String> types) {
        List<String> phrases = new ArrayList<>();
        for (String t : types) {
            phrases.add(
                    switch (t) {
                        case "null" -> "null";
                        case "integer", "object", "array" -> "an " + t;
                        default -> "a " + t;
                    });
        }
        if (phrases.size() == 1) {
            return phrases.get(0);
        }
        return String.join(", ", phrases.subList(0, phrases.size() - 1)) + " or " + phrases.get(phrases.size() - 1);
    }

    private static boolean scalar(Object v) {
        return v == null || v instanceof String || v instanceof Number || v instanceof Boolean;
    }

    private static boolean scalar(Node v) {
        return !(v instanceof Node.MapNode) && !(v instanceof Node.ListNode);
    }

    /** Whether a literal equals an enum or const value, numbers by value. */
    private static boolean same(Node value, Object v) {
        if (value instanceof Node.StringNode s) {
            return v instanceof String t && t.equals(s.value());
        }
        if (value instanceof Node.NumberNode n) {
            BigDecimal x = v instanceof Number number ? number(number) : null;
            return x != null && x.compareTo(n.value()) == 0;
        }
        if (value instanceof Node.BooleanNode b) {
            return v instanceof Boolean t && t == b.value();
        }
        return value instanceof Node.NullNode ? v == null : true;
    }

    private static boolean sameText(String text, Object v) {
        if (v instanceof Number x) {
            try {
                BigDecimal n = number(x);
                return n != null && n.compareTo(new BigDecimal(text.strip())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return String.valueOf(v).equals(text);
    }

    private static BigDecimal number(Number x) {
        try {
            return new BigDecimal(x.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether some replacement writes at or under {@code pointer}. */
    private boolean present(String pointer) {
        return replaced.contains(pointer) || replaced.stream().anyMatch(r -> r.startsWith(pointer + "/"));
    }

    /**
     * Whether {@code text} matches an OpenAPI {@code pattern} (unanchored, as ECMA-262 searches), or null when that
     * is not decided: Java does not read the pattern, it could backtrack, or it runs past its budget.
     */
    static Boolean matches(String pattern, String text) {
        if (text.length() > MAX_REGEX_TEXT || pattern.length() > MAX_REGEX_TEXT) {
            return null;
        }
        try {
            Pattern compiled = Pattern.compile(pattern);
            if (!BoundedRegex.isLinear(pattern) || RegexCheck.risk(pattern) != null) {
                return null;
            }
            Matcher m = compiled.matcher(new Counted(text));
            return m.find();
        } catch (PatternSyntaxException | Counted.Exhausted e) {
            return null;
        }
    }

    /** A text that stops a regex after {@link #MAX_REGEX_STEPS} character reads. */
    private static final class Counted implements CharSequence {
        static final class Exhausted extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Exhausted() {
                super(null, null, false, false);
            }
        }

        private final String text;
        private final int[] steps;

        Counted(String text) {
            this(text, new int[1]);
        }

        private Counted(String text, int[] steps) {
            this.text = text;
            this.steps = steps;
        }

        @Override
        public char charAt(int index) {
            if (++steps[0] > MAX_REGEX_STEPS) {
                throw new Exhausted();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Counted(text.substring(start, end), steps);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    // ---- words

    static String describe(Node value) {
        if (value instanceof Node.StringNode s) {
            return "the string '" + quote(s.value()) + "'";
        }
        if (value instanceof Node.NumberNode n) {
            return (n.integral() ? "the integer " : "the number ") + n.text();
        }
        if (value instanceof Node.BooleanNode b) {
            return "the boolean " + b.value();
        }
        return value instanceof Node.NullNode ? "null" : "an " + value.typeName();
    }

    private static String names(List<String> names) {
        List<String> shown = names.size() > MAX_ENUM_NAMED ? names.subList(0, MAX_ENUM_NAMED) : names;
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < shown.size(); i++) {
            boolean last = i == shown.size() - 1 && shown.size() == names.size();
            list.append(i == 0 ? "" : last ? " or " : ", ");
            list.append('\'').append(quote(shown.get(i))).append('\'');
        }
        if (shown.size() < names.size()) {
            list.append(" (and ").append(names.size() - shown.size()).append(" more)");
        }
        return list.toString();
    }

    private static String quote(String text) {
        String one = text.replace('\n', ' ').replace('\r', ' ');
        return one.length() > MAX_QUOTED ? one.substring(0, MAX_QUOTED) + "..." : one;
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** One finding per place and kind: a value checked through several schemas is reported once. */
    private static List<Finding> dedupe(List<Finding> findings) {
        Map<String, Finding> once = new LinkedHashMap<>();
        for (Finding f : findings) {
            once.putIfAbsent(f.kind() + " " + f.pointer(), f);
        }
        return List.copyOf(once.values());
    }
}
