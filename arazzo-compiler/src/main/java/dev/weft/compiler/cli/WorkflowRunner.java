package dev.weft.compiler.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.compiler.GeneratedFile;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.JsonWorkflow;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
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
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The compile-and-load step of {@code weft run}: compiles the generated classes with the JDK's compiler into a
 * temporary folder and loads the workflow's class, whose {@link JsonWorkflow} the run then uses.
 */
final class WorkflowRunner {
    private final PrintWriter err;

    private WorkflowRunner(PrintWriter err) {
        this.err = err;
    }

    /**
     * A loaded workflow class; closing it closes its class loader and deletes its temporary folder.
     *
     * @param workflow the class's JSON form
     */
    record Loaded(JsonWorkflow workflow, URLClassLoader loader, Path work) implements AutoCloseable {
        @Override
        public void close() {
            try {
                loader.close();
            } catch (IOException e) {
                // the classes are loaded; a loader that fails to close only keeps a file handle until exit
            }
            delete(work);
        }
    }

    /**
     * Compiles the generated files and loads the class {@code className}.
     *
     * @return the workflow, or null when it cannot be compiled (the reason is printed on {@code err})
     */
    static Loaded load(List<GeneratedFile> files, String className, PrintWriter err) {
        Path work = null;
        try {
            work = Files.createTempDirectory("weft-run");
            URLClassLoader loader = new WorkflowRunner(err).compile(files, work);
            if (loader == null) {
                delete(work);
                return null;
            }
            try {
                return new Loaded(JsonWorkflow.of(loader.loadClass(className)), loader, work);
            } catch (ClassNotFoundException | RuntimeException e) {
                loader.close();
                throw e;
            }
        } catch (IOException | ClassNotFoundException e) {
            err.println("weft: cannot run the generated code: " + e);
            delete(work);
            return null;
        }
    }

    private URLClassLoader compile(List<GeneratedFile> files, Path work) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            err.println("weft: 'run' needs a JDK (no Java compiler in " + System.getProperty("java.home") + ")");
            return null;
        }
        List<String> sources = new ArrayList<>();
        for (GeneratedFile file : files) {
            sources.add(file.writeTo(work.resolve("src")).toString());
        }
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> options = new ArrayList<>(List.of(
                "-classpath",
                runtimeClasspath(),
                "-d",
                classes.toString(),
                "-proc:none",
                "-nowarn",
                "-encoding",
                "UTF-8"));
        options.addAll(sources);
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = javac.run(null, messages, messages, options.toArray(String[]::new));
        if (status != 0) {
            err.println(
                    "weft: the generated code did not compile; please report this:\n" + utf8(messages.toByteArray()));
            return null;
        }
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, WorkflowRunner.class.getClassLoader());
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
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing the run for
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
