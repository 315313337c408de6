package dev.weft.compiler.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Feeds random text to every parser: none may throw, and every error offset lies in the text. */
class ParserRobustnessTest {

    private static final String[] PIECES = {
        "$",
        "$inputs.",
        "$steps.s.outputs.",
        "$response.body",
        "$request.",
        "header.",
        "query.",
        "body",
        "#",
        "#/",
        "/",
        "~",
        "~0",
        "~1",
        "{",
        "}",
        "{$",
        "[",
        "]",
        "[0]",
        ".",
        "a",
        "B-1",
        "_",
        " ",
        "\t",
        "'",
        "''",
        "\"",
        "==",
        "!=",
        "<",
        "<=",
        ">",
        ">=",
        "=",
        "!",
        "&&",
        "&",
        "||",
        "|",
        "(",
        ")",
        "-",
        "1",
        "0",
        "2.5",
        "e",
        "true",
        "null",
        "$.",
        "$[",
        "'x'",
        "\\",
        "\\u00e9",
        ",",
        "é",
        "$statusCode",
        "$url",
        "$workflows.w.",
        "inputs",
        "outputs",
        "$components.",
        "parameters",
        "$sourceDescriptions."
    };

    @Test
    void neverThrowsAndReportsOffsetsInsideTheText() {
        Random random = new Random(20250101);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(8);
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            check(text.toString());
        }
    }

    private static void check(String text) {
        ParseResult<RuntimeExpression> expression = ExpressionParser.parse(text);
        checkOffsets(text, expression);
        if (expression.ok()) {
            assertEquals(text, expression.value().text(), "canonical text");
        }
        checkOffsets(text, ExpressionParser.parseTemplate(text, true));
        checkOffsets(text, ExpressionParser.parseTemplate(text, false));
        ParseResult<Condition> simple = ConditionParser.parseSimple(text);
        checkOffsets(text, simple);
        ParseResult<Condition> context = ConditionParser.parseContextComparison(text);
        checkOffsets(text, context);
        if (context.ok()) {
            String printed = ConditionPrinter.print(context.value());
            ParseResult<Condition> reparsed = ConditionParser.parseContextComparison(printed);
            assertTrue(reparsed.ok(), () -> text + " printed as " + printed + ": " + reparsed.errors());
            assertEquals(printed, ConditionPrinter.print(reparsed.value()));
        }
        ConditionParser.isBraced(text);
    }

    private static void checkOffsets(String text, ParseResult<?> result) {
        for (ExpressionError error : result.errors()) {
            assertTrue(error.offset() <= text.length(), () -> text + ": " + error);
            assertTrue(!error.message().isEmpty() && !error.message().endsWith("."), () -> text + ": " + error);
        }
    }
}
