package dev.weft.compiler.resolve;

import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OpenAPI descriptions already parsed in this JVM, keyed by file, size and modification time, so a
 * build compiling many documents against the same description (a plugin run, the annotation processor,
 * an IDE) parses it once. Only successful parses are kept; Weft never modifies the models.
 */
final class ParsedDescriptions {
    private static final int LIMIT = 64;

    /** A file as it is now: a changed file is a different key. */
    record Key(Path file, long size, long modified) {}

    private static final Map<Key, OpenAPI> CACHE = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, OpenAPI> eldest) {
            return size() > LIMIT;
        }
    });

    private ParsedDescriptions() {}

    static Key key(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Key(
                    file.toAbsolutePath().normalize(),
                    attributes.size(),
                    attributes.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return null; // not cacheable; the loader reports what is wrong with the file
        }
    }

    static OpenAPI get(Key key) {
        return CACHE.get(key);
    }

    static void put(Key key, OpenAPI api) {
        CACHE.put(key, api);
    }
}
