package dev.weft.compiler.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import java.io.IOException;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The annotation processor front end, through javac itself (compile-testing). */
class ArazzoProcessorTest {
    static final Path ROOT = Path.of("src/test/resources/processor");
    private static final String ROOT_OPTION = "-Aweft.root=" + ROOT;

    private static Compilation compile(String... lines) {
        JavaFileObject source = JavaFileObjects.forSourceLines("com.example.items.package-info", lines);
        // -processing: with any processor present, javac's lint reports that nobody claims the generated
        // code's @Generated; everything else must be warning-free
        return javac().withProcessors(new ArazzoProcessor())
                .withOptions(ROOT_OPTION, "-Xlint:all,-processing", "-Werror")
                .compile(source);
    }

    @Test
    void generatesTheSameClassAsThePlugin() throws IOException {
        Compilation compilation =
                compile("@dev.weft.runtime.Arazzo(\"items.arazzo.yaml\")", "package com.example.items;");

        assertThat(compilation).succeededWithoutWarnings();
        String generated = compilation
                .generatedSourceFile("com.example.items.FetchItemWorkflow")
                .orElseThrow()
                .getCharContent(true)
                .toString();
        String direct = ArazzoCompiler.compile(CompilationRequest.builder()
                        .document(ROOT.resolve("items.arazzo.yaml"))
                        .packageName("com.example.items")
                        .build())
                .files()
                .get(0)
                .source();
        assertEquals(direct, generated, "the processor and the facade generate the same bytes");
    }

    /** Issue 11: a workflowId in two documents of one package gets two classes, named as by the facade. */
    @Test
    void workflowsOfTwoDocumentsWithOneIdGetTwoClasses() {
        Compilation compilation = compile(
                "@dev.weft.runtime.Arazzo({\"items.arazzo.yaml\", \"more-items.arazzo.yaml\"})",
                "package com.example.items;");

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.items.ItemsFetchItemWorkflow");
        assertThat(compilation).generatedSourceFile("com.example.items.MoreItemsFetchItemWorkflow");
        assertThat(compilation).hadNoteContaining("this one is generated as 'MoreItemsFetchItemWorkflow'");
    }

    @Test
    void aTypeAnnotationCanNameThePackage() {
        JavaFileObject marker = JavaFileObjects.forSourceLines(
                "com.example.Marker",
                "package com.example;",
                "@dev.weft.runtime.Arazzo(value = \"items.arazzo.yaml\", packageName = \"com.example.workflows\")",
                "final class Marker {}");

        Compilation compilation = javac().withProcessors(new ArazzoProcessor())
                .withOptions(ROOT_OPTION)
                .compile(marker);

        assertThat(compilation).succeeded();
        assertThat(compilation).generatedSourceFile("com.example.workflows.FetchItemWorkflow");
    }

    @Test
    void problemsAreJavacErrorsWithTheDocumentsPosition() {
        Compilation compilation =
                compile("@dev.weft.runtime.Arazzo(\"broken.arazzo.yaml\")", "package com.example.items;");

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("broken.arazzo.yaml:9:18: error: [unknown-operation]");
        assertThat(compilation).hadErrorContaining("did you mean 'getItem'?");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aMissingDocumentIsAnErrorNotACrash() {
        Compilation compilation =
                compile("@dev.weft.runtime.Arazzo(\"nowhere.arazzo.yaml\")", "package com.example.items;");

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[missing-file] Arazzo document 'nowhere.arazzo.yaml' not found");
    }

    @Test
    void aSourceLevelBelow17IsOneErrorNamingIt() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.items.package-info",
                "@dev.weft.runtime.Arazzo(\"items.arazzo.yaml\")",
                "package com.example.items;");
        Compilation compilation = javac().withProcessors(new ArazzoProcessor())
                .withOptions(ROOT_OPTION, "--release", "11")
                .compile(source);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("this compilation's source level is 11; compile with --release 17 or later");
        String message = compilation.errors().get(0).getMessage(java.util.Locale.ROOT);
        assertEquals(-1, message.indexOf('\n'), "one line: " + message);
    }

    @Test
    void theSourceLevel17IsAccepted() {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.items.package-info",
                "@dev.weft.runtime.Arazzo(\"items.arazzo.yaml\")",
                "package com.example.items;");
        Compilation compilation = javac().withProcessors(new ArazzoProcessor())
                .withOptions(ROOT_OPTION, "--release", "17", "-Xlint:all,-processing", "-Werror")
                .compile(source);

        assertThat(compilation).succeededWithoutWarnings();
    }
}
