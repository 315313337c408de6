package dev.weft.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One OpenAPI 3.x description, read once: its operations by {@code operationId} and by method and path, local
 * {@code $ref}s of response, header and media type objects followed, and a JSON Schema registry that holds the
 * whole document, so that a schema's {@code $ref} to {@code #/components/schemas/...} resolves as written. The
 * registry fetches nothing over the network (json-schema-validator 2.x fetches no remote resources unless asked).
 */
final class OpenApiDescription {

    /** How many {@code $ref}s in a row are followed before giving up. */
    static final int MAX_REF_HOPS = 32;

    /** The largest description read. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace", "query");

    /** A node of the document and the JSON pointer where it is. */
    record Located(JsonNode node, String pointer) {
        Located child(String name) {
            JsonNode c = node.get(name);
            return c == null ? null : new Located(c, pointer + "/" + escape(name));
        }
    }

    private final Path file;
    private final JsonNode root;
    private final String iri;
    private final SchemaRegistry registry;
    private final String version;
    private final Map<String, Located> byId = new HashMap<>();
    private final Map<String, Located> byMethodAndPath = new HashMap<>();

    private OpenApiDescription(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
        this.version = root.path("openapi").asText("");
        if (!version.startsWith("3.")) {
            throw new IllegalArgumentException("'" + file + "' is not an OpenAPI 3 description (openapi: '" + version
                    + "'); run-time checks read OpenAPI 3.0, 3.1 and 3.2");
        }
        this.iri = file.toAbsolutePath().normalize().toUri().toString();
        String text = root.toString();
        // the document's own keys (paths, components, ...) and extensions (x-...) are not schema keywords: read
        // as annotations, silently, rather than logged as unknown once per description
        Dialect dialect = Dialect.builder(version.startsWith("3.0") ? Dialects.getOpenApi30() : Dialects.getOpenApi31())
                .unknownKeywordFactory((name, context) -> new AnnotationKeyword(name))
                .build();
        this.registry = SchemaRegistry.withDefaultDialect(dialect, builder -> builder.schemas(Map.of(iri, text)));
        index();
    }

    /**
     * Reads a description, YAML or JSON.
     *
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException if it is not an OpenAPI 3 description
     */
    static OpenApiDescription read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IOException("'" + file + "' is larger than " + MAX_BYTES + " bytes");
        }
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("'" + file + "' is not an OpenAPI description (no object at its root)");
        }
        return new OpenApiDescription(file, root);
    }

    Path file() {
        return file;
    }

    /** @return whether the schemas are OpenAPI 3.0's dialect (else 3.1's, for 3.1 and 3.2) */
    boolean isOpenApi30() {
        return version.startsWith("3.0");
    }

    private void index() {
        Located paths = new Located(root, "").child("paths");
        if (paths == null || !paths.node().isObject()) {
            return;
        }
        for (Iterator<String> names = paths.node().fieldNames(); names.hasNext(); ) {
            String path = names.next();
            Located item = resolve(paths.child(path));
            if (item == null || !item.node().isObject()) {
                continue;
            }
            for (Iterator<String> keys = item.node().fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (METHODS.contains(key)) {
                    add(key, path, item.child(key));
                }
            }
            Located more = item.child("additionalOperations");
            if (more != null && more.node().isObject()) {
                for (Iterator<String> keys = more.node().fieldNames(); keys.hasNext(); ) {
                    String key = keys.next();
                    add(key, path, more.child(key));
                }
            }
        }
    }

    private void add(String method, String path, Located operation) {
        if (operation == null || !operation.node().isObject()) {
            return;
        }
        String m = METHODS.contains(method.toLowerCase(Locale.ROOT)) ? method.toUpperCase(Locale.ROOT) : method;
        byMethodAndPath.put(m + " " + path, operation);
        JsonNode id = operation.node().get("operationId");
        if (id != null && id.isTextual()) {
            byId.putIfAbsent(id.asText(), operation);
        }
    }

    /**
     * Finds an operation: by {@code operationId} when given and declared, else by method and path.
     *
     * @return the operation, or {@code null}
     */
    Located operation(String operationId, String method, String pathTemplate) {
        if (operationId != null) {
            Located byName = byId.get(operationId);
            if (byName != null) {
                return byName;
            }
        }
        return byMethodAndPath.get(method + " " + pathTemplate);
    }

    /**
     * Follows a node's local {@code $ref}s ({@code #/...}).
     *
     * @return the node referred to, or the node itself; {@code null} for {@code null}, or when a reference is not
     *     local, does not resolve or loops
     */
    Located resolve(Located at) {
        Located current = at;
        for (int hop = 0; current != null; hop++) {
            JsonNode ref = current.node().get("$ref");
            if (ref == null || !ref.isTextual()) {
                return current;
            }
            String target = ref.asText();
            if (hop == MAX_REF_HOPS || !target.startsWith("#")) {
                return null;
            }
            String pointer = target.substring(1);
            JsonNode node;
            try {
                node = root.at(pointer);
            } catch (IllegalArgumentException e) {
                return null;
            }
            current = node.isMissingNode() ? null : new Located(node, pointer);
        }
        return null;
    }

    /**
     * Compiles the schema at a pointer of the document; its {@code $ref}s resolve within the document.
     *
     * @throws RuntimeException (json-schema-validator's) if the schema cannot be compiled
     */
    Schema schema(String pointer) {
        Schema schema = registry.getSchema(SchemaLocation.of(iri + "#" + pointer));
        schema.initializeValidators();
        return schema;
    }

    /** Escapes a name as a JSON pointer segment (RFC 6901). */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
