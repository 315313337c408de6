package dev.weft.compiler.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.model.SourceDescription;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIResolver;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.reference.DereferencerContext;
import io.swagger.v3.parser.reference.DereferencersFactory;
import io.swagger.v3.parser.reference.OpenAPIDereferencer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an OpenAPI 2.0 to 3.2 file into Swagger Parser's model by reading ({@link DescriptionReader}),
 * bundling ({@link RefBundler}) and, for 3.2, rewriting it ({@link Oas32}) before Swagger Parser sees it.
 */
final class DescriptionParser {
    private final Diagnostics diagnostics;
    private final DescriptionReader reader;
    private final SourceFiles files;

    DescriptionParser(Diagnostics diagnostics, DescriptionReader reader, SourceFiles files) {
        this.diagnostics = diagnostics;
        this.reader = reader;
        this.files = files;
    }

    /**
     * A parsed description and every file it was read from.
     *
     * @param shareable whether it is a cut of a 3.0 or 3.1 description (no Swagger 2.0 conversion, no 3.2
     *     rewriting, no 3.1 dereferencing), so that the model of a larger cut holds the model of a smaller one
     */
    record Parsed(OpenAPI api, Set<Path> files, boolean shareable) {}

    /**
     * Parses the description, only the parts {@code uses} needs when it is not null (see {@link UsedParts}).
     */
    Optional<Parsed> parse(Path file, Path arazzoFile, SourceDescription source, UsedParts.Uses uses) {
        String name = source.name().value();
        JsonNode read = reader.read(file, source.url().location()).orElse(null);
        if (read == null) {
            return Optional.empty();
        }
        if (!(read instanceof ObjectNode tree)) {
            return refuse(Message.DESCRIPTION_ROOT_NOT_AN_OBJECT, source, name, file.getFileName());
        }
        if (tree.get("arazzo") != null) {
            return refuse(Message.ARAZZO_AS_OPENAPI, source, name);
        }
        String openapi = tree.path("openapi").isTextual() ? tree.get("openapi").asText() : null;
        String swagger = tree.path("swagger").isTextual() ? tree.get("swagger").asText() : null;
        boolean swagger2 = openapi == null && swagger != null && swagger.startsWith("2.");
        String version = openapi != null ? "OpenAPI " + openapi : swagger != null ? "Swagger " + swagger : null;
        Path fileName = file.getFileName();
        if (version == null) {
            return refuse(Message.DESCRIPTION_WITHOUT_VERSION, source, name, fileName);
        }
        if (!swagger2 && (openapi == null || !openapi.matches("3\\.[012]\\..*"))) {
            return refuse(Message.DESCRIPTION_VERSION_UNREAD, source, name, fileName, version);
        }
        ObjectNode used = uses == null ? null : UsedParts.copy(tree, swagger2, uses);
        ObjectNode bundled = used != null ? used : tree.deepCopy();
        Path root = file.toAbsolutePath().normalize();
        RefBundler bundler = new RefBundler(
                diagnostics,
                reader,
                files,
                name,
                source.url().location(),
                root,
                swagger2,
                new java.util.HashSet<>(List.of(
                        root.getParent(),
                        arazzoFile.toAbsolutePath().normalize().getParent())),
                self(tree));
        if (!bundler.bundle(bundled)) {
            return Optional.empty();
        }
        boolean rewritten = Oas32.is32(bundled);
        if (rewritten) {
            Oas32.toOas31(bundled);
        }
        boolean dereference =
                !swagger2 && bundled.path("openapi").asText().startsWith("3.1") && needsDereferencing(bundled);
        SwaggerParseResult result;
        try {
            result = swagger2 ? swagger2(bundled) : openApi3(bundled, dereference);
        } catch (RuntimeException | StackOverflowError e) {
            return refuse(
                    Message.UNREADABLE_DESCRIPTION,
                    source,
                    name,
                    fileName,
                    version,
                    firstLine(String.valueOf(e.getMessage())));
        }
        if (result == null || result.getOpenAPI() == null || result.getOpenAPI().getPaths() == null) {
            String why = result == null
                            || result.getMessages() == null
                            || result.getMessages().isEmpty()
                    ? Message.NO_PATHS_FOUND.format()
                    : firstLine(result.getMessages().get(0));
            return refuse(Message.UNREADABLE_DESCRIPTION, source, name, fileName, version, why);
        }
        Set<Path> read2 = new java.util.LinkedHashSet<>();
        read2.add(root);
        read2.addAll(bundler.reached());
        return Optional.of(
                new Parsed(result.getOpenAPI(), read2, used != null && !swagger2 && !rewritten && !dereference));
    }

