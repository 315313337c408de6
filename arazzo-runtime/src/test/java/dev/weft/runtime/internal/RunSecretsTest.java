package dev.weft.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunSecretsTest {

    @Test
    void addingKnownOrNullValuesKeepsTheSameValue() {
        RunSecrets one = RunSecrets.NONE.with(List.of("s3cr3t-token"));
        assertSame(one, one.with(Arrays.asList("s3cr3t-token", null)));
        org.junit.jupiter.api.Assertions.assertFalse(one.adds(Arrays.asList("s3cr3t-token", null)));
        org.junit.jupiter.api.Assertions.assertTrue(one.adds(List.of("another-one")));
        assertEquals(Set.of("s3cr3t-token"), one.values());
        assertEquals("Bearer ***", one.masks().mask("Bearer s3cr3t-token"));
    }

    @Test
    void addingANewValueMasksBoth() {
        RunSecrets two = RunSecrets.NONE.with(List.of("s3cr3t-token")).with(List.of("another-one"));
        assertEquals(Set.of("s3cr3t-token", "another-one"), two.values());
        assertEquals("*** and ***", two.masks().mask("s3cr3t-token and another-one"));
    }
}
