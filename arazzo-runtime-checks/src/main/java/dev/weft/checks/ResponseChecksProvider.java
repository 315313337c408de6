package dev.weft.checks;

import dev.weft.runtime.ResponseInspector;
import dev.weft.runtime.ResponseInspectorProvider;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The {@link ResponseInspectorProvider} of this module, found by {@link java.util.ServiceLoader}: what
 * {@code weft run --check} uses. It checks every OpenAPI source description of the Arazzo document that is a
 * local file.
 */
public final class ResponseChecksProvider implements ResponseInspectorProvider {

    /** Creates the provider (for the service loader). */
    public ResponseChecksProvider() {}

    @Override
    public ResponseInspector create(Path arazzoDocument, String settings) throws IOException {
        return ResponseChecks.builder()
                .arazzo(arazzoDocument)
                .severities(Severities.parse(settings))
                .build();
    }
}
