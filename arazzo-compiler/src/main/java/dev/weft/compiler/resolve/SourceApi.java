package dev.weft.compiler.resolve;

import io.swagger.v3.oas.models.OpenAPI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A loaded OpenAPI source description and its operations, by operationId and by path and method. */
public record SourceApi(
        String name,
        Path file,
        OpenAPI api,
        Map<String, OperationRef> operations,
        Map<String, OperationRef> byPathAndMethod) {

    public SourceApi {
        operations = Collections.unmodifiableMap(new LinkedHashMap<>(operations));
        byPathAndMethod = Collections.unmodifiableMap(new LinkedHashMap<>(byPathAndMethod));
    }

    public Optional<OperationRef> operation(String operationId) {
        return Optional.ofNullable(operations.get(operationId));
    }

    /** Whether {@code operationId} names an operation under {@code webhooks}, which workflows cannot call (D-54). */
    public boolean isWebhook(String operationId) {
        if (api.getWebhooks() == null) {
            return false;
        }
        return api.getWebhooks().values().stream()
                .flatMap(item -> item.readOperations().stream())
                .anyMatch(op -> operationId.equals(op.getOperationId()));
    }

    /** The operation at {@code path} with {@code method} (any case). */
    public Optional<OperationRef> operationAt(String path, String method) {
        return Optional.ofNullable(byPathAndMethod.get(method.toUpperCase(Locale.ROOT) + " " + path));
    }
}
