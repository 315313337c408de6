package dev.weft.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A SHA-256 fingerprint of everything a {@code generate} run depends on, kept in a stamp file with
 * the files that run wrote.
 *
 * <p>The fingerprint covers a format-version line, the plugin version, every configuration value
 * and the content of every file below the source directory (OpenAPI descriptions a workflow names
 * by a relative path usually sit there too). The stamp is written only after a successful run, so
 * a failed run never looks up to date.
 */
public final class BuildStamp {
    /** Bump when what goes into the hash changes, so stamps of older plugins never match. */
    static final String FORMAT = "weft-build-stamp/1";

    private static final String HASH_PREFIX = "hash ";
    private static final String OUTPUT_PREFIX = "output ";

    private final String hash;

    private BuildStamp(String hash) {
        this.hash = hash;
    }

    /**
     * Fingerprints one run.
     *
     * @param pluginVersion the version of the plugin (and of the compiler inside it)
     * @param configuration every configuration value that changes the output, by name
     * @param sourceDirectory the folder whose files are hashed; absent means no files
     */
    public static BuildStamp compute(String pluginVersion, Map<String, String> configuration, Path sourceDirectory)
            throws IOException {
        MessageDigest digest = sha256();
        update(digest, FORMAT);
        update(digest, "plugin-version");
        update(digest, pluginVersion);
        for (Map.Entry<String, String> entry : new TreeMap<>(configuration).entrySet()) {
            update(digest, "config " + entry.getKey());
            update(digest, String.valueOf(entry.getValue()));
        }
        for (Map.Entry<String, Path> file : sourceFiles(sourceDirectory).entrySet()) {
            update(digest, "file " + file.getKey());
            update(digest, contentHash(file.getValue()));
        }
        return new BuildStamp(HexFormat.of().formatHex(digest.digest()));
    }

    /** The hex SHA-256 of the inputs. */
    public String hash() {
        return hash;
    }

    /**
     * Whether {@code stampFile} records this hash and every file it lists still exists below
     * {@code outputDirectory}.
     */
    public boolean isRecordedIn(Path stampFile, Path outputDirectory) throws IOException {
        if (!Files.isRegularFile(stampFile) || !Files.isDirectory(outputDirectory)) {
            return false;
        }
        List<String> lines = Files.readAllLines(stampFile, StandardCharsets.UTF_8);
        if (lines.size() < 2 || !lines.get(0).equals(FORMAT) || !lines.get(1).equals(HASH_PREFIX + hash)) {
            return false;
        }
        return outputs(lines).stream().allMatch(output -> Files.isRegularFile(outputDirectory.resolve(output)));
    }

    /** Records this hash and the files written, relative to the output folder, in {@code stampFile}. */
    public void write(Path stampFile, List<String> outputs) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(FORMAT);
        lines.add(HASH_PREFIX + hash);
        outputs.stream().sorted().forEach(output -> lines.add(OUTPUT_PREFIX + output));
        Files.createDirectories(stampFile.toAbsolutePath().getParent());
        Files.write(stampFile, lines, StandardCharsets.UTF_8);
    }

    /** The SHA-256 of a file's content in hex; also used to fingerprint the plugin's own jars. */
    static String contentHash(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[8192];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static List<String> outputs(List<String> lines) {
        return lines.stream()
                .filter(line -> line.startsWith(OUTPUT_PREFIX))
                .map(line -> line.substring(OUTPUT_PREFIX.length()))
                .toList();
    }

    private static SortedMap<String, Path> sourceFiles(Path directory) throws IOException {
        SortedMap<String, Path> files = new TreeMap<>();
        if (directory == null || !Files.isDirectory(directory)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.filter(Files::isRegularFile)
                    .forEach(file -> files.put(SourceScanner.slashed(directory.relativize(file)), file));
        }
        return files;
    }

    // Each value is preceded by its length, so no two different sequences of values hash alike.
    private static void update(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest's Javadoc).
            throw new IllegalStateException(e);
        }
    }
}
