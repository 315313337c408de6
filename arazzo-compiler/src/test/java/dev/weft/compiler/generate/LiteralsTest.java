package dev.weft.compiler.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.weft.compiler.GeneratedClasses;
import dev.weft.compiler.GeneratedFile;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's one path to string literals: any text becomes Java source that javac compiles without
 * warnings and whose value is that text, character for character.
 */
class LiteralsTest {
    private static final Path GENERATOR = Path.of("src/main/java/dev/weft/compiler/generate");

    @TempDir
    Path work;

    @Test
    void anyTextRoundTripsThroughJavac() throws Exception {
        List<String> texts = new ArrayList<>(List.of(
                "",
                "plain",
                "line\u2028separator\u2029paragraph\u0085next line",
                "nul\u0000del\u007f\u0001\u001fbell\u0007 then 7",
                "\\u0022 and \\u000a stay text",
                "quote \" apostrophe ' backslash \\ tab \t cr \r lf \n ff \f bs \b",
                "bom\ufeff zero\u200bwidth rtl\u202e nbsp\u00a0 soft\u00ad",
                "lone \ud800 surrogate \udc00 and a pair \ud83c\udf89",
                "unassigned \u0378 private \ue000 noncharacter \uffff",
                "*/ /* $L $S $$ { }",
                "x".repeat(70_000),
                "€".repeat(30_000) + "\ud83c\udf89".repeat(10_000),
                "line\n".repeat(20_000)));
        StringBuilder mixed = new StringBuilder();
        for (int c = 0; c < 0x3000; c++) {
            mixed.append((char) c);
        }
        texts.add(mixed.toString());

        String[] values = compileAndLoad(texts);

        assertEquals(texts.size(), values.length);
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(texts.get(i).toCharArray(), values[i].toCharArray(), "text " + i);
        }
    }

    @Test
    void noInvisibleCharacterIsWrittenRaw() {
        String source =
                Literals.of("a\u2028b\u2029c\u0085d\u0000e\ufefff\u202eg\ud800").toString();
        assertTrue(source.chars().allMatch(c -> c >= 0x20 && c < 0x7f), source);
    }

    @Test
    void longTextIsNotOneConstant() {
        String source = Literals.of("x".repeat(70_000)).toString();
        assertTrue(source.contains("String.join(\"\","), source.substring(0, 40));
        assertTrue(Literals.of("x".repeat(65_535)).toString().startsWith("\""), "one constant up to the limit");
        assertTrue(Literals.of("€".repeat(21_846)).toString().contains("String.join"), "counted in bytes");
    }

    @Test
    void theGeneratorWritesNoLiteralThroughJavaPoetsEscaping() throws IOException {
        Pattern dollarS = Pattern.compile("\\$S");
        try (Stream<Path> files = Files.list(GENERATOR)) {
            for (Path file : files.filter(f -> !f.endsWith("Literals.java")).toList()) {
                assertTrue(!dollarS.matcher(Files.readString(file)).find(), file + " uses $S; use Literals.of");
            }
        }
    }

    private String[] compileAndLoad(List<String> texts) throws Exception {
        List<CodeBlock> literals = texts.stream().map(Literals::of).toList();
        TypeSpec type = TypeSpec.classBuilder("Texts")
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addField(FieldSpec.builder(String[].class, "VALUES", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("{\n$L\n}", CodeBlock.join(literals, ",\n"))
                        .build())
                .build();
        String source =
                JavaFile.builder("literals", type).indent("    ").build().toString();
        try (URLClassLoader loader =
                GeneratedClasses.compile(List.of(new GeneratedFile("literals.Texts", source)), work)) {
            return (String[])
                    loader.loadClass("literals.Texts").getField("VALUES").get(null);
        }
    }
}
