package dev.weft.compiler.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.model.Criterion;
import dev.weft.compiler.model.Located;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which status codes success criteria admit, and which declared responses answer for them (issue 13, item 1):
 * an exact code before its range, {@code default} only when nothing else declared is admitted, 2XX when the
 * criteria do not test the status.
 */
class AdmittedResponsesTest {
    private static final Location AT = new Location(Path.of("x.arazzo.yaml"), 1, 1);

    private static Criterion simple(String condition) {
        return new Criterion(null, new Located<>(condition, AT), null, null, AT);
    }

    private static Criterion regex(String context, String pattern) {
        return new Criterion(
                new Located<>(context, AT), new Located<>(pattern, AT), new Located<>("regex", AT), null, AT);
    }

    private static List<Integer> codes(Criterion... criteria) {
        BitSet codes = AdmittedResponses.codes(List.of(criteria));
        List<Integer> list = new ArrayList<>();
        codes.stream().forEach(list::add);
        return list.size() > 20 ? List.of(list.get(0), -list.size(), list.get(list.size() - 1)) : list;
    }

    private static OperationRef op(String... keys) {
        ApiResponses responses = new ApiResponses();
        for (String key : keys) {
            responses.addApiResponse(key, new ApiResponse().description(key));
        }
        return new OperationRef(
                "s", "op", "GET", "/x", new Operation().responses(responses), List.of(), null, new OpenAPI());
    }

    private static List<String> admitted(OperationRef op, Criterion... criteria) {
        return List.copyOf(
                AdmittedResponses.of(op, List.of(criteria)).responses().keySet());
    }

    @Test
    void statusComparisonsAreDecidedAndTheRestIsUnknown() {
        assertEquals(List.of(200), codes(simple("$statusCode == 200")));
        assertEquals(List.of(201), codes(simple("201 == $statusCode")));
        assertEquals(List.of(200, 201), codes(simple("$statusCode == 200 || $statusCode == 201")));
        assertEquals(List.of(200, -100, 299), codes(simple("$statusCode >= 200 && $statusCode < 300")));
        assertEquals(List.of(100, -499, 599), codes(simple("$statusCode != 404")));
        assertEquals(List.of(404), codes(simple("!($statusCode != 404)")));
        assertEquals(List.of(200), codes(simple("$statusCode == 200 && $response.body#/ok == true")));
        assertEquals(List.of(200), codes(simple("$statusCode == 200"), simple("$response.body#/ok")));
        assertEquals(List.of(100, -500, 599), codes(simple("$statusCode == 200 || $inputs.any")));
        assertEquals(List.of(200, -100, 299), codes(regex("$statusCode", "^2")));
        assertEquals(List.of(100, -500, 599), codes(regex("$response.body#/s", "^2")));
        assertEquals(List.of(), codes(simple("$statusCode == 'ok'")));
    }

    @Test
    void declaredResponsesAnswerExactCodesFirstAndDefaultLast() {
        assertEquals(List.of("200"), admitted(op("200", "2XX", "400", "default"), simple("$statusCode == 200")));
        assertEquals(List.of("2XX"), admitted(op("200", "2XX", "default"), simple("$statusCode == 201")));
        assertEquals(List.of("200", "2XX"), admitted(op("200", "2XX", "default")));
        assertEquals(List.of("default"), admitted(op("404", "default"), simple("$statusCode == 200")));
        assertEquals(List.of("204"), admitted(op("204", "400", "401", "404")));
        assertEquals(List.of(), admitted(op("204", "400", "401", "404"), simple("$statusCode == 200")));
        assertEquals(List.of("400", "404"), admitted(op("200", "400", "404"), simple("$statusCode >= 400")));
    }

    @Test
    void declaredCodesAreListedInOrder() {
        assertEquals(
                "204, 400, 401, 404, 5XX, default",
                AdmittedResponses.describe(List.of("401", "default", "5XX", "204", "400", "404")));
    }
}
