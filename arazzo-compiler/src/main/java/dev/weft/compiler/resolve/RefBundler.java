package dev.weft.compiler.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.read.ReadLimits;
import dev.weft.compiler.resolve.OpenApiShape.Child;
import dev.weft.compiler.resolve.OpenApiShape.Kind;
import dev.weft.compiler.resolve.RefTargets.Target;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes one tree of an OpenAPI description and the files its {@code $ref}s reach on disk, their targets
 * turned into components of the root (path items and media types inlined), so that every reference
 * left is local and Swagger Parser never opens a file or a connection.
 */
final class RefBundler {
    /** The most files one description may reach through references. */
    static final int MAX_FILES = 200;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Diagnostics diagnostics;
    private final DescriptionReader reader;
    private final RefTargets targets;
    private final String sourceName;
    private final Location at;
    private final Path root;
    private final boolean swagger2;
    private final Map<String, String> imported = new HashMap<>();
    private final Map<String, Map<String, JsonNode>> added = new LinkedHashMap<>();
    private final Set<String> inlining = new HashSet<>();
    private final Set<Path> reached = new LinkedHashSet<>();
    private long copied;
    private boolean failed;

    /**
     * @param allowed the folders whose files references may read (the description's, the Arazzo document's)
     * @param self the description's {@code $self} URI (3.2), which stands for the root file; or null
     */
    RefBundler(
            Diagnostics diagnostics,
            DescriptionReader reader,
            SourceFiles files,
            String sourceName,
            Location at,
            Path root,
            boolean swagger2,
            Set<Path> allowed,
            URI self) {
        this.diagnostics = diagnostics;
        this.reader = reader;
        this.targets = new RefTargets(files, root, self, allowed);
        this.sourceName = sourceName;
        this.at = at;
        this.root = root;
        this.swagger2 = swagger2;
    }

    /** Bundles {@code tree} (the root file's, changed in place); false when a reference fails (reported). */
    boolean bundle(ObjectNode tree) {
        walk(tree, Kind.ROOT, root, new Trail(null, ""));
        if (failed) {
            return false;
        }
        added.forEach((section, entries) -> {
            ObjectNode holder = swagger2 ? tree : tree.withObject("components");
            holder.withObject(section).setAll(entries);
        });
        if (swagger2) {
            // Swagger Parser's 2.0 reader has no URL policy to fall back on (3.x ones get a deny-all one)
            sweep(tree, new Trail(null, ""));
        }
        return !failed;
    }

    /** The files the description reached, the root's first. */
    Set<Path> reached() {
        return reached;
    }

    private void walk(JsonNode node, Kind kind, Path file, Trail trail) {
        if (failed || !(node instanceof ObjectNode object)) {
            return;
        }
        if (kind.referable && object.get("$ref") != null && object.get("$ref").isTextual()) {
            if (follow(object, object.get("$ref").asText(), kind, file, trail)) {
                return; // inlined and walked
            }
        }
        if (kind == Kind.SCHEMA) {
            // a $id would make Swagger Parser resolve references against it, possibly over the network;
            // Weft resolves them against the file
            object.remove("$id");
            mapping(object, file, trail);
        }
        if (kind == Kind.PATH_ITEM) {
            for (String method : OpenApiShape.METHODS) {
                walk(object.get(method), Kind.OPERATION, file, trail.then(method));
            }
        }
        if (kind == Kind.CALLBACK) {
            for (var e : new ArrayList<>(object.properties())) {
                if (!e.getKey().startsWith("x-")) {
                    walk(e.getValue(), Kind.PATH_ITEM, file, trail.then(e.getKey()));
                }
            }
            return;
        }
        for (Map.Entry<String, Child> member : OpenApiShape.children(kind).entrySet()) {
            JsonNode value = object.get(member.getKey());
            if (value == null) {
                continue;
            }
            Trail here = trail.then(member.getKey());
            Child child = member.getValue();
            switch (child.shape()) {
                case ONE -> walk(value, child.kind(), file, here);
                case LIST, ONE_OR_LIST -> {
                    if (value instanceof ArrayNode array) {
                        for (int i = 0; i < array.size(); i++) {
                            walk(array.get(i), child.kind(), file, here.then(Integer.toString(i)));
                        }
                    } else if (child.shape() == OpenApiShape.Shape.ONE_OR_LIST) {
                        walk(value, child.kind(), file, here);
                    }
                }
                case MAP -> {
                    if (value instanceof ObjectNode map) {
                        boolean data = child.kind() == Kind.SCHEMA; // property names may start with x-
                        for (var e : new ArrayList<>(map.properties())) {
                            if (data || !e.getKey().startsWith("x-")) {
                                walk(e.getValue(), child.kind(), file, here.then(e.getKey()));
                            }
                        }
                    }
                }
            }
        }
    }

    /** Members whose values are data, where a {@code $ref} member is no reference. */
    private static final Set<String> DATA = Set.of("example", "examples", "default", "enum", "const", "value");

