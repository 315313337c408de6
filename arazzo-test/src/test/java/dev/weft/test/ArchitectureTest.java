package dev.weft.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The test kit's dependencies, read from its bytecode: a violation fails the build with the reason below. */
class ArchitectureTest {

    private static final JavaClasses KIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.weft.test");

    @Test
    void theKitUsesOnlyTheRuntimesPublicApiJacksonAndJUnit() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.weft.test..",
                        "dev.weft.runtime",
                        "dev.weft.runtime.http",
                        "java..",
                        "com.fasterxml.jackson..",
                        "org.junit.jupiter.api..",
                        "org.opentest4j..")
                .because("the kit stands where user code stands: on the runtime's public API (never "
                        + "dev.weft.runtime.internal, which may change in any release), with Jackson, which the "
                        + "runtime brings, and the JUnit 5 API, which the user's tests bring")
                .check(KIT);
    }
}
