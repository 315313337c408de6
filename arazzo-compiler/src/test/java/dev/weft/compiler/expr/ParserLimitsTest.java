package dev.weft.compiler.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every parser of this package has a bound on how deep it goes, and input beyond it is a failure with an
 * offset, never a {@code StackOverflowError} (issue 10, item 13); input of any length within it parses.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ParserLimitsTest {

    @Test
    void parenthesesNestAtMostMaxDepth() {
        String ok =
                "(".repeat(ConditionParser.MAX_DEPTH) + "$statusCode == 200" + ")".repeat(ConditionParser.MAX_DEPTH);
        assertTrue(ConditionParser.parseSimple(ok).ok());

        for (int depth : new int[] {ConditionParser.MAX_DEPTH + 1, 2_000, 200_000}) {
            String deep = "(".repeat(depth) + "$statusCode == 200" + ")".repeat(depth);
            ParseResult<Condition> result = ConditionParser.parseSimple(deep);
            assertFalse(result.ok(), "depth " + depth);
            assertEquals(ConditionParser.MAX_DEPTH, result.errors().get(0).offset(), "at the first paren too many");
            assertTrue(result.errors().get(0).message().contains("more than 32 levels"));
        }
        String negated = "!(".repeat(2_000) + "$statusCode == 200" + ")".repeat(2_000);
        assertFalse(ConditionParser.parseSimple(negated).ok());
    }

    @Test
    void operandsHaveAtMost32Accessors() {
        assertTrue(ConditionParser.parseSimple("$response.body" + ".a".repeat(32) + " == 1")
                .ok());
        ParseResult<Condition> tooMany = ConditionParser.parseSimple("$response.body" + ".a".repeat(33) + " == 1");
        assertFalse(tooMany.ok());
        assertTrue(tooMany.errors().get(0).message().contains("at most 32 accessors"));

        assertTrue(ConditionParser.parseContextComparison("$" + "[0]".repeat(32) + " == 1")
                .ok());
        assertFalse(ConditionParser.parseContextComparison("$" + ".a".repeat(100_000) + " == 1")
                .ok());
    }

    @Test
    void longFlatConditionsParse() {
        StringBuilder or = new StringBuilder("$statusCode == 0");
        for (int i = 1; i < 100_000; i++) {
            or.append(i % 2 == 0 ? " || " : " && ").append("$statusCode == ").append(i);
        }
        assertTrue(ConditionParser.parseSimple(or.toString()).ok());
    }

    @Test
    void templatesPointersAndExpressionsOfAnyLengthParse() {
        String template = "{$inputs.a}-".repeat(100_000);
        ParseResult<Template> parsed = ExpressionParser.parseTemplate(template, true);
        assertTrue(parsed.ok());
        assertEquals(200_000, parsed.value().parts().size());

        String pointer = "/a".repeat(100_000);
        assertEquals(100_000, JsonPointer.parse(pointer).tokens().size());
        assertTrue(ExpressionParser.parse("$response.body#" + pointer).ok());
        assertTrue(ExpressionParser.parse("$inputs.a" + ".b".repeat(100_000)).ok());
    }
}
