package dev.weft.mcp;

import java.util.Set;

/**
 * The MCP tool annotations a workflow's tool carries: whether it only reads, may destroy, may be repeated
 * safely, and reaches beyond the server; {@code null} leaves a hint out (the client then assumes MCP's default).
 *
 * @param readOnly the tool changes nothing
 * @param destructive the tool may delete or overwrite
 * @param idempotent calling it twice with the same arguments does no more than once
 * @param openWorld the tool talks to systems outside the server
 */
public record ToolHints(Boolean readOnly, Boolean destructive, Boolean idempotent, Boolean openWorld) {

    private static final Set<String> SAFE = Set.of("GET", "HEAD");
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE");

    /**
     * Derives the hints from the HTTP methods a workflow sends: read-only when it sends only GET and HEAD,
     * destructive when it sends a DELETE, idempotent when it sends only GET, HEAD, PUT and DELETE (RFC 9110's
     * idempotent methods), and open-world always (it calls an API). Unknown methods (an empty set) claim
     * nothing but open-world, so a client assumes the worst.
     *
     * @param httpMethods the methods, as {@code WorkflowMetadata.httpMethods()} gives them
     * @return the hints
     */
    public static ToolHints derive(Set<String> httpMethods) {
        if (httpMethods.isEmpty()) {
            return new ToolHints(null, null, null, true);
        }
        return new ToolHints(
                SAFE.containsAll(httpMethods),
                httpMethods.contains("DELETE"),
                IDEMPOTENT.containsAll(httpMethods),
                true);
    }

    /**
     * @param value whether the tool changes nothing
     * @return a copy with that hint
     */
    public ToolHints withReadOnly(Boolean value) {
        return new ToolHints(value, destructive, idempotent, openWorld);
    }

    /**
     * @param value whether the tool may delete or overwrite
     * @return a copy with that hint
     */
    public ToolHints withDestructive(Boolean value) {
        return new ToolHints(readOnly, value, idempotent, openWorld);
    }

    /**
     * @param value whether calling the tool twice does no more than once
     * @return a copy with that hint
     */
    public ToolHints withIdempotent(Boolean value) {
        return new ToolHints(readOnly, destructive, value, openWorld);
    }

    /**
     * @param value whether the tool talks to systems outside the server
     * @return a copy with that hint
     */
    public ToolHints withOpenWorld(Boolean value) {
        return new ToolHints(readOnly, destructive, idempotent, value);
    }
}
