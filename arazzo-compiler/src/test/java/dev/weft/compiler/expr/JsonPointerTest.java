package dev.weft.compiler.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class JsonPointerTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("", List.of()),
                Arguments.of("/", List.of("")),
                Arguments.of("/a", List.of("a")),
                Arguments.of("/a/0/b", List.of("a", "0", "b")),
                Arguments.of("/a~1b", List.of("a/b")),
                Arguments.of("/c~0d", List.of("c~d")),
                Arguments.of("/~01", List.of("~1")),
                Arguments.of("/~10", List.of("/0")),
                Arguments.of("//x/", List.of("", "x", "")),
                Arguments.of("/a b/é", List.of("a b", "é")));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void parsesAndPrintsBack(String text, List<String> tokens) {
        JsonPointer pointer = JsonPointer.parse(text);
        assertEquals(tokens, pointer.tokens());
        assertEquals(text, pointer.toString());
        assertEquals(pointer, new JsonPointer(tokens));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a      | a JSON pointer must start with '/' in JSON pointer 'a'",
                "/a~    | invalid escape '~'; use '~0' for '~' and '~1' for '/' in JSON pointer '/a~'",
                "/a~2/b | invalid escape '~2'; use '~0' for '~' and '~1' for '/' in JSON pointer '/a~2/b'",
            })
    void rejectsMalformedText(String text, String message) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> JsonPointer.parse(text));
        assertEquals(message, thrown.getMessage());
    }

    @Test
    void rootIsEmpty() {
        assertTrue(JsonPointer.ROOT.isRoot());
        assertEquals("", JsonPointer.ROOT.toString());
        assertEquals(JsonPointer.ROOT, JsonPointer.parse(""));
        assertFalse(JsonPointer.parse("/").isRoot());
    }

    @Test
    void buildsFromTokens() {
        assertEquals("/a~1b/c~0", JsonPointer.of("a/b", "c~").toString());
        assertEquals(JsonPointer.of("a", "b"), JsonPointer.ROOT.append("a").append("b"));
    }
}
