package dev.weft.compiler.resolve;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a source description's {@code url} is on disk: relative URLs against the document that holds
 * them (FMT-6), {@code file:} URLs as they are, other absolute URLs only through a configured mapping
 * (D-28: nothing is downloaded at build time).
 */
final class SourceFiles {
    private final Map<String, Path> mappings;

    SourceFiles(Map<String, Path> mappings) {
        this.mappings = Map.copyOf(mappings);
    }

    /** The local file, or empty when the URL is remote and unmapped, or no valid URI reference. */
    Optional<Path> locate(Path document, String url) {
        Path mapped = mappings.get(url);
        if (mapped != null) {
            return Optional.of(mapped.toAbsolutePath().normalize());
        }
        try {
            URI uri = new URI(url);
            if (uri.isAbsolute()) {
                return "file".equals(uri.getScheme()) ? Optional.of(Path.of(uri).normalize()) : Optional.empty();
            }
            return Optional.of(
                    document.toAbsolutePath().getParent().resolve(uri.getPath()).normalize());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The local file configured for an absolute URL (a {@code $ref}'s document, say), if any. */
    Optional<Path> mapped(String url) {
        Path mapped = mappings.get(url);
        return mapped == null
                ? Optional.empty()
                : Optional.of(mapped.toAbsolutePath().normalize());
    }

    /** The configured mappings, URL to local file. */
    Map<String, Path> mappings() {
        return mappings;
    }

    static boolean isValidReference(String url) {
        try {
            new URI(url);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
