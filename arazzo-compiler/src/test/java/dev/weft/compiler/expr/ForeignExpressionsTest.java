package dev.weft.compiler.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Other tools' expressions are found where they stand, whole, with a suggestion for misspelt roots. */
class ForeignExpressionsTest {

    @Test
    void findsRespectExpressionsBracedOrNot() {
        assertEquals(
                List.of(new ForeignExpressions.Found(0, "$faker.person.firstName", "faker", null)),
                ForeignExpressions.in("$faker.person.firstName"));
        assertEquals(
                List.of(
                        new ForeignExpressions.Found(2, "{$faker.number.integer({min: 1, max: 9})}", "faker", null),
                        new ForeignExpressions.Found(47, "$datetime.now()", "datetime", null)),
                ForeignExpressions.in("n-{$faker.number.integer({min: 1, max: 9})} at $datetime.now() ok"));
    }

    @Test
    void suggestsTheRootAMisspeltOneMeant() {
        assertEquals(
                List.of(new ForeignExpressions.Found(3, "{$input.id}", "input", "inputs")),
                ForeignExpressions.in("id {$input.id}"));
        assertEquals(
                List.of(new ForeignExpressions.Found(0, "$respons.body", "respons", "response")),
                ForeignExpressions.in("$respons.body"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"$inputs.x", "{$inputs.x} and {$steps.a.outputs.b}", "$5.00", "price: $5", "{x}", "a $input b"})
    void leavesArazzoExpressionsAndPlainTextAlone(String text) {
        assertEquals(List.of(), ForeignExpressions.in(text));
    }
}