    /**
     * In Swagger 2.0, a reference to another document left anywhere but in data (a place the walk does
     * not know) is refused, rather than left for Swagger Parser's 2.0 reader to try to load.
     */
    private void sweep(JsonNode node, Trail trail) {
        if (failed) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) {
                fail(Message.REF_OUTSIDE_REFERENCE_PLACES.format(ref.asText(), trail.in(root)));
                return;
            }
            for (var e : object.properties()) {
                if (!DATA.contains(e.getKey()) && !e.getKey().startsWith("x-")) {
                    sweep(e.getValue(), trail.then(e.getKey()));
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                sweep(array.get(i), trail.then(Integer.toString(i)));
            }
        }
    }

    /** A discriminator's mapping values that name other documents are schema references too. */
    private void mapping(ObjectNode schema, Path file, Trail trail) {
        JsonNode mapping = schema.path("discriminator").path("mapping");
        if (!(mapping instanceof ObjectNode map)) {
            return;
        }
        for (var e : new ArrayList<>(map.properties())) {
            String value = e.getValue().asText();
            boolean isName = value.indexOf('/') < 0 && value.indexOf('.') < 0 && value.indexOf('#') < 0;
            if (!isName && (!value.startsWith("#") || !file.equals(root))) {
                ObjectNode ref = NODES.objectNode().put("$ref", value);
                follow(
                        ref,
                        value,
                        Kind.SCHEMA,
                        file,
                        trail.then("discriminator").then("mapping"));
                map.put(e.getKey(), ref.path("$ref").asText());
            }
        }
    }

    /**
     * Makes {@code object}'s reference local. Returns true when the target was inlined into {@code object}
     * (and walked), false when {@code object} stays a reference, now to the root.
     */
    private boolean follow(ObjectNode object, String ref, Kind kind, Path file, Trail trail) {
        Target target = target(ref, file, trail);
        if (target == null) {
            return true;
        }
        if (target.file().equals(root)) {
            object.put("$ref", "#" + target.fragment());
            return false;
        }
        if (!reached.contains(target.file()) && reached.size() >= MAX_FILES) {
            return fail(Message.REF_TOO_MANY_FILES.format(MAX_FILES));
        }
        reached.add(target.file());
        Optional<JsonNode> tree = reader.read(target.file(), at);
        if (tree.isEmpty()) {
            failed = true; // the reader said why, at the file
            return true;
        }
        JsonNode found = tree.get().at(target.fragment().isEmpty() ? "" : pointer(target.fragment()));
        if (found.isMissingNode() || !found.isObject()) {
            return fail(Message.REF_TO_NO_OBJECT.format(ref, trail.in(file), target.file()));
        }
        String key = kind + " " + target.file() + "#" + target.fragment();
        String section = swagger2 ? swagger2Section(kind) : kind.section;
        if (section == null) {
            if (!inlining.add(key)) {
                return fail(Message.REF_BACK_TO_ITSELF.format(ref, trail.in(file)));
            }
            ObjectNode copy = copy(found);
            object.removeAll();
            object.setAll(copy);
            walk(object, kind, target.file(), new Trail(null, target.fragment()));
            inlining.remove(key);
            return true;
        }
        String name = imported.get(key);
        if (name == null) {
            name = allocate(section, target);
            imported.put(key, name);
            ObjectNode copy = copy(found);
            added.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(name, copy);
            walk(copy, kind, target.file(), new Trail(null, target.fragment()));
        }
        object.put("$ref", (swagger2 ? "#/" : "#/components/") + section + "/" + name);
        return false;
    }

    private Target target(String ref, Path file, Trail trail) {
        RefTargets.Located located = targets.locate(ref, file);
        if (located.problem() != null) {
            fail(Message.REF_PROBLEM.format(ref, trail.in(file), located.problem()));
        }
        return located.target();
    }

    private ObjectNode copy(JsonNode found) {
        ObjectNode copy = (ObjectNode) found.deepCopy();
        copied += size(copy);
        if (copied > ReadLimits.MAX_DESCRIPTION_VALUES) {
            fail(Message.REF_TOO_MANY_VALUES.format(ReadLimits.MAX_DESCRIPTION_VALUES));
        }
        return copy;
    }

    private static long size(JsonNode node) {
        long n = 1;
        for (JsonNode child : node) {
            n += size(child);
        }
        return n;
    }

    /** A component name from the pointer's last token or the file's name, unique in its section. */
    private String allocate(String section, Target target) {
        String fragment = target.fragment();
        String base = fragment.isEmpty() || fragment.equals("/")
                ? target.file().getFileName().toString().replaceFirst("\\.[^.]*$", "")
                : fragment.substring(fragment.lastIndexOf('/') + 1)
                        .replace("~1", "/")
                        .replace("~0", "~");
        base = base.replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.isEmpty()) {
            base = "ref";
        }
        Map<String, JsonNode> taken = added.computeIfAbsent(section, s -> new LinkedHashMap<>());
        String name = base;
        for (int i = 2; taken.containsKey(name) || existing(section, name); i++) {
            name = base + "_" + i;
        }
        taken.put(name, NODES.nullNode()); // reserved until the copy is put in
        return name;
    }

    private boolean existing(String section, String name) {
        JsonNode tree = reader.read(root, at).orElse(NODES.objectNode());
        JsonNode holder = swagger2 ? tree : tree.path("components");
        return holder.path(section).has(name);
    }

    private static String swagger2Section(Kind kind) {
        return switch (kind) {
            case SCHEMA -> "definitions";
            case PARAMETER -> "parameters";
            case RESPONSE -> "responses";
            default -> null;
        };
    }

    private static String pointer(String fragment) {
        return fragment.startsWith("/") ? fragment : "/" + fragment;
    }

    private boolean fail(String why) {
        if (!failed) {
            diagnostics.report(Message.DESCRIPTION_REFERENCE, at, sourceName, why);
        }
        failed = true;
        return true;
    }

    /** Where the walk is, as a JSON pointer, for messages. */
    private record Trail(Trail parent, String token) {
        Trail then(String next) {
            return new Trail(this, next.replace("~", "~0").replace("/", "~1"));
        }

        String in(Path file) {
            List<String> tokens = new ArrayList<>();
            for (Trail t = this; t != null; t = t.parent) {
                tokens.add(0, t.token);
            }
            String pointer = String.join("/", tokens);
            return file.getFileName() + "#" + (pointer.startsWith("/") || pointer.isEmpty() ? pointer : "/" + pointer);
        }
    }
}
