package dev.weft.compiler.model;

import dev.weft.compiler.diagnostic.Location;

/** A named OpenAPI (or Arazzo) description the workflows call into. */
public record SourceDescription(Located<String> name, Located<String> url, Located<String> type, Location location) {

    /** Whether the description is declared, or assumed, to be OpenAPI. */
    public boolean isOpenApi() {
        return type == null || type.value().equals("openapi");
    }

    /** Whether the description is declared to be AsyncAPI (Arazzo 1.1). */
    public boolean isAsyncApi() {
        return type != null && type.value().equals("asyncapi");
    }
}
