package dev.weft.compiler.processor;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Finds a document named in {@code @Arazzo}: under {@code -Aweft.root}, else on the source path, else the class
 * path.
 */
final class DocumentLocator {
    private final Filer filer;
    private final Path root;

    DocumentLocator(Filer filer, String root) {
        this.filer = filer;
        this.root = root == null || root.isBlank() ? null : Path.of(root);
    }

    Optional<Path> locate(String path) {
        if (root != null) {
            Path candidate = root.resolve(path).normalize();
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        Path absolute = Path.of(path);
        if (absolute.isAbsolute() && Files.isRegularFile(absolute)) {
            return Optional.of(absolute);
        }
        for (StandardLocation location :
                new StandardLocation[] {StandardLocation.SOURCE_PATH, StandardLocation.CLASS_PATH}) {
            Optional<Path> found = onLocation(location, path);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Where the processor looked, for the message when a document is not found. */
    String where(String path) {
        return root != null
                ? "under -A" + ArazzoProcessor.ROOT + "=" + root + ", on the source path or the class path"
                : "on the source path or the class path (pass -A" + ArazzoProcessor.ROOT + "=DIR to name its folder)";
    }

    private Optional<Path> onLocation(StandardLocation location, String path) {
        try {
            FileObject resource = filer.getResource(location, "", path);
            URI uri = resource.toUri();
            if (!"file".equals(uri.getScheme())) {
                return Optional.empty();
            }
            Path file = Path.of(uri);
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            // the location is not set, or the name is not valid for it: not found there
            return Optional.empty();
        }
    }
}
