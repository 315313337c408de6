package dev.weft.xpath;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module's dependencies, read from its bytecode: a violation fails the build with the reason below. */
class ArchitectureTest {

    private static final JavaClasses MODULE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.weft.xpath");

    @Test
    void theEngineUsesOnlyTheXPathSpiTheDomAndSaxon() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.weft.xpath..", "dev.weft.runtime.xpath", "java..", "org.w3c.dom..", "net.sf.saxon..")
                .because("the engine is an XPathEngine like any other (never the client, a run or "
                        + "dev.weft.runtime.internal): the runtime parses the XML and hands it a DOM document")
                .check(MODULE);
    }
}
