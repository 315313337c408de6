package dev.weft.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.runtime.http.HttpCall;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OpenAPI parameter styles (D-53), checked on the URL a request is built into. */
class ParameterStylesTest {
    private static String url(StepRequest request) {
        HttpCall call = request.toHttpCall("http://h", Map.of(), Duration.ofSeconds(1));
        return call.uri().toString().substring("http://h".length());
    }

    private static StepRequest get(String path) {
        return StepRequest.create("s", "api", null, "GET", path);
    }

    @Test
    void queryStyles() {
        var list = Json.parse("[\"a\",\"b c\"]");
        var object = Json.parse("{\"role\":\"admin\",\"first\":\"Ann\"}");
        assertEquals("/x?ids=a&ids=b%20c", url(get("/x").query("ids", list)));
        assertEquals("/x?ids=a,b%20c", url(get("/x").query("ids", list, "form", false)));
        assertEquals("/x?ids=a%20b%20c", url(get("/x").query("ids", list, "spaceDelimited", false)));
        assertEquals("/x?ids=a%7Cb%20c", url(get("/x").query("ids", list, "pipeDelimited", false)));
        assertEquals("/x?role=admin&first=Ann", url(get("/x").query("id", object)));
        assertEquals("/x?id=role,admin,first,Ann", url(get("/x").query("id", object, "form", false)));
        assertEquals("/x?id%5Brole%5D=admin&id%5Bfirst%5D=Ann", url(get("/x").query("id", object, "deepObject", true)));
    }

    @Test
    void pathStyles() {
        var list = Json.parse("[3,4,5]");
        var object = Json.parse("{\"r\":100,\"g\":200}");
        assertEquals("/c/3,4,5", url(get("/c/{id}").pathParam("id", list)));
        assertEquals("/c/.3.4.5", url(get("/c/{id}").pathParam("id", list, "label", true)));
        assertEquals("/c/.3,4,5", url(get("/c/{id}").pathParam("id", list, "label", false)));
        assertEquals("/c/;id=3;id=4;id=5", url(get("/c/{id}").pathParam("id", list, "matrix", true)));
        assertEquals("/c/;id=3,4,5", url(get("/c/{id}").pathParam("id", list, "matrix", false)));
        assertEquals("/c/r=100,g=200", url(get("/c/{id}").pathParam("id", object, "simple", true)));
        assertEquals("/c/;r=100;g=200", url(get("/c/{id}").pathParam("id", object, "matrix", true)));
        assertEquals(
                "/c/.a%2Fb",
                url(get("/c/{id}").pathParam("id", Json.parse("\"a/b\""), "label", false)),
                "a value cannot add a path segment, whatever the style");
    }
}
