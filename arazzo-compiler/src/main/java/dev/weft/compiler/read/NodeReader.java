package dev.weft.compiler.read;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.model.Node;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a YAML or JSON file into {@link Node}s, reporting malformed input as diagnostics.
 *
 * <p>SnakeYAML composes the node graph (so positions are exact and aliases are bounded); scalars
 * are then typed here by the YAML 1.2 JSON schema rather than YAML 1.1's, so {@code on: x} has the
 * key "on" and {@code 1.0} written unquoted is a number the binder can complain about.
 */
public final class NodeReader {
    private static final Pattern NULL = Pattern.compile("null|Null|NULL|~|");
    private static final Pattern TRUE = Pattern.compile("true|True|TRUE");
    private static final Pattern FALSE = Pattern.compile("false|False|FALSE");
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Set<Tag> PLAIN_TAGS =
            Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ, Tag.TIMESTAMP);
    private static final int MAX_NODES = ReadLimits.MAX_VALUES;
    private static final int MAX_DEPTH = ReadLimits.MAX_DEPTH;

    private final Diagnostics diagnostics;
    private int nodes;

    public NodeReader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Reads a file; empty when it is missing or malformed (a diagnostic says why). */
    public Optional<Node> read(Path file, Location referencedFrom) {
        diagnostics.input(file);
        String text;
        try {
            if (Files.size(file) > ReadLimits.MAX_FILE_BYTES) {
                diagnostics.report(Message.FILE_TOO_LARGE, Location.startOf(file), ReadLimits.MAX_FILE_BYTES);
                return Optional.empty();
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            diagnostics.report(Message.MISSING_FILE, referencedFrom, file);
            return Optional.empty();
        } catch (CharacterCodingException e) {
            diagnostics.report(Message.NOT_UTF_8, Location.startOf(file));
            return Optional.empty();
        } catch (IOException e) {
            diagnostics.report(Message.UNREADABLE_FILE, referencedFrom, file, e.getMessage());
            return Optional.empty();
        }
        return parse(file, new StringReader(text));
    }

    /** Parses text that claims to come from {@code file}. */
    public Optional<Node> parse(Path file, Reader text) {
        nodes = 0;
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(ReadLimits.MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit((int) ReadLimits.MAX_FILE_BYTES);
        options.setAllowRecursiveKeys(false);
        try {
            org.yaml.snakeyaml.nodes.Node root = new Yaml(options).compose(ReadLimits.lineLimited(text));
            if (root == null) {
                diagnostics.report(Message.EMPTY_DOCUMENT, Location.startOf(file));
                return Optional.empty();
            }
            return Optional.of(convert(file, root, 0));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            diagnostics.report(Message.MALFORMED_YAML, at(file, mark), oneLine(problem));
            return Optional.empty();
        } catch (TooLarge e) {
            diagnostics.report(Message.TOO_MANY_VALUES, e.at, MAX_NODES);
            return Optional.empty();
        } catch (YAMLException e) {
            if (e.getCause() instanceof ReadLimits.LineTooLong tooLong) {
                diagnostics.report(
                        Message.LINE_TOO_LONG,
                        new Location(file, tooLong.line(), 1),
                        tooLong.line(),
                        ReadLimits.MAX_YAML_LINE);
                return Optional.empty();
            }
            diagnostics.report(Message.MALFORMED_YAML, Location.startOf(file), oneLine(e.getMessage()));
            return Optional.empty();
        }
    }

    // SnakeYAML's Node stays fully qualified here: Node alone is this package's model.Node, what convert returns
    private Node convert(Path file, org.yaml.snakeyaml.nodes.Node node, int depth) {
        Location location = at(file, node.getStartMark());
        if (depth > MAX_DEPTH) {
            throw new YAMLException("nesting deeper than " + MAX_DEPTH + " levels");
        }
        if (++nodes > MAX_NODES) {
            throw new TooLarge(location);
        }
        if (!PLAIN_TAGS.contains(node.getTag())) {
            diagnostics.report(Message.YAML_TAG, location, node.getTag().getValue());
        }
        if (node instanceof MappingNode map) {
            return convertMap(file, map, location, depth);
        }
        if (node instanceof SequenceNode seq) {
            List<Node> items = new ArrayList<>();
            for (org.yaml.snakeyaml.nodes.Node item : seq.getValue()) {
                items.add(convert(file, item, depth + 1));
            }
            return new Node.ListNode(items, location);
        }
        return scalar((ScalarNode) node, location);
    }

    private Node convertMap(Path file, MappingNode map, Location location, int depth) {
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            Location keyLocation = at(file, tuple.getKeyNode().getStartMark());
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                diagnostics.report(Message.KEY_NOT_A_STRING, keyLocation);
                continue;
            }
            if (key.getTag().equals(Tag.MERGE)) {
                diagnostics.report(Message.MERGE_KEY, keyLocation);
                continue;
            }
            String name = key.getValue();
            Node value = convert(file, tuple.getValueNode(), depth + 1);
            if (entries.containsKey(name)) {
                diagnostics.report(Message.DUPLICATE_KEY, keyLocation, name);
                continue;
            }
            entries.put(name, new Node.Entry(name, keyLocation, value));
        }
        return new Node.MapNode(entries, location);
    }

    private static Node scalar(ScalarNode scalar, Location location) {
        String value = scalar.getValue();
        DumperOptions.ScalarStyle style = scalar.getScalarStyle();
        boolean plain = style == DumperOptions.ScalarStyle.PLAIN;
        // A plain scalar SnakeYAML's (YAML 1.1) resolver already calls a string is one under the JSON
        // schema too; this also honours an explicit !!str tag.
        if (!plain || scalar.getTag().equals(Tag.STR)) {
            boolean block = style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED;
            return new Node.StringNode(
                    value, plain ? Node.Style.PLAIN : block ? Node.Style.BLOCK : Node.Style.QUOTED, location);
        }
        if (NULL.matcher(value).matches()) {
            return new Node.NullNode(location);
        }
        if (TRUE.matcher(value).matches()) {
            return new Node.BooleanNode(true, location);
        }
        if (FALSE.matcher(value).matches()) {
            return new Node.BooleanNode(false, location);
        }
        if (INT.matcher(value).matches()) {
            return new Node.NumberNode(new BigDecimal(value), value, true, location);
        }
        if (FLOAT.matcher(value).matches()) {
            return new Node.NumberNode(new BigDecimal(value), value, false, location);
        }
        return new Node.StringNode(value, Node.Style.PLAIN, location);
    }

    private static Location at(Path file, Mark mark) {
        if (mark == null) {
            return Location.startOf(file);
        }
        return new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String oneLine(String text) {
        return text == null ? "unknown problem" : text.replaceAll("\\s+", " ").trim();
    }

    /** Thrown when a document expands past {@link #MAX_NODES}; where the expansion was when it did. */
    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Location at;

        TooLarge(Location at) {
            super(null, null, false, false);
            this.at = at;
        }
    }
}
