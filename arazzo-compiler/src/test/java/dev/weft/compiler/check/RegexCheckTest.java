package dev.weft.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shapes that make a backtracking engine exponential; the fixture {@code bad/crit-regex-backtracking} shows the
 * rest.
 */
class RegexCheckTest {

    private static String risk(String pattern) {
        RegexCheck.Risk risk = RegexCheck.risk(pattern);
        return risk == null ? null : risk.what() + " at " + risk.index();
    }

    @Test
    void nestedQuantifiersAndBackreferences() {
        assertEquals("nested quantifier '+' at 4", risk("(a+)+b"));
        assertEquals("nested quantifier '*' at 6", risk("(a|aa)*"));
        assertEquals("nested quantifier '{' at 7", risk("((a*)b){2,}"));
        assertEquals("nested quantifier '+' at 7", risk("(?:x*y)+"));
        assertEquals("nested quantifier '+' at 11", risk("(?<name>a+)+"));
        assertEquals("backreference '\\1' at 5", risk("(a)b*\\1"));
        assertEquals("backreference '\\k' at 7", risk("(?<x>a)\\k<x>"));
    }

    @Test
    void harmlessShapes() {
        for (String pattern : List.of(
                "(a+)?b",
                "(a+){1}",
                "(ab)+",
                "[(a+)]+",
                "\\(a+\\)+",
                "\\Q(a+)+\\E",
                "(?=a+)b",
                "(?<=x)y+",
                "a+b+c*",
                "[\\]+]+")) {
            assertNull(risk(pattern), pattern);
        }
    }
}
