package dev.weft.compiler.resolve;

import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Message;
import dev.weft.compiler.model.SourceDescription;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.servers.Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads OpenAPI 3.0, 3.1 and 3.2 source descriptions, and Swagger 2.0 ones converted to OpenAPI 3
 * ({@link DescriptionParser}), and indexes their operations. Each file is parsed once per compilation.
 */
public final class SourceLoader {
    private final Diagnostics diagnostics;
    private final SourceFiles files;
    private final Map<List<Object>, Optional<OpenAPI>> cache = new HashMap<>();
    /** The models shared by the documents of a folder using one description, by file, folder and union of uses. */
    private final Map<List<Object>, Optional<OpenAPI>> shared = new HashMap<>();
    /** Each model's index by source name: documents sharing a model share its index too. */
    private final Map<OpenAPI, Map<String, Index>> indexes = new IdentityHashMap<>();

    private final DescriptionReader reader;

    private final DescriptionParser parser;

    SourceLoader(Diagnostics diagnostics, SourceFiles files, DescriptionReader reader) {
        this.diagnostics = diagnostics;
        this.files = files;
        this.parser = new DescriptionParser(diagnostics, reader, files);
        this.reader = reader;
    }

    /**
     * Loads the source named by {@code source}, relative URLs resolved against the 1.1 {@code self} if set, else
     * against {@code arazzoFile}; only the parts {@code uses} needs, or all of it when that is null. When
     * {@code union} (what all the compilation's documents in that folder use of the file, or null) holds
     * {@code uses}, the model of that union serves, parsed once, if it parses without a diagnostic.
     */
    Optional<SourceApi> load(
            Path arazzoFile, String self, SourceDescription source, UsedParts.Uses uses, UsedParts.Uses union) {
        String url = source.url().value();
        if (!SourceFiles.isValidReference(url)) {
            diagnostics.report(Message.INVALID_SOURCE_URL, source.url().location(), url);
            return Optional.empty();
        }
        Optional<Path> located = files.locate(arazzoFile, self, url);
        if (located.isEmpty()) {
            diagnostics.report(
                    Message.REMOTE_SOURCE,
                    source.url().location(),
                    source.name().value(),
                    url);
            return Optional.empty();
        }
        Path file = located.get();
        if (!Files.isRegularFile(file)) {
            diagnostics.report(
                    Message.MISSING_SOURCE_FILE,
                    source.url().location(),
                    source.name().value(),
                    file);
            return Optional.empty();
        }
        Path finalFile = file;
        return cache.computeIfAbsent(Arrays.asList(file, uses), f -> parse(finalFile, arazzoFile, source, uses, union))
                .map(api -> index(source, finalFile, api));
    }

    private Optional<OpenAPI> parse(
            Path file, Path arazzoFile, SourceDescription source, UsedParts.Uses uses, UsedParts.Uses union) {
        if (uses != null && union != null && union.holds(uses)) {
            Optional<OpenAPI> model = shared.computeIfAbsent(
                    Arrays.asList(file.toAbsolutePath().normalize(), folder(arazzoFile), union),
                    k -> parseShared(file, arazzoFile, source, union));
            if (model.isPresent()) {
                return model;
            }
        }
        OpenAPI known = ParsedDescriptions.get(file, arazzoFile, files.mappings(), uses, diagnostics::input);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<DescriptionParser.Parsed> parsed = parser.parse(file, arazzoFile, source, uses);
        parsed.ifPresent(p -> ParsedDescriptions.put(file, arazzoFile, files.mappings(), uses, p.files(), p.api()));
        return parsed.map(DescriptionParser.Parsed::api);
    }

    /**
     * The model of the parts {@code union} needs, for every document whose uses it holds: a model of a larger
     * cut holds the same operations, path items and components as that of a smaller one, each whole where it
     * is used. It serves only when its parse reports nothing and reads no other file, so that each document
     * still reports what its own cut reports (nothing) and notes the files it reads; else each document's
     * cut is parsed on its own, as without sharing.
     */
    private Optional<OpenAPI> parseShared(Path file, Path arazzoFile, SourceDescription source, UsedParts.Uses union) {
        OpenAPI known = ParsedDescriptions.get(file, arazzoFile, files.mappings(), union, diagnostics::input);
        if (known != null) {
            return Optional.of(known);
        }
        if (reader.read(file, source.url().location()).isEmpty()) {
            return Optional.empty();
        }
        Diagnostics trial = new Diagnostics();
        Optional<DescriptionParser.Parsed> parsed =
                new DescriptionParser(trial, reader.knowing(trial, file), files).parse(file, arazzoFile, source, union);
        if (parsed.isEmpty()
                || trial.size() > 0
                || !parsed.get().shareable()
                || !parsed.get().files().equals(Set.of(file.toAbsolutePath().normalize()))) {
            return Optional.empty();
        }
        ParsedDescriptions.put(
                file,
                arazzoFile,
                files.mappings(),
                union,
                parsed.get().files(),
                parsed.get().api());
        return Optional.of(parsed.get().api());
    }

    private static Path folder(Path arazzoFile) {
        return arazzoFile.toAbsolutePath().normalize().getParent();
    }