    /** The 3.2 {@code $self}: references to it are references to the file itself. */
    private static URI self(ObjectNode tree) {
        if (!Oas32.is32(tree) || !tree.path("$self").isTextual()) {
            return null;
        }
        try {
            URI self = new URI(tree.get("$self").asText());
            return self.isAbsolute() ? self : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static ParseOptions options() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        // Belt and braces: every reference is local by now, but should Swagger Parser find another, it
        // must refuse to load it rather than open a connection (the '*' pattern denies every host).
        options.setSafelyResolveURL(true);
        options.setRemoteRefBlockList(List.of("*"));
        return options;
    }

    /**
     * What {@code OpenAPIV3Parser.readContents} does, from a tree and with no location to read from, with Swagger
     * Parser's 3.1 dereferencer or without it.
     */
    static SwaggerParseResult openApi3(ObjectNode tree, boolean dereference31) {
        ParseOptions options = options();
        SwaggerParseResult result = new OpenAPIV3Parser().parseJsonNode(null, tree, options);
        if (result.getOpenAPI() == null) {
            return result;
        }
        if (result.getOpenAPI().getOpenapi().startsWith("3.1")) {
            if (!dereference31) {
                return result;
            }
            DereferencerContext context = new DereferencerContext(result, List.of(), null, options, null, null, true);
            Iterator<OpenAPIDereferencer> chain =
                    DereferencersFactory.getInstance().getDereferencers().iterator();
            if (chain.hasNext()) {
                chain.next().dereference(context, chain);
            }
        } else {
            new OpenAPIResolver(result.getOpenAPI(), new ArrayList<>(), null, null, options).resolve(result);
        }
        return result;
    }

    /**
     * Whether Swagger Parser's 3.1 dereferencer would change the model of {@code tree}. It keeps every
     * {@code $ref} to a component of the root file in place and only replaces each component with a copy it
     * parsed again, so when every reference is one of those (as the bundler leaves GitHub's and most
     * descriptions) and no {@code $id} or anchor changes what a reference means, it is skipped: for a deep,
     * wide reference graph it hashed and copied schemas per reference, most of the cost of parsing. A reference
     * of any other form, or to a component that is not there, takes the dereferencer as before.
     */
    static boolean needsDereferencing(ObjectNode tree) {
        JsonNode components = tree.path("components");
        Deque<JsonNode> work = new ArrayDeque<>();
        work.push(tree);
        while (!work.isEmpty()) {
            JsonNode node = work.pop();
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    String key = field.getKey();
                    if (ANCHORS.contains(key)) {
                        return true;
                    }
                    if (key.equals("$ref") && !isComponentRef(components, field.getValue())) {
                        return true;
                    }
                    if (field.getValue().isContainerNode()) {
                        work.push(field.getValue());
                    }
                }
            } else {
                for (JsonNode element : node) {
                    if (element.isContainerNode()) {
                        work.push(element);
                    }
                }
            }
        }
        return false;
    }

    private static final Set<String> ANCHORS = Set.of("$id", "$anchor", "$dynamicRef", "$dynamicAnchor");
    private static final java.util.regex.Pattern COMPONENT_REF =
            java.util.regex.Pattern.compile("#/components/([A-Za-z]+)/([A-Za-z0-9._-]+)");

    /** A {@code $ref} that is {@code #/components/<kind>/<name>} of a component the tree has. */
    private static boolean isComponentRef(JsonNode components, JsonNode ref) {
        if (!ref.isTextual()) {
            return false;
        }
        java.util.regex.Matcher m = COMPONENT_REF.matcher(ref.textValue());
        return m.matches() && components.path(m.group(1)).path(m.group(2)).isObject();
    }

    private static SwaggerParseResult swagger2(ObjectNode tree) {
        return new SwaggerConverter().readContents(tree.toString(), null, options());
    }

    private Optional<Parsed> refuse(Message message, SourceDescription source, Object... args) {
        diagnostics.report(message, source.url().location(), args);
        return Optional.empty();
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("unknown problem");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
