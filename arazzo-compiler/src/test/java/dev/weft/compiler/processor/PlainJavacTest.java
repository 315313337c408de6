package dev.weft.compiler.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build without Maven: the JDK's own {@code javac} binary, the processor on {@code -processorpath}
 * as this module's class path. The README's command, with the one {@code -cli} jar, is run as written
 * by the {@code processor-readme-javac} integration test, since that jar exists only after packaging.
 */
class PlainJavacTest {
    @TempDir
    Path work;

    @Test
    void javacWithTheProcessorPathGeneratesAndCompilesTheWorkflow() throws Exception {
        Path source = work.resolve("src/com/example/items/package-info.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "@dev.weft.runtime.Arazzo(\"items.arazzo.yaml\")\npackage com.example.items;\n");
        String classpath = String.join(File.pathSeparator, classpath());
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");

        Process process = new ProcessBuilder(
                        javac.toString(),
                        "-processorpath",
                        classpath,
                        "-classpath",
                        classpath,
                        "-Aweft.root=" + ArazzoProcessorTest.ROOT.toAbsolutePath(),
                        "-Xlint:all,-processing",
                        "-Werror",
                        "-d",
                        work.resolve("classes").toString(),
                        "-s",
                        work.resolve("generated").toString(),
                        source.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "javac finished");

        assertEquals(0, process.exitValue(), "javac said:\n" + output);
        assertTrue(Files.exists(work.resolve("generated/com/example/items/FetchItemWorkflow.java")));
        assertTrue(Files.exists(work.resolve("classes/com/example/items/FetchItemWorkflow.class")));
    }

    /** This JVM's class path, with the Class-Path of a manifest-only jar (as surefire uses) expanded. */
    private static List<String> classpath() throws IOException {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry))) {
                try (JarFile jar = new JarFile(entry)) {
                    Manifest manifest = jar.getManifest();
                    String extra = manifest == null
                            ? null
                            : manifest.getMainAttributes().getValue("Class-Path");
                    if (extra != null) {
                        for (String url : extra.trim().split("\\s+")) {
                            entries.add(Path.of(java.net.URI.create(url)).toString());
                        }
                    }
                }
            }
        }
        return new ArrayList<>(entries);
    }
}
