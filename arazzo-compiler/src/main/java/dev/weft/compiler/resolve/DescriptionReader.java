package dev.weft.compiler.resolve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.read.ReadLimits;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads OpenAPI files into Jackson trees under {@link ReadLimits}, once per compilation each (JSON with
 * Jackson; YAML composed by SnakeYAML and converted here, where alias expansion is counted).
 */
final class DescriptionReader {
    private static final Pattern NULL = Pattern.compile("null|Null|NULL|~|");
    private static final Pattern TRUE = Pattern.compile("true|True|TRUE");
    private static final Pattern FALSE = Pattern.compile("false|False|FALSE");
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(ReadLimits.MAX_DEPTH)
                    .maxStringLength((int) ReadLimits.MAX_FILE_BYTES)
                    .maxDocumentLength(ReadLimits.MAX_FILE_BYTES)
                    .build())
            .build());

    private final Diagnostics diagnostics;
    private final Map<Path, Optional<JsonNode>> read = new HashMap<>();

    DescriptionReader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * A reader reporting to {@code diagnostics} that knows the tree this one read from {@code file} (it must have
     * been read), for a trial parse whose diagnostics are its own.
     */
    DescriptionReader knowing(Diagnostics diagnostics, Path file) {
        DescriptionReader trial = new DescriptionReader(diagnostics);
        Path key = file.toAbsolutePath().normalize();
        trial.read.put(key, read.get(key));
        return trial;
    }

    /** The file's tree, or empty when it cannot be read (a diagnostic says why, once). */
    Optional<JsonNode> read(Path file, Location referencedFrom) {
        Path key = file.toAbsolutePath().normalize();
        Optional<JsonNode> known = read.get(key);
        if (known == null) {
            known = load(key, referencedFrom);
            read.put(key, known);
        }
        return known;
    }

    private Optional<JsonNode> load(Path file, Location referencedFrom) {
        diagnostics.input(file);
        String text;
        try {
            if (Files.size(file) > ReadLimits.MAX_FILE_BYTES) {
                return fail(Location.startOf(file), Message.FILE_TOO_LARGE, ReadLimits.MAX_FILE_BYTES);
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            diagnostics.report(Message.MISSING_FILE, referencedFrom, file);
            return Optional.empty();
        } catch (CharacterCodingException e) {
            return fail(Location.startOf(file), Message.NOT_UTF_8);
        } catch (IOException e) {
            diagnostics.report(Message.UNREADABLE_FILE, referencedFrom, file, e.getMessage());
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark, which Jackson would take for a character
        }
        if (looksLikeJson(text)) {
            try {
                return Optional.of(JSON.readTree(text));
            } catch (JsonProcessingException e) {
                if (file.getFileName().toString().endsWith(".json")) {
                    Location at = e.getLocation() == null
                            ? Location.startOf(file)
                            : new Location(
                                    file,
                                    Math.max(1, e.getLocation().getLineNr()),
                                    Math.max(1, e.getLocation().getColumnNr()));
                    return fail(at, Message.MALFORMED_JSON, oneLine(e.getOriginalMessage()));
                }
                // a YAML flow mapping also starts with '{'
            }
        }
        return new Yaml2Json(file).read(text);
    }

    private static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '[') {
                return true;
            }
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return false;
            }
        }
        return false;
    }

    private Optional<JsonNode> fail(Location at, Message message, Object... args) {
        diagnostics.report(message, at, args);
        return Optional.empty();
    }

    private static String oneLine(String text) {
        return text == null ? "unknown problem" : text.replaceAll("\\s+", " ").trim();
    }

    /** One YAML file's conversion, counting values as aliases expand. */
    private final class Yaml2Json {
        private final Path file;
        private int values;

        Yaml2Json(Path file) {
            this.file = file;
        }

        Optional<JsonNode> read(String text) {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(ReadLimits.MAX_DESCRIPTION_ALIASES);
            options.setNestingDepthLimit(ReadLimits.MAX_DEPTH);
            options.setCodePointLimit((int) ReadLimits.MAX_FILE_BYTES);
            options.setAllowRecursiveKeys(false);
            try {
                Node root = new Yaml(options).compose(ReadLimits.lineLimited(new StringReader(text)));
                if (root == null) {
                    return fail(Location.startOf(file), Message.EMPTY_FILE);
                }
                refuseExpansion(root);
                return Optional.of(convert(root, 0));
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
                return fail(at(mark), Message.MALFORMED_YAML, oneLine(problem));
            } catch (Refused e) {
                return fail(e.at, e.message, e.args);
            } catch (YAMLException e) {
                if (e.getCause() instanceof ReadLimits.LineTooLong tooLong) {
                    return fail(
                            new Location(file, tooLong.line(), 1),
                            Message.LINE_TOO_LONG,
                            tooLong.line(),
                            ReadLimits.MAX_YAML_LINE);
                }
                return fail(Location.startOf(file), Message.MALFORMED_YAML, oneLine(e.getMessage()));
            }
        }

        /**
         * Counts what the file expands to before anything is built, each node once (aliases share
         * nodes), so a billion laughs is refused at once rather than after building five million values.
         */
        private void refuseExpansion(Node root) {
            Map<Node, Long> sizes = new IdentityHashMap<>();
            if (size(root, sizes) <= ReadLimits.MAX_DESCRIPTION_VALUES) {
                return;
            }
            Node at = root;
            long total = 1;
            for (Node child : children(root)) {
                total += size(child, sizes);
                if (total > ReadLimits.MAX_DESCRIPTION_VALUES) {
                    at = child;
                    break;
                }
            }
            throw new Refused(
                    at(at.getStartMark()), Message.DESCRIPTION_TOO_MANY_VALUES, ReadLimits.MAX_DESCRIPTION_VALUES);
        }

        private long size(Node node, Map<Node, Long> sizes) {
            Long known = sizes.get(node);
            if (known != null) {
                return known;
            }
            sizes.put(node, Long.MAX_VALUE / 4); // a node inside itself (a recursive alias) expands forever
            long size = 1;
            for (Node child : children(node)) {
                size = Math.min(Long.MAX_VALUE / 4, size + size(child, sizes));
            }
            sizes.put(node, size);
            return size;
        }

        private static List<Node> children(Node node) {
            if (node instanceof SequenceNode seq) {
                return seq.getValue();
            }
            if (node instanceof MappingNode map) {
                List<Node> children = new ArrayList<>();
                for (NodeTuple tuple : map.getValue()) {
                    children.add(tuple.getKeyNode());
                    children.add(tuple.getValueNode());
                }
                return children;
            }
            return List.of();
        }

        private JsonNode convert(Node node, int depth) {
            if (depth > ReadLimits.MAX_DEPTH) {
                throw new Refused(at(node.getStartMark()), Message.NESTED_TOO_DEEP, ReadLimits.MAX_DEPTH);
            }
            if (++values > ReadLimits.MAX_DESCRIPTION_VALUES) {
                throw new Refused(
                        at(node.getStartMark()),
                        Message.DESCRIPTION_TOO_MANY_VALUES,
                        ReadLimits.MAX_DESCRIPTION_VALUES);
            }
            if (node instanceof MappingNode map) {
                return convertMap(map, depth);
            }
            if (node instanceof SequenceNode seq) {
                ArrayNode array = NODES.arrayNode(seq.getValue().size());
                for (Node item : seq.getValue()) {
                    array.add(convert(item, depth + 1));
                }
                return array;
            }
            return scalar((ScalarNode) node);
        }

        private JsonNode convertMap(MappingNode map, int depth) {
            ObjectNode object = NODES.objectNode();
            List<ObjectNode> merged = new ArrayList<>();
            for (NodeTuple tuple : map.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    throw new Refused(at(tuple.getKeyNode().getStartMark()), Message.KEY_NOT_A_STRING_IN_DESCRIPTION);
                }
                JsonNode value = convert(tuple.getValueNode(), depth + 1);
                if (key.getTag().equals(Tag.MERGE)) {
                    // '<<: *base' or '<<: [*a, *b]': the mapping's own keys win, then the first merged one
                    if (value instanceof ObjectNode one) {
                        merged.add(one);
                    } else if (value instanceof ArrayNode many) {
                        many.forEach(m -> {
                            if (m instanceof ObjectNode one) {
                                merged.add(one);
                            }
                        });
                    }
                    continue;
                }
                object.set(key.getValue(), value); // a repeated key: the last wins, as Swagger Parser reads it
            }
            for (ObjectNode source : merged) {
                source.properties().forEach(e -> {
                    if (!object.has(e.getKey())) {
                        object.set(e.getKey(), e.getValue());
                    }
                });
            }
            return object;
        }

        /** Plain scalars are typed by the YAML 1.2 JSON schema, like workflow documents. */
        private JsonNode scalar(ScalarNode scalar) {
            String value = scalar.getValue();
            if (scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN
                    || scalar.getTag().equals(Tag.STR)) {
                return NODES.textNode(value);
            }
            if (NULL.matcher(value).matches()) {
                return NODES.nullNode();
            }
            if (TRUE.matcher(value).matches()) {
                return NODES.booleanNode(true);
            }
            if (FALSE.matcher(value).matches()) {
                return NODES.booleanNode(false);
            }
            if (value.length() <= 1000 && INT.matcher(value).matches()) {
                BigInteger number = new BigInteger(value);
                if (number.bitLength() < 32) {
                    return NODES.numberNode(number.intValue());
                }
                return number.bitLength() < 64 ? NODES.numberNode(number.longValue()) : NODES.numberNode(number);
            }
            if (value.length() <= 1000 && FLOAT.matcher(value).matches()) {
                return NODES.numberNode(Double.parseDouble(value));
            }
            return NODES.textNode(value);
        }

        private Location at(Mark mark) {
            return mark == null ? Location.startOf(file) : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
        }
    }

    /** A file past a limit, or not JSON-shaped; where the reader was when it found out. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Location at;
        private final transient Message message;
        private final transient Object[] args;

        Refused(Location at, Message message, Object... args) {
            super(null, null, false, false);
            this.at = at;
            this.message = message;
            this.args = args;
        }
    }
}
