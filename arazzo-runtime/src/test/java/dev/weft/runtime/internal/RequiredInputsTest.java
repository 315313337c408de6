package dev.weft.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RequiredInputsTest {
    @Test
    void everyMissingInputIsNamedOnceInOrder() {
        NullPointerException e = assertThrows(
                NullPointerException.class, () -> RequiredInputs.check("wf", "a", null, "b", "set", "c", null));
        assertEquals("inputs 'a', 'c' of workflow 'wf' are required", e.getMessage());
    }

    @Test
    void oneMissingInputReadsInTheSingular() {
        NullPointerException e =
                assertThrows(NullPointerException.class, () -> RequiredInputs.check("wf", "a", "x", "b", null));
        assertEquals("input 'b' of workflow 'wf' is required", e.getMessage());
    }

    @Test
    void presentInputsPassAndTheirValuesAreNeverRead() {
        assertDoesNotThrow(() -> RequiredInputs.check("wf", "secret", "s3cr3t", "n", 1L));
    }
}
