package dev.weft.temporal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The Temporal module's package rules, read from its bytecode. */
class ArchitectureTest {
    private static final String ROOT = "dev.weft.temporal";
    private static final JavaClasses MODULE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void theEngineDoesNotNameThePublicApi() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".internal..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT)
                .because("dev.weft.temporal (the worker bootstrap and the client calls) sits on the engine in "
                        + ".internal; the reverse would be a cycle")
                .check(MODULE);
    }

    @Test
    void theModuleNeedsOnlyTheRuntimeTemporalJacksonAndTheJdk() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        ROOT + "..", "dev.weft.runtime..", "io.temporal..", "com.fasterxml.jackson..", "java..")
                .because("the module adds Temporal to the runtime and nothing else")
                .check(MODULE);
    }
}
