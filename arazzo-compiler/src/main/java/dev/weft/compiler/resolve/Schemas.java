package dev.weft.compiler.resolve;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Follows local {@code $ref}s in an OpenAPI description's schemas and parameters. */
@SuppressWarnings({"rawtypes", "unchecked"}) // Swagger's components map is raw: each value is a Schema<?>
public final class Schemas {
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PARAMETERS = "#/components/parameters/";

    private Schemas() {}

    /** The schema a {@code $ref} chain ends at, or the schema itself; null when a ref dangles or loops. */
    public static Schema<?> resolve(OpenAPI api, Schema<?> schema) {
        Set<String> seen = new HashSet<>();
        Schema<?> current = schema;
        while (current != null && current.get$ref() != null) {
            String ref = current.get$ref();
            if (!seen.add(ref)
                    || !ref.startsWith(SCHEMAS)
                    || api.getComponents() == null
                    || api.getComponents().getSchemas() == null) {
                return null;
            }
            current = api.getComponents().getSchemas().get(ref.substring(SCHEMAS.length()));
        }
        return current;
    }

    /**
     * Whether an {@code additionalProperties} or {@code unevaluatedProperties} value forbids other properties:
     * {@code false}, which an OpenAPI 3.1 parse hands out as a boolean schema.
     */
    public static boolean forbids(Object value) {
        return Boolean.FALSE.equals(value)
                || value instanceof Schema<?> s && Boolean.FALSE.equals(s.getBooleanSchemaValue());
    }

    /** Whether such a value allows any other property: {@code true}, or the boolean schema {@code true}. */
    public static boolean allowsAny(Object value) {
        return Boolean.TRUE.equals(value)
                || value instanceof Schema<?> s && Boolean.TRUE.equals(s.getBooleanSchemaValue());
    }

    /**
     * The schemas a discriminator of {@code schema} can name (OpenAPI's polymorphism): the targets of its
     * {@code mapping} and, for a component schema, the component schemas whose {@code allOf} refers to it (the
     * implicit mapping). Empty without a discriminator; targets that do not resolve are left out.
     */
    public static List<Schema<?>> discriminated(OpenAPI api, Schema<?> schema) {
        if (schema.getDiscriminator() == null
                || api.getComponents() == null
                || api.getComponents().getSchemas() == null) {
            return List.of();
        }
        Map<String, Schema> components = api.getComponents().getSchemas();
        Set<Schema<?>> found = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Schema<?>> targets = new ArrayList<>();
        Map<String, String> mapping = schema.getDiscriminator().getMapping();
        if (mapping != null) {
            for (String target : mapping.values()) {
                String name = target.startsWith(SCHEMAS) ? target.substring(SCHEMAS.length()) : target;
                Schema<?> mapped = components.get(name);
                if (mapped != null && mapped != schema && found.add(mapped)) {
                    targets.add(mapped);
                }
            }
        }
        String self = null;
        for (Map.Entry<String, Schema> c : components.entrySet()) {
            if (c.getValue() == schema) {
                self = c.getKey();
            }
        }
        if (self != null) {
            String ref = SCHEMAS + self;
            for (Schema<?> c : components.values()) {
                if (c.getAllOf() != null
                        && c.getAllOf().stream().anyMatch(part -> ref.equals(part.get$ref()))
                        && found.add(c)) {
                    targets.add(c);
                }
            }
        }
        return targets;
    }

    static Parameter resolveParameter(OpenAPI api, Parameter parameter) {
        Set<String> seen = new HashSet<>();
        Parameter current = parameter;
        while (current != null && current.get$ref() != null) {
            String ref = current.get$ref();
            if (!seen.add(ref)
                    || !ref.startsWith(PARAMETERS)
                    || api.getComponents() == null
                    || api.getComponents().getParameters() == null) {
                return null;
            }
            current = api.getComponents().getParameters().get(ref.substring(PARAMETERS.length()));
        }
        return current;
    }
}
