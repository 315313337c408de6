package dev.weft.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ToolHintsTest {

    @Test
    void safeMethodsOnlyReadAndRepeat() {
        assertEquals(new ToolHints(true, false, true, true), ToolHints.derive(Set.of("GET")));
        assertEquals(new ToolHints(true, false, true, true), ToolHints.derive(Set.of("GET", "HEAD")));
    }

    @Test
    void aDeleteIsDestructiveAndIdempotent() {
        assertEquals(new ToolHints(false, true, true, true), ToolHints.derive(Set.of("DELETE")));
        assertEquals(new ToolHints(false, true, true, true), ToolHints.derive(Set.of("GET", "DELETE")));
        assertEquals(new ToolHints(false, true, false, true), ToolHints.derive(Set.of("POST", "DELETE")));
    }

    @Test
    void putIsIdempotentPostAndPatchAreNot() {
        assertEquals(new ToolHints(false, false, true, true), ToolHints.derive(Set.of("GET", "PUT")));
        assertEquals(new ToolHints(false, false, false, true), ToolHints.derive(Set.of("GET", "POST")));
        assertEquals(new ToolHints(false, false, false, true), ToolHints.derive(Set.of("PATCH")));
        assertEquals(
                new ToolHints(false, false, false, true),
                ToolHints.derive(Set.of("GET", "PURGE")),
                "a custom method is neither safe nor idempotent");
    }

    @Test
    void unknownMethodsClaimNothing() {
        assertEquals(new ToolHints(null, null, null, true), ToolHints.derive(Set.of()));
    }

    @Test
    void hintsChangeOneAtATime() {
        ToolHints hints = ToolHints.derive(Set.of("POST"))
                .withIdempotent(true)
                .withReadOnly(null)
                .withDestructive(true)
                .withOpenWorld(false);
        assertEquals(new ToolHints(null, true, true, false), hints);
    }
}