    /** A model's operations, for one source name, and the operationIds it has more than once, in order. */
    private record Index(SourceApi api, List<String> duplicates) {}

    private SourceApi index(SourceDescription source, Path file, OpenAPI api) {
        String name = source.name().value();
        Index index = indexes.computeIfAbsent(api, a -> new HashMap<>()).get(name);
        if (index == null || !index.api().file().equals(file)) {
            index = indexed(name, file, api);
            indexes.get(api).put(name, index);
        }
        for (String id : index.duplicates()) {
            diagnostics.report(Message.DUPLICATE_OPERATION_ID, source.url().location(), name, id);
        }
        return index.api();
    }

    private static Index indexed(String name, Path file, OpenAPI api) {
        List<String> duplicates = new ArrayList<>();
        Map<String, OperationRef> byId = new LinkedHashMap<>();
        Map<String, OperationRef> byPath = new LinkedHashMap<>();
        api.getPaths().forEach((key, declared) -> {
            PathItem item = declared == null ? null : pathItem(api, declared);
            if (item == null) {
                return; // Swagger Parser could not resolve it, e.g. a '$ref' that is no string
            }
            Map<String, Operation> operations = operations(item);
            String path = item.getExtensions() != null && item.getExtensions().get(Oas32.PATH) instanceof String real
                    ? real
                    : key;
            for (Map.Entry<String, Operation> e : operations.entrySet()) {
                Operation op = e.getValue();
                String method = e.getKey();
                OperationRef ref = new OperationRef(
                        name,
                        op.getOperationId(),
                        method,
                        path,
                        op,
                        parameters(api, item, op),
                        serverUrl(api, item, op),
                        api);
                byPath.putIfAbsent(method.toUpperCase(Locale.ROOT) + " " + path, ref);
                if (op.getOperationId() == null) {
                    continue;
                }
                if (byId.containsKey(op.getOperationId())) {
                    duplicates.add(op.getOperationId());
                }
                byId.put(op.getOperationId(), ref);
            }
        });
        return new Index(new SourceApi(name, file, api, byId, byPath), List.copyOf(duplicates));
    }

    /**
     * A path item's operations by HTTP method (upper-case for the fixed ones); a path item {@link Oas32}
     * made of a 3.2 {@code query} or {@code additionalOperations} operation holds its one operation under
     * {@code post}, its method in an extension, spelled as declared (HTTP methods are case-sensitive).
     */
    private static Map<String, Operation> operations(PathItem item) {
        Map<String, Operation> operations = new LinkedHashMap<>();
        Object method =
                item.getExtensions() == null ? null : item.getExtensions().get(Oas32.METHOD);
        if (method instanceof String real) {
            if (item.getPost() != null) {
                operations.put(real, item.getPost());
            }
            return operations;
        }
        item.readOperationsMap().forEach((m, op) -> operations.put(m.name().toUpperCase(Locale.ROOT), op));
        return operations;
    }

    /** D-54: a path item that is a {@code $ref} to {@code components.pathItems} stands for its target. */
    private static PathItem pathItem(OpenAPI api, PathItem item) {
        String prefix = "#/components/pathItems/";
        PathItem current = item;
        for (int hops = 0;
                hops < 10
                        && current != null
                        && current.get$ref() != null
                        && current.get$ref().startsWith(prefix);
                hops++) {
            PathItem target = api.getComponents() == null || api.getComponents().getPathItems() == null
                    ? null
                    : api.getComponents().getPathItems().get(current.get$ref().substring(prefix.length()));
            if (target == null) {
                return current;
            }
            current = target;
        }
        return current;
    }

    private static List<Parameter> parameters(OpenAPI api, PathItem item, Operation op) {
        Map<String, Parameter> merged = new LinkedHashMap<>();
        List<Parameter> declared = new ArrayList<>();
        if (item.getParameters() != null) {
            declared.addAll(item.getParameters());
        }
        if (op.getParameters() != null) {
            declared.addAll(op.getParameters());
        }
        for (Parameter p : declared) {
            Parameter resolved = Schemas.resolveParameter(api, p);
            if (resolved != null && resolved.getName() != null && resolved.getIn() != null) {
                merged.put(resolved.getIn() + ":" + resolved.getName(), resolved);
            }
        }
        return List.copyOf(merged.values());
    }

    private static String serverUrl(OpenAPI api, PathItem item, Operation op) {
        List<Server> servers = op.getServers() != null && !op.getServers().isEmpty()
                ? op.getServers()
                : item.getServers() != null && !item.getServers().isEmpty() ? item.getServers() : api.getServers();
        if (servers == null || servers.isEmpty()) {
            return null;
        }
        Server server = servers.get(0);
        String url = server.getUrl();
        if (url == null) {
            return null;
        }
        if (server.getVariables() != null) {
            for (var v : server.getVariables().entrySet()) {
                if (v.getValue().getDefault() != null) {
                    url = url.replace("{" + v.getKey() + "}", v.getValue().getDefault());
                }
            }
        }
        // Swagger Parser puts "/" in when a description has no servers; a relative URL has no host to call.
        return url.startsWith("http://") || url.startsWith("https://") ? url : null;
    }
}
