package dev.weft.runtime;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Makes {@link ResponseInspector}s for tools that find them with {@link java.util.ServiceLoader}: {@code weft run
 * --check} loads the one of module {@code arazzo-runtime-checks} this way, so that the command line has no
 * compile-time dependency on it.
 */
public interface ResponseInspectorProvider {

    /**
     * Creates an inspector for the runs of the workflows of an Arazzo document.
     *
     * @param arazzoDocument the Arazzo document, whose OpenAPI source descriptions (local files) describe the
     *     responses
     * @param settings the severities, as the provider reads them (for {@code arazzo-runtime-checks}: empty for
     *     the defaults, or {@code STATUS_CODE_CHECK=error,SCHEMA_CHECK=warn}, or Redocly respect's JSON form)
     * @return the inspector
     * @throws IOException if a description cannot be read
     * @throws IllegalArgumentException if the settings or a description are not understood
     */
    ResponseInspector create(Path arazzoDocument, String settings) throws IOException;
}
