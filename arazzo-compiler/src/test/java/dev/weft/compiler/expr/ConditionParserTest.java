package dev.weft.compiler.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weft.compiler.expr.Condition.And;
import dev.weft.compiler.expr.Condition.Compare;
import dev.weft.compiler.expr.Condition.Not;
import dev.weft.compiler.expr.Condition.Operator;
import dev.weft.compiler.expr.Condition.Or;
import dev.weft.compiler.expr.Condition.Truthy;
import dev.weft.compiler.expr.Operand.Accessor;
import dev.weft.compiler.expr.Operand.Accessor.Index;
import dev.weft.compiler.expr.Operand.Accessor.Member;
import dev.weft.compiler.expr.Operand.BooleanLiteral;
import dev.weft.compiler.expr.Operand.Expression;
import dev.weft.compiler.expr.Operand.NullLiteral;
import dev.weft.compiler.expr.Operand.NumberLiteral;
import dev.weft.compiler.expr.Operand.StringLiteral;
import dev.weft.compiler.expr.RuntimeExpression.Input;
import dev.weft.compiler.expr.RuntimeExpression.Method;
import dev.weft.compiler.expr.RuntimeExpression.RequestHeader;
import dev.weft.compiler.expr.RuntimeExpression.ResponseBody;
import dev.weft.compiler.expr.RuntimeExpression.ResponseHeader;
import dev.weft.compiler.expr.RuntimeExpression.StatusCode;
import dev.weft.compiler.expr.RuntimeExpression.StepOutput;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionParserTest {

    static Expression expr(RuntimeExpression expression, int offset, Accessor... accessors) {
        return new Expression(expression, List.of(accessors), offset);
    }

    static Expression status(int offset) {
        return expr(new StatusCode(), offset);
    }

    static Expression input(String name, int offset) {
        return expr(new Input(name, null), offset);
    }

    static Truthy flag(String name, int offset) {
        return new Truthy(input(name, offset));
    }

    static NumberLiteral num(String text) {
        return new NumberLiteral(new BigDecimal(text), text);
    }

    static StringLiteral str(String value) {
        return new StringLiteral(value);
    }

    static Compare cmp(Operand left, Operator op, Operand right) {
        return new Compare(left, op, right);
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("$statusCode == 200", cmp(status(0), Operator.EQ, num("200"))),
                Arguments.of(
                        "$statusCode == 200 && $response.body#/status == 'done'",
                        new And(List.of(
                                cmp(status(0), Operator.EQ, num("200")),
                                cmp(expr(new ResponseBody(JsonPointer.of("status")), 22), Operator.EQ, str("done"))))),
                Arguments.of(
                        "!($statusCode >= 400) || $response.header.Retry-After != null",
                        new Or(List.of(
                                new Not(cmp(status(2), Operator.GE, num("400"))),
                                cmp(expr(new ResponseHeader("Retry-After"), 25), Operator.NE, new NullLiteral())))),
                Arguments.of(
                        "$response.body.items[0].id == 'x'",
                        cmp(
                                expr(new ResponseBody(null), 0, new Member("items"), new Index(0), new Member("id")),
                                Operator.EQ,
                                str("x"))),
                Arguments.of(
                        "$response.body#/items[12] == 'x'",
                        cmp(expr(new ResponseBody(JsonPointer.of("items")), 0, new Index(12)), Operator.EQ, str("x"))),
                Arguments.of(
                        "$steps.s.outputs.list[0].name == 'a'",
                        cmp(
                                expr(new StepOutput("s", "list", null), 0, new Index(0), new Member("name")),
                                Operator.EQ,
                                str("a"))),
                Arguments.of("$inputs.a.b == 1", cmp(input("a.b", 0), Operator.EQ, num("1"))),
                Arguments.of(
                        "$response.body == 'it''s'", cmp(expr(new ResponseBody(null), 0), Operator.EQ, str("it's"))),
                Arguments.of("'' == ''''", cmp(str(""), Operator.EQ, str("'"))),
                Arguments.of("'a b && c' != 'A'", cmp(str("a b && c"), Operator.NE, str("A"))),
                Arguments.of("$inputs.flag", new Truthy(input("flag", 0))),
                Arguments.of("!$inputs.flag", new Not(new Truthy(input("flag", 1)))),
                Arguments.of("true", new Truthy(new BooleanLiteral(true))),
                Arguments.of("null == null", cmp(new NullLiteral(), Operator.EQ, new NullLiteral())),
                Arguments.of(
                        "$statusCode==200&&$inputs.x!=false",
                        new And(List.of(
                                cmp(status(0), Operator.EQ, num("200")),
                                cmp(input("x", 18), Operator.NE, new BooleanLiteral(false))))),
                Arguments.of("$inputs.n < -1", cmp(input("n", 0), Operator.LT, num("-1"))),
                Arguments.of("$inputs.n <= 1.5", cmp(input("n", 0), Operator.LE, num("1.5"))),
                Arguments.of("$inputs.n > 1e3", cmp(input("n", 0), Operator.GT, num("1e3"))),
                Arguments.of("$inputs.n >= -2.5E-3", cmp(input("n", 0), Operator.GE, num("-2.5E-3"))),
                Arguments.of("0 == $inputs.n", cmp(num("0"), Operator.EQ, input("n", 5))),
                Arguments.of(
                        "$request.header.X-Id <= 10", cmp(expr(new RequestHeader("X-Id"), 0), Operator.LE, num("10"))),
                Arguments.of("$method == 'GET'", cmp(expr(new Method(), 0), Operator.EQ, str("GET"))),
                Arguments.of(
                        "$inputs.a || $inputs.b && $inputs.c",
                        new Or(List.of(flag("a", 0), new And(List.of(flag("b", 13), flag("c", 26)))))),
                Arguments.of(
                        "($inputs.a || $inputs.b) && $inputs.c",
                        new And(List.of(new Or(List.of(flag("a", 1), flag("b", 14))), flag("c", 28)))),
                Arguments.of("((($statusCode == 200)))", cmp(status(3), Operator.EQ, num("200"))),
                Arguments.of(
                        " $statusCode >= 200\n&& $statusCode < 300 ",
                        new And(List.of(
                                cmp(status(1), Operator.GE, num("200")), cmp(status(23), Operator.LT, num("300"))))),
                Arguments.of("!(!$inputs.a)", new Not(new Not(flag("a", 3)))));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void parsesConditions(String text, Condition expected) {
        ParseResult<Condition> result = ConditionParser.parseSimple(text);
        assertEquals(List.of(), result.errors());
        assertEquals(expected, result.value());
        assertEquals(expected, ConditionParser.parseContextComparison(text).value());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '¦',
            quoteCharacter = '"',
            value = {
                "\"\"                                ¦ 0  ¦ empty condition",
                "\"  \"                              ¦ 0  ¦ empty condition",
                "$statusCode == 200 == 300           ¦ 19 ¦ comparisons do not chain; combine them with '&&', as in "
                        + "'a < b && b < c'",
                "\"\"\"a\"\" == 'b'\"                  ¦ 0  ¦ string literals use single quotes: 'a'",
                "\"$statusCode == \"\"it's\"\"\"         ¦ 15 ¦ string literals use single quotes: 'it''s'",
                "\"$statusCode == \"\"abc\"              ¦ 15 ¦ unexpected '\"'; string literals use single quotes",
                "{$statusCode == 200}                ¦ 0  ¦ a condition is not written in braces; remove '{' and '}'",
                "$statusCode == 200 && {x}           ¦ 22 ¦ unexpected '{'",
                "$statusCode = 200                   ¦ 12 ¦ unexpected '='; use '==' to compare",
                "$inputs.a & $inputs.b               ¦ 10 ¦ unexpected '&'; use '&&'",
                "$inputs.a | $inputs.b               ¦ 10 ¦ unexpected '|'; use '||'",
                "$statusCode == 'abc                 ¦ 15 ¦ unterminated string literal; close it with '",
                "$statusCode ==                      ¦ 14 ¦ expected an operand after '=='",
                "$statusCode == &&                   ¦ 15 ¦ expected an operand after '==', found '&&'",
                "&& $statusCode                      ¦ 0  ¦ expected an operand, found '&&'",
                "$statusCode == 200 &&               ¦ 21 ¦ expected an operand at the end of the condition",
                "($statusCode == 200                 ¦ 19 ¦ expected ')' to close the '(' at offset 0",
                "($statusCode == 200 $inputs.x)      ¦ 20 ¦ expected ')' to close the '(' at offset 0, found "
                        + "'$inputs.x'",
                "$statusCode == 200)                 ¦ 18 ¦ unexpected ')' without a matching '('",
                "()                                  ¦ 1  ¦ expected an operand, found ')'",
                "$statusCode 200                     ¦ 12 ¦ expected '&&', '||' or a comparison operator before '200'",
                "($inputs.a) == 1                    ¦ 12 ¦ unexpected '=='; expected '&&', '||' or the end of the "
                        + "condition",
                "!$statusCode == 200                 ¦ 0  ¦ '!' applies to a single operand; negate a comparison "
                        + "with parentheses: '!($statusCode == 200)'",
                "!                                   ¦ 1  ¦ expected '(' or an operand after '!'",
                "!!$inputs.a                         ¦ 1  ¦ expected '(' or an operand after '!', found '!'",
                "$response.body#/status == done      ¦ 26 ¦ unknown operand 'done'; write strings in single quotes: "
                        + "'done'",
                "$statusCode == TRUE                 ¦ 15 ¦ unknown operand 'TRUE'; did you mean 'true'?",
                "$inputs.a and $inputs.b             ¦ 10 ¦ unexpected 'and'; use '&&'",
                "$inputs.a OR $inputs.b              ¦ 10 ¦ unexpected 'OR'; use '||'",
                "not $inputs.a                       ¦ 0  ¦ unexpected 'not'; use '!'",
                "$statusCode == 01                   ¦ 15 ¦ malformed number '01'",
                "$statusCode == 2OO                  ¦ 15 ¦ malformed number '2OO'",
                "$statusCode == 1.                   ¦ 15 ¦ malformed number '1.'",
                "$statusCode == -                    ¦ 15 ¦ malformed number '-'",
                "$respons.body == 1                  ¦ 0  ¦ unknown expression root '$respons'; did you mean "
                        + "'$response'?",
                "$steps.x == 1                       ¦ 8  ¦ expected '.outputs.' after '$steps.x'",
                "$response.query.x == 1              ¦ 10 ¦ '$response.query' is not an expression; use "
                        + "'$request.query.<name>'",
                "$inputs. == 1                       ¦ 8  ¦ empty name after '$inputs.'",
                "$ == 1                              ¦ 0  ¦ expected an expression root such as '$inputs' after '$'",
                "$.status == 'x'                     ¦ 0  ¦ '$.status' is a JSONPath query, not allowed in a simple "
                        + "condition; use '$response.body#/status'",
                "$['a'][0] == 'x'                    ¦ 0  ¦ '$['a'][0]' is a JSONPath query, not allowed in a simple "
                        + "condition; use '$response.body#/a/0'",
                "$..a == 'x'                         ¦ 0  ¦ JSONPath queries are not allowed in a simple condition; "
                        + "use a runtime expression such as '$response.body#/status'",
                "$response.body.items[x] == 1        ¦ 20 ¦ expected an index '[n]' after '$response.body.items'",
                "$response.body.items['a'] == 1      ¦ 20 ¦ only numeric indexes '[n]' may follow "
                        + "'$response.body.items'; use '.name' for members",
                "$response.body.items[0 == 1         ¦ 20 ¦ expected an index '[n]' after '$response.body.items'",
                "$response.body. == 1                ¦ 14 ¦ expected a member name after the '.' in '$response.body'",
                "$response.body.a@b == 1             ¦ 16 ¦ unexpected '@' after '$response.body.a'",
                "$statusCode == 200 ]                ¦ 19 ¦ unexpected ']'",
                "$statusCode == 200 , 1              ¦ 19 ¦ unexpected ','",
                "$inputs.x == 'a'b                   ¦ 16 ¦ unknown operand 'b'; write strings in single quotes: 'b'",
            })
    void reportsErrorsWithOffsets(String text, int offset, String message) {
        ParseResult<Condition> result = ConditionParser.parseSimple(text);
        assertNull(result.value());
        assertEquals(List.of(new ExpressionError(offset, message)), result.errors());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"{$statusCode == 200}", " { $statusCode == 200 } ", "{!$inputs.x}", "{($statusCode == 200)}"})
    void detectsBracedConditions(String text) {
        assertEquals(true, ConditionParser.isBraced(text));
        ParseResult<Condition> unbraced = ConditionParser.parseSimple(ConditionParser.unbrace(text));
        assertEquals(List.of(), unbraced.errors());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"$statusCode == 200", "{}", "{ }", "{a}", "'{$x}'", "{$statusCode == 200", "$inputs.x == '{$y}'"
            })
    void leavesOtherConditionsAlone(String text) {
        assertEquals(false, ConditionParser.isBraced(text));
    }
}
