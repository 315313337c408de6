package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AbstractArazzoMojoTest {
    @Test
    void aLegalGroupIdIsKept() {
        assertEquals("com.acme.arazzo", AbstractArazzoMojo.legalPackageName("com.acme.arazzo"));
    }

    @Test
    void illegalCharactersKeywordsAndLeadingDigitsAreRepaired() {
        assertEquals(
                "com.my_company._2fa.int_.arazzo",
                AbstractArazzoMojo.legalPackageName("com.my-company.2fa.int.arazzo"));
    }

    @Test
    void emptySegmentsAreDropped() {
        assertEquals("a.arazzo", AbstractArazzoMojo.legalPackageName("a..arazzo"));
        assertEquals("arazzo", AbstractArazzoMojo.legalPackageName("."));
    }
}
