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
    /** Arazzo 1.1 identity-based referencing: each compiled document's absolute {@code $self}, to its file. */
    private final Map<String, Path> identities = new java.util.concurrent.ConcurrentHashMap<>();

    SourceFiles(Map<String, Path> mappings) {
        this.mappings = Map.copyOf(mappings);
    }

    /** The absolute URI a document's {@code $self} names: resolved against the file's URI when relative. */
    static Optional<URI> selfUri(Path document, String self) {
        try {
            return Optional.of(document.toAbsolutePath().toUri().resolve(new URI(self)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Records that the document at {@code file} identifies itself as {@code self} (1.1 {@code $self}). */
    void identify(Path file, String self) {
        selfUri(file, self)
                .ifPresent(uri -> identities.putIfAbsent(
                        uri.toString(), file.toAbsolutePath().normalize()));
    }

    /**
     * As {@link #locate(Path, String)}, for a document with a 1.1 {@code $self}: relative URLs resolve against
     * {@code $self} (its base URI, RFC 3986 §5.1.1), and a URL that is another compiled document's {@code $self}
     * is that document (identity-based referencing), wherever its file is.
     */
    Optional<Path> locate(Path document, String self, String url) {
        Path known = identities.get(url);
        if (known != null) {
            return Optional.of(known);
        }
        if (self == null) {
            return locate(document, url);
        }
        Optional<URI> base = selfUri(document, self);
        try {
            if (base.isEmpty() || new URI(url).isAbsolute()) {
                return locate(document, url);
            }
            URI target = base.get().resolve(new URI(url));
            Path identified = identities.get(target.toString());
            if (identified != null) {
                return Optional.of(identified);
            }
            return locate(document, target.toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
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
