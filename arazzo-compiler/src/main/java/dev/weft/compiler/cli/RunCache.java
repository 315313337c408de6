package dev.weft.compiler.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.compiler.WorkflowSignature;
import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Location;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code weft run}'s cache of compiled workflow classes, so that a second run of an unchanged document needs
 * neither Swagger Parser nor javac: one file per entry in the user's cache folder.
 *
 * <p>An entry's name is a hash of the Weft build, the Java version, the options that change the compilation
 * (package, strict, source mappings), the document's path and its content. The entry lists every file the
 * compilation read with a hash of its content; it stands only while each still hashes the same (an edited
 * OpenAPI description or referenced file makes it a miss, and the next compilation replaces it). It keeps the
 * diagnostics, so a hit prints the same warnings. Entries are written to a temporary file and moved into place
 * atomically, so concurrent runs see a whole entry or none; an entry that cannot be read, is too large or does
 * not match is ignored. Nothing in an entry is a secret: the document, its descriptions and the generated code
 * hold none (inputs are given at run time).
 */
final class RunCache {
    /** The version of the entry format; an entry of another is ignored. */
    static final int FORMAT = 1;
    /** The largest entry read; a larger file is not Weft's and is ignored. */
    static final long MAX_ENTRY_BYTES = 64L << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    RunCache(Path dir) {
        this.dir = dir;
    }

