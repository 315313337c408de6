package dev.weft.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A fingerprint of everything a {@code generate} run depends on, kept in a stamp file with
 * the output folder and the files that run wrote there.
 *
 * <p>The fingerprint covers a format-version line, the plugin version, every configuration value
 * and the content of every file below the source directory (OpenAPI descriptions a workflow names
 * by a relative path usually sit there too). The stamp is written only after a successful run, so
 * a failed run never looks up to date. Each execution has its own stamp, and the files it lists are
 * what that execution owns: executions sharing an output folder read each other's stamps so that
 * none deletes what another wrote.
 *
 * <p>What an up-to-date build runs here (computing, reading and comparing the stamp) is written with loops, not
 * streams and lambdas: it runs once, interpreted, in a fresh JVM, where each lambda's first call spins a class.
 */
public final class BuildStamp {
    /** Bump when what goes into the hash or the file changes, so stamps of older plugins never match. */
    static final String FORMAT = "weft-build-stamp/3";

    private static final String HASH_PREFIX = "hash ";
    private static final String DIRECTORY_PREFIX = "directory ";
    private static final String EXECUTION_PREFIX = "execution ";
    private static final String OUTPUT_PREFIX = "output ";
    private static final String SUFFIX = ".stamp";

    private final String hash;

    private BuildStamp(String hash) {
        this.hash = hash;
    }

    /**
     * What a stamp file records.
     *
     * @param hash the fingerprint of the inputs of the run that wrote it
     * @param execution the goal and execution id of that run, as Maven's log shows them: {@code generate (default)}
     * @param outputDirectory the absolute output folder of that run
     * @param outputs the files it wrote there, relative, with {@code /} separators, sorted
     */
    record Recorded(String hash, String execution, Path outputDirectory, List<String> outputs) {
        Recorded {
            outputs = List.copyOf(outputs);
        }

        /** The record in {@code stampFile}; empty when there is none or it has another format. */
        static Optional<Recorded> read(Path stampFile) throws IOException {
            if (!Files.isRegularFile(stampFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(stampFile, StandardCharsets.UTF_8);
            if (lines.size() < 4
                    || !lines.get(0).equals(FORMAT)
                    || !lines.get(1).startsWith(HASH_PREFIX)
                    || !lines.get(2).startsWith(EXECUTION_PREFIX)
                    || !lines.get(3).startsWith(DIRECTORY_PREFIX)) {
                return Optional.empty();
            }
            List<String> outputs = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith(OUTPUT_PREFIX)) {
                    outputs.add(line.substring(OUTPUT_PREFIX.length()));
                }
            }
            return Optional.of(new Recorded(
                    lines.get(1).substring(HASH_PREFIX.length()),
                    lines.get(2).substring(EXECUTION_PREFIX.length()),
                    Path.of(lines.get(3).substring(DIRECTORY_PREFIX.length())),
                    outputs));
        }
    }

    /**
     * The stamp file of one goal's execution, in {@code stampFolder}: one execution may run both
     * {@code generate} and {@code generate-test}, so the goal is part of the name.
     */
    static Path fileOf(Path stampFolder, String goal, String executionId) {
        return stampFolder.resolve(goal + "-" + executionId + SUFFIX);
    }

    /** The name of an execution in stamps and messages, as Maven's log shows it: {@code generate (default)}. */
    static String executionName(String goal, String executionId) {
        return goal + " (" + executionId + ")";
    }

