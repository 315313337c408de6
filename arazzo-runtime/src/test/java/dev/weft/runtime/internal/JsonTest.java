package dev.weft.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesAndWrites() {
        assertEquals("{\"a\":[1,true,null]}", Json.write(Json.parse(" {\"a\": [1, true, null]} ")));
        assertNull(Json.parse((String) null));
        assertNull(Json.parse("  "));
    }

    @Test
    void rejectsInvalidAndTrailingContent() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("12 apples"));
    }
}
