package dev.weft.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.compiler.expr.ConditionParser;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The simple conditions JSONPath fix-its suggest, and where there is none to suggest. */
class JsonPathAdviceTest {

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '§',
            value = {
                "$[?@.status == 'done'] => $response.body => $response.body#/status == 'done'",
                "$[?(@.status == \"done\")] => $response.body => $response.body#/status == 'done'",
                "$[?@.access_token != null] => $response.body => $response.body#/access_token != null",
                "$[?@.token] => $response.body => $response.body#/token != null",
                "$[?!@.error && @.count > 2] => $response.body => $response.body#/error == null && "
                        + "$response.body#/count > 2",
                "$[?@.owner.login == 'it\\'s'] => $response.body#/data => $response.body#/data/owner/login == 'it''s'",
                "$[?@['a/b'][0] == 1 || @.c] => $steps.s.outputs.x => $steps.s.outputs.x#/a~1b/0 == 1 || "
                        + "$steps.s.outputs.x#/c != null",
            })
    void rootFiltersBecomeConditionsOnTheContextsMembers(String query, String context, String simple) {
        assertEquals(Optional.of(simple), JsonPathAdvice.rootFilterAsSimple(query, context));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "$[?length(@.items) > 0]",
                "$[?@.a == $.b]",
                "$[?@..a]",
                "$[?@.* == 1]",
                "$[?@ == 'x']",
                "$.items[?@.a == 1]",
                "$[?@['a b'] == 1]",
            })
    void givesNoneWhereNoSimpleConditionSaysTheSame(String query) {
        assertEquals(Optional.empty(), JsonPathAdvice.rootFilterAsSimple(query, "$response.body"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$response.header.X-Id", "$statusCode", "$url"})
    void givesNoneForAContextWithoutMembers(String context) {
        assertEquals(Optional.empty(), JsonPathAdvice.rootFilterAsSimple("$[?@.a == 1]", context));
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '§',
            value = {
                "$.status == 'processing' || $.status == 'preparing' => $response.body#/status == 'processing' || "
                        + "$response.body#/status == 'preparing'",
                "$.jobs[0].done == true => $response.body#/jobs/0/done == true",
                "$ == 'x' => $response.body == 'x'",
            })
    void comparisonsBecomeTheSimpleConditionWeftEvaluates(String dialect, String simple) {
        assertEquals(
                Optional.of(simple),
                JsonPathAdvice.comparisonAsSimple(
                        ConditionParser.parseContextComparison(dialect).value(), "$response.body"));
    }
}
