package dev.weft.checks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module's dependencies, read from its bytecode: a violation fails the build with the reason below. */
class ArchitectureTest {

    private static final JavaClasses MODULE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.weft.checks");

    @Test
    void theChecksUseOnlyTheRuntimesPublicApiJacksonAndTheSchemaValidator() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.weft.checks..",
                        "dev.weft.runtime",
                        "java..",
                        "com.fasterxml.jackson..",
                        "com.networknt.schema..")
                .because("the checks are a ResponseInspector like a user's (never dev.weft.runtime.internal), and "
                        + "they need Jackson and json-schema-validator only")
                .check(MODULE);
    }
}
