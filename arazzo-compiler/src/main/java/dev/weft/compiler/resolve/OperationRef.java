package dev.weft.compiler.resolve;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;
import java.util.Optional;

/**
 * One OpenAPI operation a step can call: where it lives and what it declares.
 *
 * @param method the HTTP method, upper-case
 * @param parameters path-item and operation parameters merged, {@code $ref}s resolved
 * @param serverUrl the absolute base URL from the description's servers, or null when none is usable
 */
public record OperationRef(
        String sourceName,
        String operationId,
        String method,
        String path,
        Operation operation,
        List<Parameter> parameters,
        String serverUrl,
        OpenAPI api) {

    public OperationRef {
        parameters = List.copyOf(parameters);
    }

    public Optional<Parameter> parameter(String name, String in) {
        return parameters.stream()
                .filter(p -> in.equals(p.getIn()))
                .filter(p -> in.equals("header")
                        ? p.getName().equalsIgnoreCase(name)
                        : p.getName().equals(name))
                .findFirst();
    }

    /** A readable name for messages: {@code GET /pets/{id}}. */
    public String display() {
        return method + " " + path;
    }
}
