package dev.weft.compiler.resolve;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds the local file a description's {@code $ref} points at, never on the network: relative to the
 * file holding it, a {@code file:} URL as it is, {@code $self} as the root, another URL only if mapped.
 */
final class RefTargets {
    /** A reference's target: a local file and a JSON pointer into it ("" for the whole file). */
    record Target(Path file, String fragment) {}

    /** The target, or why there is none (a sentence to follow the reference and where it is). */
    record Located(Target target, String problem) {}

    private final SourceFiles files;
    private final Path root;
    private final URI self;
    private final Set<Path> allowed;

    RefTargets(SourceFiles files, Path root, URI self, Set<Path> allowed) {
        this.files = files;
        this.root = root;
        this.self = self;
        this.allowed = new HashSet<>(allowed);
    }

    Located locate(String ref, Path file) {
        if (ref.startsWith("#")) {
            return found(file, ref.substring(1));
        }
        URI uri;
        try {
            uri = new URI(ref);
        } catch (URISyntaxException e) {
            return problem("is not a valid URI reference");
        }
        String fragment = uri.getFragment() == null ? "" : uri.getFragment();
        URI document = withoutFragment(uri);
        Path local;
        try {
            if (self != null && document.equals(withoutFragment(self))) {
                local = root;
            } else if (uri.isAbsolute() && "file".equalsIgnoreCase(uri.getScheme())) {
                local = Path.of(document).normalize();
            } else if (uri.isAbsolute()) {
                local = files.mapped(document.toString()).orElse(null);
                if (local == null) {
                    return problem("is remote; Weft never downloads at build time: save the file and map its URL to"
                            + " it (sourceMappings in the Maven plugin, --map on the command line)");
                }
                allowed.add(local.getParent()); // the user named this copy; its relative references read beside it
                return found(local, fragment);
            } else {
                local = file.getParent().resolve(uri.getPath()).normalize();
            }
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return problem("names no file this machine can read");
        }
        if (!local.equals(root) && allowed.stream().noneMatch(local::startsWith)) {
            return problem("reads '" + local
                    + "', outside the folders a description may read (its own and the Arazzo document's)");
        }
        return found(local, fragment);
    }

    private static Located found(Path file, String fragment) {
        return new Located(new Target(file, fragment), null);
    }

    private static Located problem(String why) {
        return new Located(null, why);
    }

    private static URI withoutFragment(URI uri) {
        try {
            return new URI(uri.getScheme(), uri.getSchemeSpecificPart(), null);
        } catch (URISyntaxException e) {
            return uri;
        }
    }
}
