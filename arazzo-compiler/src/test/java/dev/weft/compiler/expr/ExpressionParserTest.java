package dev.weft.compiler.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.compiler.expr.RuntimeExpression.ComponentRef;
import dev.weft.compiler.expr.RuntimeExpression.Input;
import dev.weft.compiler.expr.RuntimeExpression.Method;
import dev.weft.compiler.expr.RuntimeExpression.Output;
import dev.weft.compiler.expr.RuntimeExpression.RequestBody;
import dev.weft.compiler.expr.RuntimeExpression.RequestHeader;
import dev.weft.compiler.expr.RuntimeExpression.RequestPath;
import dev.weft.compiler.expr.RuntimeExpression.RequestQuery;
import dev.weft.compiler.expr.RuntimeExpression.ResponseBody;
import dev.weft.compiler.expr.RuntimeExpression.ResponseHeader;
import dev.weft.compiler.expr.RuntimeExpression.SourceDescriptionRef;
import dev.weft.compiler.expr.RuntimeExpression.StatusCode;
import dev.weft.compiler.expr.RuntimeExpression.StepOutput;
import dev.weft.compiler.expr.RuntimeExpression.Url;
import dev.weft.compiler.expr.RuntimeExpression.WorkflowValue;
import dev.weft.compiler.expr.RuntimeExpression.WorkflowValue.Kind;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ExpressionParserTest {

    private static JsonPointer ptr(String text) {
        return JsonPointer.parse(text);
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("$url", new Url()),
                Arguments.of("$method", new Method()),
                Arguments.of("$statusCode", new StatusCode()),
                Arguments.of("$request.header.X-Api-Key", new RequestHeader("X-Api-Key")),
                Arguments.of("$request.header.a.b!#$%&'*+-^_`|~", new RequestHeader("a.b!#$%&'*+-^_`|~")),
                Arguments.of("$request.query.page", new RequestQuery("page")),
                Arguments.of("$request.query.filter[name]", new RequestQuery("filter[name]")),
                Arguments.of("$request.path.id", new RequestPath("id")),
                Arguments.of("$request.body", new RequestBody(null)),
                Arguments.of("$request.body#/a/0", new RequestBody(ptr("/a/0"))),
                Arguments.of("$response.header.Retry-After", new ResponseHeader("Retry-After")),
                Arguments.of("$response.body", new ResponseBody(null)),
                Arguments.of("$response.body#", new ResponseBody(JsonPointer.ROOT)),
                Arguments.of("$response.body#/", new ResponseBody(JsonPointer.of(""))),
                Arguments.of(
                        "$response.body#/steps/0/jobs/0/result/blobs/0/url",
                        new ResponseBody(ptr("/steps/0/jobs/0/result/blobs/0/url"))),
                Arguments.of("$response.body#/a~1b/c~0d", new ResponseBody(JsonPointer.of("a/b", "c~d"))),
                Arguments.of("$response.body#/with space", new ResponseBody(JsonPointer.of("with space"))),
                Arguments.of("$inputs.apiKey", new Input("apiKey", null)),
                Arguments.of("$inputs.a.b", new Input("a.b", null)),
                Arguments.of("$inputs.user#/address/city", new Input("user", ptr("/address/city"))),
                Arguments.of("$outputs.result", new Output("result", null)),
                Arguments.of("$outputs.a-b_c.d#/0", new Output("a-b_c.d", ptr("/0"))),
                Arguments.of("$steps.submit.outputs.workflowId", new StepOutput("submit", "workflowId", null)),
                Arguments.of(
                        "$steps.submit-1.outputs.a.b#/x~1y", new StepOutput("submit-1", "a.b", JsonPointer.of("x/y"))),
                // ids outside the recommended pattern (a SHOULD) may hold dots
                Arguments.of("$steps.a.b.outputs.c", new StepOutput("a.b", "c", null)),
                Arguments.of("$workflows.a.b.outputs.c", new WorkflowValue("a.b", Kind.OUTPUTS, "c", null)),
                Arguments.of("$workflows.login.inputs.user", new WorkflowValue("login", Kind.INPUTS, "user", null)),
                Arguments.of(
                        "$workflows.login.outputs.token#/value",
                        new WorkflowValue("login", Kind.OUTPUTS, "token", ptr("/value"))),
                Arguments.of("$sourceDescriptions.civitai.getJob", new SourceDescriptionRef("civitai", "getJob")),
                Arguments.of("$sourceDescriptions.civitai.url", new SourceDescriptionRef("civitai", "url")),
                Arguments.of("$sourceDescriptions.flows.pets.list", new SourceDescriptionRef("flows", "pets.list")),
                Arguments.of("$components.parameters.page.size", new ComponentRef("parameters", "page.size")),
                Arguments.of("$components.successActions.done", new ComponentRef("successActions", "done")),
                Arguments.of("$components.failureActions.retry-it", new ComponentRef("failureActions", "retry-it")));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void parsesEveryFormAndPrintsItBack(String text, RuntimeExpression expected) {
        ParseResult<RuntimeExpression> result = ExpressionParser.parse(text);
        assertEquals(List.of(), result.errors());
        assertTrue(result.ok());
        assertEquals(expected, result.value());
        assertEquals(text, expected.text());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "\"\"                             | 0  | empty expression",
                "inputs.x                       | 0  | expected '$' at the start of a runtime expression",
                "\" $inputs.x\"                 | 0  | expected '$' at the start of a runtime expression",
                "{$inputs.x}                    | 0  | unexpected '{'; write the expression without braces: "
                        + "'$inputs.x'",
                "$                              | 0  | expected an expression root such as '$inputs' after '$'",
                "$respons.body                  | 0  | unknown expression root '$respons'; did you mean '$response'?",
                "$input.x                       | 0  | unknown expression root '$input'; did you mean '$inputs'?",
                "$statuscode                    | 0  | unknown expression root '$statuscode'; did you mean "
                        + "'$statusCode'?",
                "$foo                           | 0  | unknown expression root '$foo'",
                "$5.00                          | 0  | unknown expression root '$5'",
                "$inputs                        | 7  | expected '.' after '$inputs'",
                "$inputs.                       | 8  | empty name after '$inputs.'",
                "$inputs.{x}                    | 8  | expected a name after '$inputs.', found '{'",
                "$inputs.a@b                    | 9  | unexpected '@' after '$inputs.a'",
                "$inputs.a b                    | 9  | unexpected space after '$inputs.a'",
                "$outputs.                      | 9  | empty name after '$outputs.'",
                "$steps.submit                  | 13 | expected '.outputs.' after '$steps.submit'",
                "$steps.submit.output.x         | 13 | expected '.outputs.' after '$steps.submit'",
                "$steps.a.b.c                   | 8  | expected '.outputs.' after '$steps.a'",
                "$steps.submit.outputs          | 21 | expected '.' after '$steps.submit.outputs'",
                "$steps.submit.outputs.         | 22 | empty name after '$steps.submit.outputs.'",
                "$steps.                        | 7  | empty step id after '$steps.'",
                "$steps..outputs.x              | 7  | expected a step id after '$steps.', found '.'",
                "$workflows.w.result.x          | 12 | expected '.inputs.' or '.outputs.' after '$workflows.w'",
                "$workflows.w.outputs.          | 21 | empty name after '$workflows.w.outputs.'",
                "$workflows.                    | 11 | empty workflow id after '$workflows.'",
                "$response.query.x              | 10 | '$response.query' is not an expression; use "
                        + "'$request.query.<name>'",
                "$response.path.x               | 10 | '$response.path' is not an expression; use "
                        + "'$request.path.<name>'",
                "$response.statusCode           | 10 | '$response.statusCode' is not an expression; use '$statusCode'",
                "$response.bdy                  | 10 | unknown field '$response.bdy'; did you mean '$response.body'?",
                "$request.bodyy                 | 9  | unknown field '$request.bodyy'; did you mean '$request.body'?",
                "$request.cookie.x              | 9  | unknown field '$request.cookie'; expected 'header', 'query', "
                        + "'path' or 'body' after '$request.'",
                "$request.                      | 9  | expected 'header', 'query', 'path' or 'body' after '$request.'",
                "$request                       | 8  | expected '.' after '$request'",
                "$request.header.               | 16 | empty header name after '$request.header.'",
                "$request.header.a b            | 17 | unexpected space after '$request.header.a'",
                "$response.header.a:b           | 18 | unexpected ':' after '$response.header.a'",
                "$request.path.id#/x            | 16 | unexpected '#' after '$request.path.id'",
                "$request.query.                | 15 | empty name after '$request.query.'",
                "$response.body.items           | 14 | unexpected '.items' after '$response.body'; use "
                        + "'$response.body#/items'",
                "$request.body.a.b              | 13 | unexpected '.a.b' after '$request.body'; use "
                        + "'$request.body#/a/b'",
                "$response.body#items           | 15 | expected '/' after '#'; write '#/items'",
                "$response.body#/a~2            | 17 | invalid escape '~2'; use '~0' for '~' and '~1' for '/'",
                "$response.body#/a~             | 17 | invalid escape '~'; use '~0' for '~' and '~1' for '/'",
                // a pointer may hold braces (1.0.1; the checks refuse them in 1.1), but '{$' ends it
                "$response.body#/a{$b}          | 17 | unexpected '{' after '$response.body#/a'",
                "$url.x                         | 4  | unexpected '.' after '$url'",
                "$statusCode200                 | 0  | unknown expression root '$statusCode200'; did you mean "
                        + "'$statusCode'?",
                "$components.inputs.x           | 12 | '$components.inputs' cannot be referenced; share input "
                        + "schemas with a JSON Schema '$ref'",
                "$components.parameter.x        | 12 | unknown field '$components.parameter'; did you mean "
                        + "'$components.parameters'?",
                "$components.parameters         | 22 | expected '.' after '$components.parameters'",
                "$components.parameters.a#/x    | 24 | unexpected '#' after '$components.parameters.a'",
                "$sourceDescriptions.api        | 23 | expected '.' after '$sourceDescriptions.api'",
                "$sourceDescriptions.api.       | 24 | empty name after '$sourceDescriptions.api.'",
                "$sourceDescriptions.a.b#c      | 23 | unexpected '#' after '$sourceDescriptions.a.b'",
            })
    void reportsErrorsWithOffsets(String text, int offset, String message) {
        ParseResult<RuntimeExpression> result = ExpressionParser.parse(text);
        assertNull(result.value());
        assertEquals(List.of(new ExpressionError(offset, message)), result.errors());
    }
}
