package dev.weft.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.weft.checks.OpenApiDescription.Located;
import dev.weft.runtime.InspectedResponse;
import dev.weft.runtime.ResponseFinding;
import dev.weft.runtime.ResponseInspector;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opt-in run-time checks: compares each response of a run with its operation in the OpenAPI description, with
 * Redocly respect's checks ({@link Check}) and severities ({@link Severity}). Register it on the client:
 *
 * <pre>{@code
 * ArazzoClient client = ArazzoClient.builder()
 *         .responseInspector(ResponseChecks.builder()
 *                 .description("petsApi", Path.of("src/main/arazzo/pets.openapi.yaml"))
 *                 .settings("STATUS_CODE_CHECK=error,SCHEMA_CHECK=warn")
 *                 .build())
 *         .build();
 * }</pre>
 *
 * <p>The descriptions are read when built (YAML or JSON, OpenAPI 3.0, 3.1 or 3.2, local files only); each
 * operation's checks are set up on its first response and its schemas compiled once, then kept: a response costs
 * a lookup and the validation itself. A response of a source without a description, or of an operation the
 * description does not have, is not checked. Immutable and thread-safe.
 */
public final class ResponseChecks implements ResponseInspector {

    private final Map<String, OpenApiDescription> descriptions;
    private final Severities severities;
    /** The checks of each operation, by source and operation; empty for one the description lacks. */
    private final Map<String, Optional<OperationChecks>> operations = new ConcurrentHashMap<>();

    private ResponseChecks(Map<String, OpenApiDescription> descriptions, Severities severities) {
        this.descriptions = Collections.unmodifiableMap(new LinkedHashMap<>(descriptions));
        this.severities = severities;
    }

    /**
     * Checks the responses of one source description at the default severities (every check an error).
     *
     * @param sourceName the source description's name in the Arazzo document
     * @param openApi its OpenAPI description
     * @return the checks
     * @throws IOException if the description cannot be read
     */
    public static ResponseChecks fromDescription(String sourceName, Path openApi) throws IOException {
        return builder().description(sourceName, openApi).build();
    }

    /**
     * Starts configuring checks.
     *
     * @return a builder without descriptions, every check an error
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the severities */
    public Severities severities() {
        return severities;
    }

    /** @return the names of the source descriptions checked */
    public java.util.Set<String> sources() {
        return descriptions.keySet();
    }

    @Override
    public List<ResponseFinding> inspect(InspectedResponse response) {
        if (severities.allOff()) {
            return List.of();
        }
        OpenApiDescription description = descriptions.get(response.sourceName());
        if (description == null) {
            return List.of();
        }
        String operationId = response.operationId().orElse(null);
        String key = response.sourceName()
                + '\n'
                + (operationId == null ? "" : operationId)
                + '\n'
                + response.method()
                + ' '
                + response.pathTemplate();
        Optional<OperationChecks> checks = operations.computeIfAbsent(key, k -> {
            Located operation = description.operation(operationId, response.method(), response.pathTemplate());
            String label = operationId != null
                    ? "'" + operationId + "'"
                    : "'" + response.method() + " " + response.pathTemplate() + "'";
            return operation == null
                    ? Optional.empty()
                    : Optional.of(new OperationChecks(description, operation, label));
        });
        return checks.map(c -> c.check(response, severities)).orElse(List.of());
    }

    @Override
    public String toString() {
        return "ResponseChecks[" + descriptions.keySet() + ", " + severities + "]";
    }

    /** The builder of {@link ResponseChecks}; not thread-safe. */
    public static final class Builder {
        private final Map<String, Path> files = new LinkedHashMap<>();
        private Severities severities = Severities.defaults();

        private Builder() {}

        /**
         * Checks the responses of a source description against an OpenAPI description.
         *
         * @param sourceName the source description's name in the Arazzo document
         * @param openApi the OpenAPI description, a local YAML or JSON file
         * @return this builder
         */
        public Builder description(String sourceName, Path openApi) {
            files.put(Objects.requireNonNull(sourceName, "sourceName"), Objects.requireNonNull(openApi, "openApi"));
            return this;
        }

        /**
         * Checks the responses of every OpenAPI source description of an Arazzo document whose {@code url} is a
         * local file (relative to the document, or a {@code file:} URL); other sources are not checked.
         *
         * @param arazzoDocument the Arazzo document, YAML or JSON
         * @return this builder
         * @throws IOException if the document cannot be read
         */
        public Builder arazzo(Path arazzoDocument) throws IOException {
            JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(arazzoDocument.toFile());
            Path dir = arazzoDocument.toAbsolutePath().getParent();
            for (JsonNode source :
                    doc == null ? List.<JsonNode>of() : (Iterable<JsonNode>) doc.path("sourceDescriptions")::elements) {
                String type = source.path("type").asText("openapi");
                String name = source.path("name").asText(null);
                String url = source.path("url").asText(null);
                if (!type.equals("openapi") || name == null || url == null) {
                    continue;
                }
                Path file = localFile(dir, url);
                if (file != null && Files.isRegularFile(file)) {
                    description(name, file);
                }
            }
            return this;
        }

        private static Path localFile(Path dir, String url) {
            try {
                URI uri = new URI(url);
                if (uri.getScheme() == null) {
                    return dir.resolve(uri.getPath()).normalize();
                }
                return uri.getScheme().equals("file") ? Path.of(uri) : null;
            } catch (URISyntaxException | IllegalArgumentException e) {
                return dir.resolve(url).normalize();
            }
        }

        /**
         * Sets the severity of one check.
         *
         * @param check the check
         * @param severity its severity
         * @return this builder
         */
        public Builder severity(Check check, Severity severity) {
            this.severities = severities.with(check, severity);
            return this;
        }

        /**
         * Sets severities from text, as {@link Severities#parse} reads it: {@code STATUS_CODE_CHECK=error,
         * SCHEMA_CHECK=warn}, respect's JSON form, or one severity for all; checks not named keep theirs.
         *
         * @param settings the text
         * @return this builder
         * @throws IllegalArgumentException if the text names an unknown check or severity
         */
        public Builder settings(String settings) {
            this.severities = severities.merge(settings);
            return this;
        }

        /**
         * Sets every severity.
         *
         * @param value the severities
         * @return this builder
         */
        public Builder severities(Severities value) {
            this.severities = Objects.requireNonNull(value, "severities");
            return this;
        }

        /**
         * Reads the descriptions and builds the checks.
         *
         * @return the checks
         * @throws IOException if a description cannot be read
         * @throws IllegalArgumentException if a description is not OpenAPI 3
         */
        public ResponseChecks build() throws IOException {
            Map<String, OpenApiDescription> read = new LinkedHashMap<>();
            Map<Path, OpenApiDescription> byFile = new LinkedHashMap<>();
            for (Map.Entry<String, Path> e : files.entrySet()) {
                Path file = e.getValue().toAbsolutePath().normalize();
                OpenApiDescription description = byFile.get(file);
                if (description == null) {
                    description = OpenApiDescription.read(file);
                    byFile.put(file, description);
                }
                read.put(e.getKey(), description);
            }
            return new ResponseChecks(read, severities);
        }
    }
}
