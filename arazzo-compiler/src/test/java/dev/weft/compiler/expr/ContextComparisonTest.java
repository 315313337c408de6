package dev.weft.compiler.expr;

import static dev.weft.compiler.expr.ConditionParserTest.cmp;
import static dev.weft.compiler.expr.ConditionParserTest.num;
import static dev.weft.compiler.expr.ConditionParserTest.status;
import static dev.weft.compiler.expr.ConditionParserTest.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weft.compiler.expr.Condition.And;
import dev.weft.compiler.expr.Condition.Operator;
import dev.weft.compiler.expr.Condition.Or;
import dev.weft.compiler.expr.Condition.Truthy;
import dev.weft.compiler.expr.Operand.Accessor;
import dev.weft.compiler.expr.Operand.Accessor.Index;
import dev.weft.compiler.expr.Operand.Accessor.Member;
import dev.weft.compiler.expr.Operand.BooleanLiteral;
import dev.weft.compiler.expr.Operand.ContextPath;
import dev.weft.compiler.expr.Operand.NullLiteral;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests {@link ConditionParser#parseContextComparison}, the D-7 dialect. */
class ContextComparisonTest {

    private static ContextPath path(int offset, Accessor... accessors) {
        return new ContextPath(List.of(accessors), offset);
    }

    private static Member member(String name) {
        return new Member(name);
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of(
                        "$.status == 'processing' || $.status == 'preparing' || $.status == 'unassigned'",
                        new Or(List.of(
                                cmp(path(0, member("status")), Operator.EQ, str("processing")),
                                cmp(path(28, member("status")), Operator.EQ, str("preparing")),
                                cmp(path(55, member("status")), Operator.EQ, str("unassigned"))))),
                Arguments.of("$.status == 'succeeded'", cmp(path(0, member("status")), Operator.EQ, str("succeeded"))),
                Arguments.of("$['status'] == 'x'", cmp(path(0, member("status")), Operator.EQ, str("x"))),
                Arguments.of(
                        "$.items[0].id != null",
                        cmp(path(0, member("items"), new Index(0), member("id")), Operator.NE, new NullLiteral())),
                Arguments.of("$[0] == 1", cmp(path(0, new Index(0)), Operator.EQ, num("1"))),
                Arguments.of("$[ 10 ] == 1", cmp(path(0, new Index(10)), Operator.EQ, num("1"))),
                Arguments.of("$ == 'x'", cmp(path(0), Operator.EQ, str("x"))),
                Arguments.of("'x' == $", cmp(str("x"), Operator.EQ, path(7))),
                Arguments.of("$", new Truthy(path(0))),
                Arguments.of("$.done", new Truthy(path(0, member("done")))),
                Arguments.of("$[\"a b\"] == 1", cmp(path(0, member("a b")), Operator.EQ, num("1"))),
                Arguments.of(
                        "$['it\\'s']['\\u00e9\\n'] == 1",
                        cmp(path(0, member("it's"), member("é\n")), Operator.EQ, num("1"))),
                Arguments.of(
                        "$.a_1.b2.é == 1",
                        cmp(path(0, member("a_1"), member("b2"), member("é")), Operator.EQ, num("1"))),
                Arguments.of(
                        "$.status=='x'&&$.n>=2",
                        new And(List.of(
                                cmp(path(0, member("status")), Operator.EQ, str("x")),
                                cmp(path(15, member("n")), Operator.GE, num("2"))))),
                Arguments.of(
                        "$statusCode == 200 && $.done == true",
                        new And(List.of(
                                cmp(status(0), Operator.EQ, num("200")),
                                cmp(path(22, member("done")), Operator.EQ, new BooleanLiteral(true))))));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void parsesContextPaths(String text, Condition expected) {
        ParseResult<Condition> result = ConditionParser.parseContextComparison(text);
        assertEquals(List.of(), result.errors());
        assertEquals(expected, result.value());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '¦',
            quoteCharacter = '"',
            value = {
                "$..status == 'x'     ¦ 1 ¦ descendant segment '..' does not select a single value",
                "$.* == 'x'           ¦ 2 ¦ wildcard '*' does not select a single value",
                "$.items[*] == 1      ¦ 8 ¦ selector '*' does not select a single value",
                "$[?@.a] == 1         ¦ 2 ¦ selector '?' does not select a single value",
                "$[1:2] == 1          ¦ 3 ¦ expected ']'",
                "$[0,1] == 1          ¦ 3 ¦ a list of selectors does not select a single value",
                "$.a-b == 1           ¦ 3 ¦ unexpected '-' after '$.a'",
                "$.1a == 1            ¦ 2 ¦ expected a member name after '.'",
                "$. == 1              ¦ 2 ¦ expected a member name after '.'",
                "$[-1] == 1           ¦ 2 ¦ negative index '-1' is not supported; count from the start",
                "$[01] == 1           ¦ 2 ¦ malformed index '01'",
                "$[9999999999] == 1   ¦ 2 ¦ index '9999999999' is too large",
                "$[0 == 1             ¦ 4 ¦ expected ']'",
                "$[status] == 1       ¦ 2 ¦ expected a quoted name or an index after '['",
                "$['a == 1            ¦ 2 ¦ unterminated string",
                "$['a\\q'] == 1       ¦ 4 ¦ invalid escape '\\q' in string",
                "$.status == \"x\"    ¦ 12 ¦ string literals use single quotes: 'x'",
                "$.status == x        ¦ 12 ¦ unknown operand 'x'; write strings in single quotes: 'x'",
                "$.a == 1 == 2        ¦ 9 ¦ comparisons do not chain; combine them with '&&', as in 'a < b && b < c'",
                "$.status = 'x'       ¦ 9 ¦ unexpected '='; use '==' to compare",
                "$status == 'x'       ¦ 0 ¦ unknown expression root '$status'; did you mean '$.status'?",
            })
    void reportsErrorsWithOffsets(String text, int offset, String message) {
        ParseResult<Condition> result = ConditionParser.parseContextComparison(text);
        assertNull(result.value());
        assertEquals(List.of(new ExpressionError(offset, message)), result.errors());
    }
}
