package dev.weft.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a generated workflow says about itself, for callers that list workflows without compiling against them
 * (a tool server, a catalogue): its id, summary and description, the JSON Schemas of its inputs and outputs,
 * which inputs are secrets and which HTTP methods its steps (and the workflows they call) send.
 *
 * <p>Generated classes build one from their document, {@code JSON.metadata()} returns it. Immutable and
 * thread-safe; the schema accessors return a fresh copy each time, so callers may change what they get.
 */
public final class WorkflowMetadata {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ANY_OBJECT = "{\"type\":\"object\"}";

    private final String workflowId;
    private final String summary;
    private final String description;
    private final ObjectNode inputsSchema;
    private final ObjectNode outputsSchema;
    private final List<String> secretInputs;
    private final Set<String> httpMethods;

    private WorkflowMetadata(Builder builder) {
        this.workflowId = builder.workflowId;
        this.summary = builder.summary;
        this.description = builder.description;
        this.inputsSchema = parse("inputs", builder.inputsSchema);
        this.outputsSchema = parse("outputs", builder.outputsSchema);
        this.secretInputs = List.copyOf(builder.secretInputs);
        this.httpMethods = Collections.unmodifiableSet(new TreeSet<>(builder.httpMethods));
    }

    /**
     * Starts describing a workflow; without more, its schemas admit any object, it has no secret inputs and its
     * HTTP methods are unknown (an empty set).
     *
     * @param workflowId the workflow's Arazzo {@code workflowId}
     * @return the builder
     */
    public static Builder builder(String workflowId) {
        return new Builder(workflowId);
    }

    /** @return the workflow's Arazzo {@code workflowId} */
    public String workflowId() {
        return workflowId;
    }

    /** @return the workflow's {@code summary}, if the document gives one */
    public Optional<String> summary() {
        return Optional.ofNullable(summary);
    }

    /** @return the workflow's {@code description}, if the document gives one */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /**
     * Returns the JSON Schema of the inputs as the document declares it (a {@code $ref} to a components input
     * resolved), secret inputs included.
     *
     * @return a fresh copy, an object schema
     */
    public ObjectNode inputsSchema() {
        return inputsSchema.deepCopy();
    }

    /**
     * Returns the JSON Schema of the outputs object a JSON run returns: one property per output, typed as the
     * generated {@code Outputs} record types it; every output may be absent.
     *
     * @return a fresh copy, an object schema
     */
    public ObjectNode outputsSchema() {
        return outputsSchema.deepCopy();
    }

    /** @return the names of the inputs that are secrets (named like credentials or {@code format: password}) */
    public List<String> secretInputs() {
        return secretInputs;
    }

    /**
     * Returns the HTTP methods the workflow's steps send, those of the workflows it calls included, sorted (the
     * standard ones upper-case, a custom one as declared); empty when unknown (metadata of a class generated
     * before Weft recorded them).
     *
     * @return the methods
     */
    public Set<String> httpMethods() {
        return httpMethods;
    }

    @Override
    public String toString() {
        return "WorkflowMetadata[" + workflowId + ", secretInputs=" + secretInputs + ", httpMethods=" + httpMethods
                + "]";
    }

    private static ObjectNode parse(String what, String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the " + what + " schema is not JSON: " + e.getOriginalMessage(), e);
        }
        throw new IllegalArgumentException("the " + what + " schema must be a JSON object");
    }

    /** Builds a {@link WorkflowMetadata}; not thread-safe. */
    public static final class Builder {
        private final String workflowId;
        private String summary;
        private String description;
        private String inputsSchema = ANY_OBJECT;
        private String outputsSchema = ANY_OBJECT;
        private final Set<String> secretInputs = new LinkedHashSet<>();
        private final Set<String> httpMethods = new LinkedHashSet<>();

        private Builder(String workflowId) {
            this.workflowId = Objects.requireNonNull(workflowId, "workflowId");
        }

        /**
         * @param value the workflow's {@code summary}, or {@code null}
         * @return this builder
         */
        public Builder summary(String value) {
            this.summary = value;
            return this;
        }

        /**
         * @param value the workflow's {@code description}, or {@code null}
         * @return this builder
         */
        public Builder description(String value) {
            this.description = value;
            return this;
        }

        /**
         * @param json the inputs' JSON Schema as JSON text, an object
         * @return this builder
         */
        public Builder inputsSchema(String json) {
            this.inputsSchema = Objects.requireNonNull(json, "json");
            return this;
        }

        /**
         * @param json the outputs' JSON Schema as JSON text, an object
         * @return this builder
         */
        public Builder outputsSchema(String json) {
            this.outputsSchema = Objects.requireNonNull(json, "json");
            return this;
        }

        /**
         * @param names inputs that are secrets
         * @return this builder
         */
        public Builder secretInputs(String... names) {
            for (String name : names) {
                secretInputs.add(Objects.requireNonNull(name, "name"));
            }
            return this;
        }

        /**
         * @param methods HTTP methods the workflow sends, as it sends them (the standard ones upper-case)
         * @return this builder
         */
        public Builder httpMethods(String... methods) {
            for (String method : methods) {
                httpMethods.add(Objects.requireNonNull(method, "method"));
            }
            return this;
        }

        /**
         * @return the metadata
         * @throws IllegalArgumentException if a schema is not a JSON object
         */
        public WorkflowMetadata build() {
            return new WorkflowMetadata(this);
        }
    }
}
