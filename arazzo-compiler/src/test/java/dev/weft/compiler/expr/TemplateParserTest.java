package dev.weft.compiler.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.compiler.expr.RuntimeExpression.Input;
import dev.weft.compiler.expr.RuntimeExpression.ResponseBody;
import dev.weft.compiler.expr.RuntimeExpression.StatusCode;
import dev.weft.compiler.expr.RuntimeExpression.StepOutput;
import dev.weft.compiler.expr.RuntimeExpression.Url;
import dev.weft.compiler.expr.Template.Embedded;
import dev.weft.compiler.expr.Template.Literal;
import dev.weft.compiler.expr.Template.Part;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests {@link ExpressionParser#parseTemplate} and the {@link Template} queries. */
class TemplateParserTest {

    private static Literal lit(String text) {
        return new Literal(text);
    }

    private static Embedded bare(RuntimeExpression expression, int offset) {
        return new Embedded(expression, offset, false);
    }

    private static Embedded braced(RuntimeExpression expression, int offset) {
        return new Embedded(expression, offset, true);
    }

    private static Input input(String name) {
        return new Input(name, null);
    }

    private static Template parse(String text, boolean bareAllowed) {
        ParseResult<Template> result = ExpressionParser.parseTemplate(text, bareAllowed);
        assertEquals(List.of(), result.errors(), text);
        return result.value();
    }

    /** Text, bareAllowed, expected parts. */
    static Stream<Arguments> templates() {
        return Stream.of(
                Arguments.of("Bearer $inputs.apiKey", true, List.of(lit("Bearer "), bare(input("apiKey"), 7))),
                Arguments.of("Bearer $inputs.apiKey", false, List.of(lit("Bearer $inputs.apiKey"))),
                Arguments.of("Bearer {$inputs.apiKey}", false, List.of(lit("Bearer "), braced(input("apiKey"), 7))),
                Arguments.of("Bearer {$inputs.apiKey}", true, List.of(lit("Bearer "), braced(input("apiKey"), 7))),
                Arguments.of(
                        "{$inputs.a}-{$inputs.b}",
                        false,
                        List.of(braced(input("a"), 0), lit("-"), braced(input("b"), 12))),
                Arguments.of("{$inputs.a}{$inputs.b}", false, List.of(braced(input("a"), 0), braced(input("b"), 11))),
                Arguments.of("$inputs.x", false, List.of(bare(input("x"), 0))),
                Arguments.of("$inputs.x", true, List.of(bare(input("x"), 0))),
                Arguments.of("{$inputs.x}", false, List.of(braced(input("x"), 0))),
                Arguments.of("$url", true, List.of(bare(new Url(), 0))),
                Arguments.of(
                        "$components.parameters.p",
                        true,
                        List.of(bare(new RuntimeExpression.ComponentRef("parameters", "p"), 0))),
                Arguments.of("$5.00", true, List.of(lit("$5.00"))),
                Arguments.of("$5.00", false, List.of(lit("$5.00"))),
                Arguments.of("$respons.body", false, List.of(lit("$respons.body"))),
                // other tools' expressions are text, sent as written (the checks warn)
                Arguments.of("{$respons.body}", false, List.of(lit("{$respons.body}"))),
                Arguments.of(
                        "n-{$faker.number.integer({min: 1})}!",
                        true,
                        List.of(lit("n-{$faker.number.integer({min: 1})}!"))),
                Arguments.of("$.status", true, List.of(lit("$.status"))),
                Arguments.of("$type", true, List.of(lit("$type"))),
                Arguments.of("$", true, List.of(lit("$"))),
                Arguments.of("a {b} c", true, List.of(lit("a {b} c"))),
                Arguments.of("{}", true, List.of(lit("{}"))),
                Arguments.of("{ $inputs.x }", false, List.of(lit("{ $inputs.x }"))),
                Arguments.of(
                        "costs $5 or {$inputs.price}", true, List.of(lit("costs $5 or "), braced(input("price"), 12))),
                Arguments.of("$5.00 and $inputs.x", true, List.of(lit("$5.00 and "), bare(input("x"), 10))),
                Arguments.of("$inputs.apiKey extra", true, List.of(bare(input("apiKey"), 0), lit(" extra"))),
                Arguments.of("Bearer\t$inputs.x", true, List.of(lit("Bearer\t"), bare(input("x"), 7))),
                Arguments.of(
                        "code $statusCode at $url",
                        true,
                        List.of(lit("code "), bare(new StatusCode(), 5), lit(" at "), bare(new Url(), 20))),
                Arguments.of("x $components.parameters.p", true, List.of(lit("x $components.parameters.p"))),
                Arguments.of(
                        "id=$steps.s.outputs.id#/0 done",
                        true,
                        List.of(lit("id="), bare(new StepOutput("s", "id", JsonPointer.of("0")), 3), lit(" done"))),
                Arguments.of(
                        "prefix {$response.body#/a/b} suffix",
                        false,
                        List.of(lit("prefix "), braced(new ResponseBody(JsonPointer.of("a", "b")), 7), lit(" suffix"))),
                Arguments.of("", true, List.of()));
    }

    @ParameterizedTest
    @MethodSource("templates")
    void splitsTemplates(String text, boolean bareAllowed, List<Part> parts) {
        assertEquals(parts, parse(text, bareAllowed).parts());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // text                   | bareAllowed | literal | single | bare
                "Bearer $inputs.apiKey    | true        | false   | false  | true",
                "Bearer $inputs.apiKey    | false       | true    | false  | false",
                "Bearer {$inputs.apiKey}  | true        | false   | false  | false",
                "{$inputs.a}-{$inputs.b}  | true        | false   | false  | false",
                "$inputs.x                | true        | false   | true   | false",
                "$inputs.x                | false       | false   | true   | false",
                "{$inputs.x}              | true        | false   | true   | false",
                "$5.00                    | true        | true    | false  | false",
                "a {b} c                  | true        | true    | false  | false",
                "$inputs.a {$inputs.b}    | true        | false   | false  | true",
            })
    void classifiesTemplates(String text, boolean bareAllowed, boolean literal, boolean single, boolean bare) {
        Template template = parse(text, bareAllowed);
        assertEquals(literal, template.isLiteral(), "isLiteral");
        assertEquals(single, template.isSingleExpression(), "isSingleExpression");
        assertEquals(bare, template.hasBareExpressions(), "hasBareExpressions");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{$inputs.x               | false | 0  | missing '}' after '{$inputs.x'",
                "a {$inputs.x             | true  | 2  | missing '}' after '{$inputs.x'",
                "{$inputs.}               | false | 9  | empty name after '$inputs.'",
                "{$}                      | false | 1  | expected an expression root such as '$inputs' after '$'",
                "id-{$steps.a}            | false | 12 | expected '.outputs.' after '$steps.a'",
                "{$inputs.a b}            | false | 10 | unexpected space after '$inputs.a'",
                "$steps.x                 | false | 8  | expected '.outputs.' after '$steps.x'",
                "$steps.x                 | true  | 8  | expected '.outputs.' after '$steps.x'",
                "$inputs.                 | true  | 8  | empty name after '$inputs.'",
                "$inputs.                 | false | 8  | empty name after '$inputs.'",
                "$response.query.x        | false | 10 | '$response.query' is not an expression; use "
                        + "'$request.query.<name>'",
                "$components.inputs.x     | true  | 12 | '$components.inputs' cannot be referenced; share input "
                        + "schemas with a JSON Schema '$ref'",
                "$inputs.apiKey extra     | false | 14 | unexpected space after '$inputs.apiKey'; write "
                        + "'{$inputs.apiKey}' to embed it in text",
                "$components.parameters.p x | true | 24 | unexpected space after '$components.parameters.p'; write "
                        + "'{$components.parameters.p}' to embed it in text",
                "'Bearer $inputs.apiKey,' | true  | 21 | unexpected ',' after '$inputs.apiKey'; write "
                        + "'{$inputs.apiKey}' to end the expression there",
                "Bearer $inputs.          | true  | 15 | empty name after '$inputs.'",
                "Bearer $steps.s          | true  | 15 | expected '.outputs.' after '$steps.s'",
                "$inputs.a$inputs.b       | true  | 9  | unexpected '$' after '$inputs.a'; write '{$inputs.a}' to "
                        + "end the expression there",
            })
    void reportsErrorsWithOffsets(String text, boolean bareAllowed, int offset, String message) {
        ParseResult<Template> result = ExpressionParser.parseTemplate(text, bareAllowed);
        assertNull(result.value());
        assertEquals(List.of(new ExpressionError(offset, message)), result.errors());
    }

    @Test
    void collectsSeveralErrors() {
        ParseResult<Template> result = ExpressionParser.parseTemplate("{$inputs.} and {$inputs.x", false);
        assertEquals(
                List.of(
                        new ExpressionError(9, "empty name after '$inputs.'"),
                        new ExpressionError(15, "missing '}' after '{$inputs.x'")),
                result.errors());
    }

    @Test
    void exposesExpressionsAndText() {
        Template template = parse("{$inputs.a}-{$inputs.b}", false);
        assertEquals(List.of(braced(input("a"), 0), braced(input("b"), 12)), template.embedded());
        assertEquals(input("x"), parse("{$inputs.x}", false).singleExpression());
        assertEquals("a {b} c", parse("a {b} c", false).literalText());
        assertEquals("", parse("", false).literalText());
        assertThrows(IllegalStateException.class, template::literalText);
        assertThrows(IllegalStateException.class, template::singleExpression);
        assertTrue(parse("", true).isLiteral());
        assertFalse(parse("", true).isSingleExpression());
    }
}
