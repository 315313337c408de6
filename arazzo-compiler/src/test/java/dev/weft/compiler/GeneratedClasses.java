package dev.weft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.JsonWorkflow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;

/**
 * Generated classes compiled with the JDK's javac under {@code -Xlint:all -Werror} into a folder and loaded,
 * so that tests run them against real servers.
 */
public final class GeneratedClasses {
    private GeneratedClasses() {}

    /** Compiles the files below {@code work}; fails the test on any warning or error. */
    public static URLClassLoader compile(List<GeneratedFile> files, Path work) throws IOException {
        List<String> options = new ArrayList<>(List.of(
                "-Xlint:all",
                "-Xlint:-processing",
                "-Werror",
                "-proc:none",
                "-encoding",
                "UTF-8",
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                Files.createDirectories(work.resolve("classes")).toString()));
        for (GeneratedFile file : files) {
            options.add(file.writeTo(work.resolve("src")).toString());
        }
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, messages, messages, options.toArray(String[]::new));
        assertEquals(0, status, "javac:\n" + messages.toString(StandardCharsets.UTF_8));
        return new URLClassLoader(
                new URL[] {work.resolve("classes").toUri().toURL()}, GeneratedClasses.class.getClassLoader());
    }

    /** Runs a generated workflow class through its public JSON entry point, inputs and outputs as JSON. */
    public static ObjectNode run(ClassLoader loader, String className, ArazzoClient client, JsonNode inputs)
            throws ReflectiveOperationException {
        return JsonWorkflow.of(loader.loadClass(className)).run(client, inputs);
    }
}
