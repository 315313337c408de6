package dev.weft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The diff a golden mismatch prints: the first differing lines, with context, as a unified diff. */
class UnifiedDiffTest {
    @Test
    void showsTheFirstDifferingLinesWithContext() {
        String expected = "a\nb\nc\nd\ne\nf\ng\nh\n";
        String actual = "a\nb\nc\nd\nE\nf\ng\nh\n";

        assertEquals(
                "--- golden\n+++ generated\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n",
                UnifiedDiff.of("golden", expected, "generated", actual));
    }

    @Test
    void longDifferencesAreCut() {
        String expected = lines("old", 100);
        String actual = lines("new", 100);

        String diff = UnifiedDiff.of("golden", expected, "generated", actual);

        assertTrue(diff.startsWith("--- golden\n+++ generated\n@@ -1,30 +1,30 @@\n-old0\n"), diff);
        assertTrue(diff.endsWith("(70 more lines removed and 70 more added before the texts agree again)\n"), diff);
        assertEquals("", UnifiedDiff.of("golden", expected, "generated", expected));
    }

    private static String lines(String word, int count) {
        return IntStream.range(0, count).mapToObj(i -> word + i + "\n").collect(Collectors.joining());
    }
}
