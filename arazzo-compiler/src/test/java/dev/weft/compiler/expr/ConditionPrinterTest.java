package dev.weft.compiler.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.compiler.expr.Condition.Operator;
import dev.weft.compiler.expr.Operand.Accessor.Member;
import dev.weft.compiler.expr.Operand.ContextPath;
import dev.weft.compiler.expr.Operand.StringLiteral;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionPrinterTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '¦',
            quoteCharacter = '"',
            value = {
                "$statusCode==200                         ¦ $statusCode == 200",
                "$statusCode == 200 && $response.body#/status == 'done' ¦ $statusCode == 200 && "
                        + "$response.body#/status == 'done'",
                "!($statusCode>=400)||$response.header.Retry-After!=null ¦ !($statusCode >= 400) || "
                        + "$response.header.Retry-After != null",
                "$response.body.items[0].id == 'it''s'    ¦ $response.body.items[0].id == 'it''s'",
                "($inputs.a || $inputs.b) && $inputs.c    ¦ ($inputs.a || $inputs.b) && $inputs.c",
                "$inputs.a || ($inputs.b && $inputs.c)    ¦ $inputs.a || $inputs.b && $inputs.c",
                "($inputs.a || $inputs.b) || $inputs.c    ¦ ($inputs.a || $inputs.b) || $inputs.c",
                "$inputs.a && ($inputs.b && $inputs.c)    ¦ $inputs.a && ($inputs.b && $inputs.c)",
                "!$inputs.a && !(!$inputs.b)              ¦ !$inputs.a && !(!$inputs.b)",
                "(($inputs.n <= -1.5E3))                  ¦ $inputs.n <= -1.5E3",
                "null != true                             ¦ null != true",
                "$.status == 'x' || $['a b'][0] > 1       ¦ $.status == 'x' || $['a b'][0] > 1",
                "$ == 1                                   ¦ $ == 1",
            })
    void printsCanonicalText(String text, String printed) {
        Condition condition = ConditionParser.parseContextComparison(text).value();
        assertEquals(printed, ConditionPrinter.print(condition));
        Condition reparsed = ConditionParser.parseContextComparison(printed).value();
        assertEquals(printed, ConditionPrinter.print(reparsed));
    }

    @Test
    void escapesJsonPathNames() {
        Condition condition = new Condition.Compare(
                new ContextPath(List.of(new Member("it's"), new Member("a\\b")), 0),
                Operator.EQ,
                new StringLiteral("x"));
        String printed = ConditionPrinter.print(condition);
        assertEquals("$['it\\'s']['a\\\\b'] == 'x'", printed);
        assertEquals(condition, ConditionParser.parseContextComparison(printed).value());
    }
}
