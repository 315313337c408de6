package dev.weft.opentelemetry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module's dependencies, read from its bytecode: a violation fails the build with the reason below. */
class ArchitectureTest {

    private static final JavaClasses MODULE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.weft.opentelemetry");

    @Test
    void theListenerUsesOnlyTheRuntimesPublicApiAndTheOpenTelemetryApi() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.weft.opentelemetry..",
                        "dev.weft.runtime",
                        "java..",
                        "io.opentelemetry.api..",
                        "io.opentelemetry.context..")
                .because("the listener is a WorkflowListener like a user's (never dev.weft.runtime.internal), and "
                        + "it needs the OpenTelemetry API only: the application chooses the SDK or agent")
                .check(MODULE);
    }
}
