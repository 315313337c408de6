package dev.weft.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpResultTest {

    @Test
    void headerLookupIsCaseInsensitiveAndTakesTheFirstValue() {
        HttpResult result = new HttpResult(
                200, Map.of("content-type", List.of("application/json"), "X-Rate", List.of("1", "2")), null);
        assertEquals(Optional.of("1"), result.header("x-rate"));
        assertEquals("application/json", result.contentType());
        assertTrue(result.header("Missing").isEmpty());
        assertEquals(0, result.body().length);
    }

    @Test
    void noContentType() {
        assertNull(new HttpResult(204, null, new byte[0]).contentType());
    }
}
