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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The compile-and-load step of {@code weft run}: compiles the generated classes with the JDK's compiler into
 * bytes (through a temporary folder) and loads the workflow's class from them, whose {@link JsonWorkflow} the
 * run then uses. Loading needs no compiler, so that a run from {@link RunCache} does not start one.
 */
final class WorkflowRunner {
    private WorkflowRunner() {}

    /**
     * A loaded workflow class.
     *
     * @param workflow the class's JSON form
     */
    record Loaded(JsonWorkflow workflow) {}

    /**
     * Loads the class {@code className} from compiled classes.
     *
     * @return the workflow, or null when it cannot be loaded (the reason is printed on {@code err})
     */
    static Loaded load(Map<String, byte[]> classes, String className, PrintWriter err) {
        try {
            return new Loaded(JsonWorkflow.of(new BytesClassLoader(classes).loadClass(className)));
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            err.println("weft: cannot run the generated code: " + e);
            return null;
        }
    }

    /**
     * Compiles the generated files.
     *
     * @return the classes' bytes by binary name, or null when they cannot be compiled (the reason is printed on
     *     {@code err})
     */
    static Map<String, byte[]> compile(List<GeneratedFile> files, PrintWriter err) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            err.println("weft: 'run' needs a JDK (no Java compiler in " + System.getProperty("java.home") + ")");
            return null;
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("weft-run");
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
                err.println("weft: the generated code did not compile; please report this:\n"
                        + utf8(messages.toByteArray()));
                return null;
            }
            Map<String, byte[]> compiled = new TreeMap<>();
            try (var paths = Files.walk(classes)) {
                for (Path p : (Iterable<Path>) paths.filter(f -> f.toString().endsWith(".class"))::iterator) {
                    String name = classes.relativize(p).toString().replace(File.separatorChar, '.');
                    compiled.put(name.substring(0, name.length() - ".class".length()), Files.readAllBytes(p));
                }
            }
            return compiled;
        } catch (IOException e) {
            err.println("weft: cannot compile the generated code: " + e);
            return null;
        } finally {
            delete(work);
        }
    }

    /** Defines the compiled classes from their bytes; everything else comes from this tool's own loader. */
    private static final class BytesClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        BytesClassLoader(Map<String, byte[]> classes) {
            super("weft-run", WorkflowRunner.class.getClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
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
