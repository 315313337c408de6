package dev.weft.compiler.resolve;

import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * OpenAPI descriptions already parsed in this JVM, so a build compiling many documents against the same
 * description (a plugin run, the annotation processor, an IDE) parses it once. An entry stands while
 * every file it was read from keeps its size and modification time and the source mappings are the
 * same. Only successful parses are kept; Weft never modifies the models.
 */
final class ParsedDescriptions {
    private static final int LIMIT = 64;

    /** A file as it is now: a changed file is a different key. */
    record Key(Path file, long size, long modified) {}

    private record Entry(List<Key> files, OpenAPI api) {}

    /** The Arazzo document's folder is part of it: references may read there. */
    private record Id(Path root, Path arazzoFolder, Map<String, Path> mappings, UsedParts.Uses uses) {}

    private static final Map<Id, Entry> CACHE = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Id, Entry> eldest) {
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

    /**
     * The model parsed from {@code root} with these mappings, if none of its files changed since; {@code read}
     * is told the files it was read from.
     */
    static OpenAPI get(
            Path root, Path arazzoFile, Map<String, Path> mappings, UsedParts.Uses uses, Consumer<Path> read) {
        Entry entry = CACHE.get(new Id(root.toAbsolutePath().normalize(), folder(arazzoFile), mappings, uses));
        if (entry == null) {
            return null;
        }
        for (Key file : entry.files) {
            if (!file.equals(key(file.file()))) {
                return null;
            }
        }
        entry.files.forEach(f -> read.accept(f.file()));
        return entry.api;
    }

    static void put(
            Path root, Path arazzoFile, Map<String, Path> mappings, UsedParts.Uses uses, Set<Path> files, OpenAPI api) {
        List<Key> keys = new ArrayList<>();
        for (Path file : files) {
            Key key = key(file);
            if (key == null) {
                return;
            }
            keys.add(key);
        }
        CACHE.put(
                new Id(root.toAbsolutePath().normalize(), folder(arazzoFile), Map.copyOf(mappings), uses),
                new Entry(List.copyOf(keys), api));
    }

    private static Path folder(Path arazzoFile) {
        return arazzoFile.toAbsolutePath().normalize().getParent();
    }
}
