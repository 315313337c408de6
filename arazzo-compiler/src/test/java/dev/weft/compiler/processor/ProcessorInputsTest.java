package dev.weft.compiler.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Gradle setup without Gradle: {@code compileJava} runs javac with
 * {@code -Aweft.root=src/main/arazzo} and declares that folder as an input, so the processor must read
 * its documents from there and nowhere else, and read them afresh on every compilation.
 */
class ProcessorInputsTest {
    private static final String NOTE = "Weft: compiling ";

    @TempDir
    Path project;

    private Path arazzo;

    @BeforeEach
    void layOutTheProject() throws IOException {
        arazzo = Files.createDirectories(project.resolve("src/main/arazzo"));
        for (String name : List.of("items.arazzo.yaml", "items.openapi.yaml")) {
            Files.copy(ArazzoProcessorTest.ROOT.resolve(name), arazzo.resolve(name));
        }
    }

    @Test
    void everyDocumentTheProcessorReportsLiesInTheDeclaredInputFolder() {
        Compilation compilation = compile();

        assertThat(compilation).succeeded();
        List<Path> inputs = reportedInputs(compilation);
        assertEquals(List.of(arazzo.resolve("items.arazzo.yaml").toAbsolutePath()), inputs);
        inputs.forEach(input -> assertTrue(input.startsWith(arazzo.toAbsolutePath()), input + " is declared"));
        assertThat(compilation).hadNoteContaining("Weft: wrote com.example.items.FetchItemWorkflow");
    }

    @Test
    void anEditToAWorkflowOrItsOpenApiDescriptionChangesTheNextCompilation() throws IOException {
        String before = generated(compile());

        edit(
                arazzo.resolve("items.arazzo.yaml"),
                "count: $steps.read.outputs.count",
                "total: $steps.read.outputs.count");
        String renamed = generated(compile());
        assertFalse(renamed.contains("Long count"), "the old output is gone");
        assertTrue(renamed.contains("Long total"), "the edited workflow was read again");

        edit(arazzo.resolve("items.openapi.yaml"), "count: {type: integer}", "count: {type: string}");
        String retyped = generated(compile());
        assertTrue(retyped.contains("String total"), "the edited description was read again");
        assertFalse(before.equals(renamed) || renamed.equals(retyped));
    }

    @Test
    void withoutTheOptionTheProcessorIsQuiet() {
        Compilation compilation = javac().withProcessors(new ArazzoProcessor())
                .withOptions("-Aweft.root=" + arazzo)
                .compile(packageInfo());
        assertThat(compilation).succeeded();
        assertEquals(List.of(), compilation.notes());
    }

    private Compilation compile() {
        return javac().withProcessors(new ArazzoProcessor())
                .withOptions("-Aweft.root=" + arazzo, "-Aweft.verbose=true")
                .compile(packageInfo());
    }

    private static javax.tools.JavaFileObject packageInfo() {
        return JavaFileObjects.forSourceLines(
                "com.example.items.package-info",
                "@dev.weft.runtime.Arazzo(\"items.arazzo.yaml\")",
                "package com.example.items;");
    }

    private static List<Path> reportedInputs(Compilation compilation) {
        return compilation.notes().stream()
                .map(note -> note.getMessage(Locale.ROOT))
                .filter(message -> message.startsWith(NOTE))
                .map(message -> Path.of(message.substring(NOTE.length())))
                .toList();
    }

    private static String generated(Compilation compilation) throws IOException {
        assertThat(compilation).succeeded();
        return compilation
                .generatedSourceFile("com.example.items.FetchItemWorkflow")
                .orElseThrow()
                .getCharContent(true)
                .toString();
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " holds " + from);
        Files.writeString(file, text.replace(from, to));
    }
}