    /**
     * The files below {@code outputDirectory} that the other stamps in {@code stampFile}'s folder
     * list, each with the execution that wrote it.
     */
    static Map<String, String> claimsOfOthers(Path stampFile, Path outputDirectory) throws IOException {
        Map<String, String> claims = new TreeMap<>();
        Path folder = stampFile.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            return claims;
        }
        List<Path> stamps;
        try (Stream<Path> files = Files.list(folder)) {
            stamps = files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .filter(f -> !f.equals(stampFile.toAbsolutePath()))
                    .sorted()
                    .toList();
        }
        Path directory = outputDirectory.toAbsolutePath().normalize();
        for (Path stamp : stamps) {
            Optional<Recorded> recorded = Recorded.read(stamp);
            if (recorded.isPresent() && recorded.get().outputDirectory().equals(directory)) {
                recorded.get()
                        .outputs()
                        .forEach(output ->
                                claims.putIfAbsent(output, recorded.get().execution()));
            }
        }
        return claims;
    }

    /**
     * Fingerprints one run.
     *
     * @param pluginVersion the version of the plugin (and of the compiler inside it)
     * @param configuration every configuration value that changes the output, by name
     * @param sourceFiles the files to hash, by their path relative to the source directory (as
     *     {@link SourceScanner#regularFiles} lists them, so that a run walks that folder once)
     */
    public static BuildStamp compute(
            String pluginVersion, Map<String, String> configuration, SortedMap<String, Path> sourceFiles)
            throws IOException {
        Fingerprint digest = new Fingerprint();
        update(digest, FORMAT);
        update(digest, "plugin-version");
        update(digest, pluginVersion);
        for (Map.Entry<String, String> entry : new TreeMap<>(configuration).entrySet()) {
            update(digest, "config " + entry.getKey());
            update(digest, String.valueOf(entry.getValue()));
        }
        for (Map.Entry<String, Path> file : sourceFiles.entrySet()) {
            update(digest, "file " + file.getKey());
            update(digest, contentHash(file.getValue()));
        }
        return new BuildStamp(digest.hex());
    }

    /** The fingerprint of the inputs, in hex. */
    public String hash() {
        return hash;
    }

    /**
     * Whether {@code stampFile} records this hash and this output folder, and every file it lists
     * still exists there.
     */
    public boolean isRecordedIn(Path stampFile, Path outputDirectory) throws IOException {
        Optional<Recorded> recorded = Recorded.read(stampFile);
        Path directory = outputDirectory.toAbsolutePath().normalize();
        if (recorded.isEmpty()
                || !recorded.get().hash().equals(hash)
                || !recorded.get().outputDirectory().equals(directory)) {
            return false;
        }
        for (String output : recorded.get().outputs()) {
            if (!Files.isRegularFile(directory.resolve(output))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Records this hash, the execution, the output folder and the files written to it (relative) in
     * {@code stampFile}.
     */
    public void write(Path stampFile, String execution, Path outputDirectory, List<String> outputs) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(FORMAT);
        lines.add(HASH_PREFIX + hash);
        lines.add(EXECUTION_PREFIX + execution);
        lines.add(DIRECTORY_PREFIX + outputDirectory.toAbsolutePath().normalize());
        outputs.stream().sorted().forEach(output -> lines.add(OUTPUT_PREFIX + output));
        Files.createDirectories(stampFile.toAbsolutePath().getParent());
        Files.write(stampFile, lines, StandardCharsets.UTF_8);
    }

    /** The fingerprint of a file's content in hex. */
    static String contentHash(Path file) throws IOException {
        Fingerprint fingerprint = new Fingerprint();
        byte[] buffer = new byte[8192];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                fingerprint.update(buffer, 0, n);
            }
        }
        return fingerprint.hex();
    }

    /**
     * CRC-32 and CRC-32C (two polynomials, so an accidental change goes unseen with a chance of 2^-64) and the
     * length of what was fed: the stamp guards against stale output, not against an attacker, who could edit the
     * sources anyway. SHA-256 cost an up-to-date build some 80 ms on a fresh JVM (the security providers' start and
     * the interpreted digest); both CRCs are intrinsics of the JVM's interpreter too.
     */
    static final class Fingerprint {
        private final CRC32 crc32 = new CRC32();
        private final CRC32C crc32c = new CRC32C();
        private long length;

        void update(byte[] bytes, int offset, int count) {
            crc32.update(bytes, offset, count);
            crc32c.update(bytes, offset, count);
            length += count;
        }

        void update(byte[] bytes) {
            update(bytes, 0, bytes.length);
        }

        String hex() {
            // not String.format: its first call (Formatter, its pattern) costs a fresh JVM a few milliseconds
            return hex8(crc32.getValue()) + hex8(crc32c.getValue()) + "-" + Long.toHexString(length);
        }

        private static String hex8(long value) {
            String hex = Long.toHexString(value);
            return "0".repeat(8 - hex.length()) + hex;
        }
    }

    // Each value is preceded by its length, so no two different sequences of values hash alike.
    private static void update(Fingerprint digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update(new byte[] {':'});
        digest.update(bytes);
    }
}
