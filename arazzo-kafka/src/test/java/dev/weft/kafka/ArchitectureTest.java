package dev.weft.kafka;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module's dependencies, read from its bytecode: a violation fails the build with the reason below. */
class ArchitectureTest {

    private static final JavaClasses MODULE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.weft.kafka");

    @Test
    void theTransportUsesOnlyTheMessagingSpiJacksonAndKafkaClients() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.weft.kafka..",
                        "dev.weft.runtime.messaging",
                        "java..",
                        "com.fasterxml.jackson..",
                        "org.apache.kafka.clients..",
                        "org.apache.kafka.common..")
                .because("the transport is a MessageTransport like a user's (never the client, a run or "
                        + "dev.weft.runtime.internal), and it needs kafka-clients only: no broker code at run time")
                .check(MODULE);
    }
}
