package dev.weft.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The linear engine agrees with {@code java.util.regex} on the subset it runs, and runs patterns that make
 * {@code java.util.regex} backtrack for ever in linear time.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RegexProgramTest {

    private static final String[] ATOMS = {
        "a",
        "b",
        ".",
        "[ab]",
        "[^a]",
        "[a-c]",
        "\\d",
        "\\w",
        "\\s",
        "\\D",
        "[\\d\\s]",
        "\\p{L}",
        "\\P{Lu}",
        "\\.",
        "\\n",
        "\\x{61}",
        "\\u0062",
        "^",
        "$",
        "\\A",
        "\\z",
        "\\Z",
        "[-a]",
        "[a-]",
        "[\\-x]",
        "[\\p{Nd}b]"
    };
    private static final String[] QUANTIFIERS = {"", "", "", "*", "+", "?", "{2}", "{1,3}", "{0,}", "*?", "+?", "{2,}?"
    };
    private static final List<String> ANCHORS = List.of("^", "$", "\\A", "\\z", "\\Z");
    private static final String TEXT_CHARS = "aabbc1 \n\rA.\u00e9";

    private static boolean linearFind(String pattern, String text) {
        RegexProgram program = RegexProgram.compile(RegexSyntax.parse(pattern));
        return program.run(text, false, new RegexBudget("test", pattern, text.length()));
    }

    private static boolean linearMatches(String pattern, String text) {
        RegexProgram program = RegexProgram.compile(RegexSyntax.parse(pattern));
        return program.run(text, true, new RegexBudget("test", pattern, text.length()));
    }

    /**
     * A random pattern of the subset. Anchors stay out of groups: inside a repeated group that can match empty
     * ({@code (\\A(.|)){2}} on "a"), java.util.regex gives up on an empty iteration that ECMA-262, the flavour
     * Arazzo names, and the linear engine both take.
     */
    private static String randomPattern(Random random, int depth) {
        StringBuilder out = new StringBuilder();
        int terms = 1 + random.nextInt(3);
        for (int i = 0; i < terms; i++) {
            String atom;
            int kind = random.nextInt(depth > 1 ? 1 : 4);
            if (kind == 1) {
                atom = "(" + randomPattern(random, depth + 1) + ")";
            } else if (kind == 2) {
                atom = "(?:" + randomPattern(random, depth + 1) + "|" + randomPattern(random, depth + 1) + ")";
            } else {
                do {
                    atom = ATOMS[random.nextInt(ATOMS.length)];
                } while (depth > 0 && ANCHORS.contains(atom));
            }
            out.append(atom).append(ANCHORS.contains(atom) ? "" : QUANTIFIERS[random.nextInt(QUANTIFIERS.length)]);
        }
        return random.nextInt(6) == 0 ? out + "|" + randomPattern(random, depth + 1) : out.toString();
    }

    private static String randomText(Random random) {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(8);
        for (int i = 0; i < length; i++) {
            out.append(TEXT_CHARS.charAt(random.nextInt(TEXT_CHARS.length())));
        }
        return out.toString();
    }

    /** The class of inputs: random patterns of the subset against random texts, find and matches alike. */
    @Test
    void agreesWithJavaUtilRegex() {
        Random random = new Random(9485);
        int compared = 0;
        int oracleGaveUp = 0;
        for (int p = 0; p < 1000; p++) {
            String pattern = randomPattern(random, 0);
            Pattern java = Pattern.compile(pattern);
            RegexSyntax.Node node = RegexSyntax.parse(pattern);
            assertNotNull(node, "in the subset: " + pattern);
            RegexProgram program = RegexProgram.compile(node);
            for (int t = 0; t < 20; t++) {
                String text = randomText(random);
                String where =
                        "/" + pattern + "/ on '" + text.replace("\n", "\\n").replace("\r", "\\r") + "'";
                Boolean find = oracle(java, text, false);
                Boolean matches = oracle(java, text, true);
                if (find == null || matches == null) {
                    oracleGaveUp++;
                    continue;
                }
                RegexBudget budget = new RegexBudget("test", pattern, text.length());
                assertEquals(find, program.run(text, false, budget), "find " + where);
                assertEquals(matches, program.run(text, true, budget), "matches " + where);
                compared++;
            }
        }
        // java.util.regex backtracks for ever on a few random patterns: the very thing the linear engine is for
        assertTrue(compared > 19_000, compared + " compared, " + oracleGaveUp + " too slow for java.util.regex");
    }

    /** java.util.regex's answer, or {@code null} when it reads the short text more than 20,000 times. */
    private static Boolean oracle(Pattern java, String text, boolean whole) {
        int[] reads = {0};
        CharSequence counted = new CharSequence() {
            @Override
            public char charAt(int index) {
                if (++reads[0] > 20_000) {
                    throw new IllegalStateException("backtracking");
                }
                return text.charAt(index);
            }

            @Override
            public int length() {
                return text.length();
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                return text.subSequence(start, end);
            }

            @Override
            public String toString() {
                return text;
            }
        };
        try {
            return whole
                    ? java.matcher(counted).matches()
                    : java.matcher(counted).find();
        } catch (IllegalStateException tooSlow) {
            return null;
        }
    }

    /** The one kind of disagreement, where java.util.regex is the odd one out (see randomPattern). */
    @Test
    void emptyIterationsCountTowardsTheMinimum() {
        assertTrue(linearMatches("(\\A(.|)){2}", "a"));
        assertFalse(Pattern.compile("(\\A(.|)){2}").matcher("a").matches());
    }

    @Test
    void lineTerminatorsBeforeTheEnd() {
        for (String text : List.of("a\n", "a\r\n", "a\r", "a\u0085", "a\u2028", "a\u2029", "a\n\n", "\n", "a\r\r")) {
            for (String pattern : List.of("a$", "a\\Z", "a\\z", "$", "^$", "a$\\n?")) {
                assertEquals(Pattern.compile(pattern).matcher(text).find(), linearFind(pattern, text), pattern);
            }
        }
    }

    @Test
    void outsideTheSubsetIsLeftToJava() {
        for (String pattern : List.of(
                "(a)\\1",
                "(?<x>a)\\k<x>",
                "(?=a)",
                "(?!a)",
                "(?<=a)b",
                "(?<!a)b",
                "(?>a+)",
                "a*+",
                "(?i)a",
                "\\ba",
                "\\Qa\\E",
                "[a&&b]",
                "[a[b]]",
                "\\p{IsLatin}",
                "\\p{Alpha}",
                "\\0101",
                "\\cA",
                "\\R",
                "\\h",
                "[a-z-0]")) {
            Pattern.compile(pattern);
            assertFalse(BoundedRegex.isLinear(pattern), pattern);
        }
        assertFalse(BoundedRegex.isLinear("(a{1000}){1000}"), "too large a program");
        assertTrue(BoundedRegex.isLinear("^(new|packing|ready)$"));
        assertTrue(BoundedRegex.isLinear("(?<status>ok|done)-[\\w.]+\\d{2,4}?"));
    }

    /** Patterns known to make backtracking engines exponential: linear here, on texts they choke on. */
    @Test
    @Timeout(5)
    void catastrophicPatternsRunInLinearTime() {
        String as = "a".repeat(10_000);
        for (String pattern : List.of(
                "(a+)+b",
                "(a*)*b",
                "(a|a)*b",
                "(a|aa)+b",
                "(a|a?)+b",
                "((a*)*)*b",
                "(.*a){30}b",
                "(\\w+\\s?)*!",
                "^(a+)+$x",
                "(a?){50}a{50}b")) {
            assertTrue(BoundedRegex.isLinear(pattern), pattern);
            long start = System.nanoTime();
            assertFalse(linearFind(pattern, as), pattern);
            assertFalse(linearMatches(pattern, as), pattern);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 2000, pattern + " took " + millis + " ms");
        }
        assertTrue(linearMatches("(a+)+b", "a".repeat(40) + "b"));
    }
}
