package dev.weft.mcp.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.compiler.GeneratedFile;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.JsonWorkflow;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The generated classes of a compilation, compiled by the JDK's compiler into a temporary folder and loaded: their
 * workflows' {@code JSON} constants, for as long as this is open (classes load lazily from the folder).
 */
final class InMemoryWorkflows implements AutoCloseable {

    private final Path work;
    private final URLClassLoader loader;
    private final List<JsonWorkflow> workflows;

    private InMemoryWorkflows(Path work, URLClassLoader loader, List<JsonWorkflow> workflows) {
        this.work = work;
        this.loader = loader;
        this.workflows = List.copyOf(workflows);
    }

    /**
     * Compiles and loads the generated files.
     *
     * @param files the generated sources
     * @return the loaded workflows, in the order of the files
     * @throws IllegalStateException when no Java compiler is present (a JRE) or the code does not compile
     * @throws IOException when the temporary folder cannot be written
     */
    static InMemoryWorkflows load(List<GeneratedFile> files) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException(
                    "'mcp' needs a JDK (no Java compiler in " + System.getProperty("java.home") + ")");
        }
        Path work = Files.createTempDirectory("weft-mcp");
        try {
            List<String> options = new ArrayList<>(List.of(
                    "-classpath",
                    runtimeClasspath(),
                    "-d",
                    work.resolve("classes").toString(),
                    "-proc:none",
                    "-nowarn",
                    "-encoding",
                    "UTF-8"));
            for (GeneratedFile file : files) {
                options.add(file.writeTo(work.resolve("src")).toString());
            }
            Files.createDirectories(work.resolve("classes"));
            ByteArrayOutputStream messages = new ByteArrayOutputStream();
            if (javac.run(null, messages, messages, options.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("the generated code did not compile; please report this:\n"
                        + messages.toString(StandardCharsets.UTF_8));
            }
            URLClassLoader loader = new URLClassLoader(
                    new URL[] {work.resolve("classes").toUri().toURL()}, InMemoryWorkflows.class.getClassLoader());
            List<JsonWorkflow> workflows = new ArrayList<>();
            for (GeneratedFile file : files) {
                if (file.workflowId() != null) {
                    workflows.add(JsonWorkflow.of(loader.loadClass(file.qualifiedName())));
                }
            }
            return new InMemoryWorkflows(work, loader, workflows);
        } catch (ClassNotFoundException e) {
            delete(work);
            throw new IllegalStateException("a generated class did not load: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            delete(work);
            throw e;
        }
    }

    List<JsonWorkflow> workflows() {
        return workflows;
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            // the folder is deleted anyway
        }
        delete(work);
    }

    /** Where the runtime and Jackson classes come from: this tool's own jars or folders. */
    private static String runtimeClasspath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type :
                new Class<?>[] {ArazzoClient.class, JsonNode.class, JsonFactory.class, JsonProperty.class}) {
            try {
                entries.add(Path.of(type.getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                        .toString());
            } catch (URISyntaxException | NullPointerException e) {
                // a class without a code source (unusual); javac then relies on the rest of the path
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing for
        }
    }
}