    /**
     * The cache folder: the {@code weft.cache.dir} system property, else {@code WEFT_CACHE_DIR}, else
     * {@code $XDG_CACHE_HOME/weft}, else {@code ~/.cache/weft}; null when none can be named.
     */
    static Path defaultDir() {
        String property = System.getProperty("weft.cache.dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("WEFT_CACHE_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "weft");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "weft");
    }

    /**
     * What a compilation made that a run needs.
     *
     * @param diagnostics the compilation's diagnostics (no errors: failed compilations are not kept)
     * @param workflows the workflows' signatures
     * @param classNames the class of each workflow, by {@link #workflowKey}
     * @param classes the compiled classes' bytes by binary name
     */
    record Compiled(
            List<Diagnostic> diagnostics,
            List<WorkflowSignature> workflows,
            Map<String, String> classNames,
            Map<String, byte[]> classes) {}

    /** The key of a workflow in {@link Compiled#classNames}. */
    static String workflowKey(Path document, String workflowId) {
        return document.toAbsolutePath().normalize() + "\n" + workflowId;
    }

    /**
     * The entry name for compiling {@code document} with these options; null when the document cannot be read
     * (the compilation then says why).
     */
    static String key(Path document, String packageName, boolean strict, Map<String, Path> mappings) {
        MessageDigest digest = sha256();
        Map<String, String> sorted = new TreeMap<>();
        mappings.forEach(
                (url, file) -> sorted.put(url, file.toAbsolutePath().normalize().toString()));
        String header = String.join(
                "\n",
                "weft-run-cache " + FORMAT,
                Version.VERSION,
                build(),
                System.getProperty("java.vm.version", ""),
                packageName,
                String.valueOf(strict),
                sorted.toString(),
                document.toAbsolutePath().normalize().toString());
        digest.update(header.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        String content = hash(document);
        if (content == null) {
            return null;
        }
        digest.update(content.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(digest.digest());
    }

    /** This build of Weft: its jar's size and time, so that a rebuilt snapshot does not reuse old entries. */
    private static String build() {
        try {
            Path code = Path.of(RunCache.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (Files.isRegularFile(code)) {
                return code + " " + Files.size(code) + " "
                        + Files.getLastModifiedTime(code).toMillis();
            }
            return code.toString();
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return "";
        }
    }

    /** The entry {@code key}, if there is one and every file it was compiled from is as it was. */
    Compiled get(String key) {
        Path file = dir.resolve(key + ".json");
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_ENTRY_BYTES) {
                return null;
            }
            JsonNode entry;
            try (InputStream in = Files.newInputStream(file)) {
                entry = JSON.readTree(in);
            }
            if (entry == null
                    || entry.path("format").asInt() != FORMAT
                    || !key.equals(entry.path("key").asText())) {
                return null;
            }
            for (JsonNode input : entry.path("inputs")) {
                String recorded = input.path("sha256").isNull()
                        ? null
                        : input.path("sha256").asText();
                if (!Objects.equals(recorded, hash(Path.of(input.path("path").asText())))) {
                    return null;
                }
            }
            return read(entry);
        } catch (IOException | RuntimeException e) {
            return null; // a torn, foreign or corrupt entry: compile afresh and replace it
        }
    }

    /**
     * Stores an entry, atomically; a cache that cannot be written only costs the next run a compilation.
     *
     * @param inputs the files the compilation read
     * @return whether the entry was written
     */
    boolean put(String key, List<Path> inputs, Compiled compiled) {
        Path tmp = null;
        try {
            ObjectNode entry = JSON.createObjectNode();
            entry.put("format", FORMAT);
            entry.put("key", key);
            ArrayNode files = entry.putArray("inputs");
            for (Path input : inputs) {
                files.addObject().put("path", input.toString()).put("sha256", hash(input));
            }
            write(entry, compiled);
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, key, ".tmp");
            Files.write(tmp, JSON.writeValueAsBytes(entry));
            try {
                Files.move(tmp, dir.resolve(key + ".json"), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(key + ".json"), StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // left behind in the cache folder; harmless
                }
            }
            return false;
        }
    }

    private static void write(ObjectNode entry, Compiled compiled) {
        ArrayNode diagnostics = entry.putArray("diagnostics");
        for (Diagnostic d : compiled.diagnostics()) {
            diagnostics
                    .addObject()
                    .put("severity", d.severity().name())
                    .put("code", d.code().name())
                    .put("message", d.message())
                    .put("file", d.location().file().toString())
                    .put("line", d.location().line())
                    .put("column", d.location().column());
        }
        ArrayNode workflows = entry.putArray("workflows");
        for (WorkflowSignature w : compiled.workflows()) {
            ObjectNode node = workflows
                    .addObject()
                    .put("document", w.document().toString())
                    .put("workflowId", w.workflowId())
                    .put("summary", w.summary())
                    .put("className", compiled.classNames().get(workflowKey(w.document(), w.workflowId())));
            ArrayNode inputs = node.putArray("inputs");
            for (WorkflowSignature.Input i : w.inputs()) {
                inputs.addObject()
                        .put("name", i.name())
                        .put("type", i.type())
                        .put("required", i.required())
                        .put("secret", i.secret())
                        .put("description", i.description());
            }
            ArrayNode sources = node.putArray("sources");
            w.sources().forEach(sources::add);
        }
        ObjectNode classes = entry.putObject("classes");
        compiled.classes()
                .forEach((name, bytes) -> classes.put(name, Base64.getEncoder().encodeToString(bytes)));
    }

    private static Compiled read(JsonNode entry) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (JsonNode d : entry.path("diagnostics")) {
            diagnostics.add(Diagnostics.restore(
                    d.path("severity").asText(),
                    d.path("code").asText(),
                    d.path("message").asText(),
                    new Location(
                            Path.of(d.path("file").asText()),
                            d.path("line").asInt(),
                            d.path("column").asInt())));
        }
        List<WorkflowSignature> workflows = new ArrayList<>();
        Map<String, String> classNames = new LinkedHashMap<>();
        for (JsonNode w : entry.path("workflows")) {
            List<WorkflowSignature.Input> inputs = new ArrayList<>();
            for (JsonNode i : w.path("inputs")) {
                inputs.add(new WorkflowSignature.Input(
                        i.path("name").asText(),
                        text(i.path("type")),
                        i.path("required").asBoolean(),
                        i.path("secret").asBoolean(),
                        text(i.path("description"))));
            }
            List<String> sources = new ArrayList<>();
            w.path("sources").forEach(s -> sources.add(s.asText()));
            WorkflowSignature signature = new WorkflowSignature(
                    Path.of(w.path("document").asText()),
                    w.path("workflowId").asText(),
                    text(w.path("summary")),
                    inputs,
                    sources);
            workflows.add(signature);
            if (w.path("className").isTextual()) {
                classNames.put(
                        workflowKey(signature.document(), signature.workflowId()),
                        w.path("className").asText());
            }
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        entry.path("classes")
                .properties()
                .forEach(e -> classes.put(
                        e.getKey(), Base64.getDecoder().decode(e.getValue().asText())));
        return new Compiled(diagnostics, workflows, classNames, classes);
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    /** The SHA-256 of a file's content in hex, or null when it does not exist or cannot be read. */
    static String hash(Path file) {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
