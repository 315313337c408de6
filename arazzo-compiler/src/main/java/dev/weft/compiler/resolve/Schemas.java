package dev.weft.compiler.resolve;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.HashSet;
import java.util.Set;

/** Follows local {@code $ref}s in an OpenAPI description's schemas and parameters. */
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
