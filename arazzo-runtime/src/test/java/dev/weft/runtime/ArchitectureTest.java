package dev.weft.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The runtime's package rules, read from its bytecode (so a fully qualified name counts as much as an import):
 * a violation fails the build with the rule and the reason below.
 */
class ArchitectureTest {
    private static final String ROOT = "dev.weft.runtime";
    private static final JavaClasses RUNTIME = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void packagesAreFreeOfCycles() {
        slices().assignedFrom(packagesBelow(ROOT))
                .should()
                .beFreeOfCycles()
                .because("dev.weft.runtime is the public API, .http the transport under it and .internal the "
                        + "generated code's helpers on top of both; a cycle ties the public API to what may change "
                        + "in any release")
                .check(RUNTIME);
    }

    @Test
    void thePublicApiDoesNotNameInternalTypes() {
        noClasses()
                .that()
                .resideInAnyPackage(ROOT, ROOT + ".http")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".internal..")
                .because("dev.weft.runtime.internal is for generated code only and may change in any release "
                        + "(its package-info says so); a public type that names it leaks it into the API")
                .check(RUNTIME);
    }

    @Test
    void theTransportStandsAlone() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".http")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT, ROOT + ".internal..")
                .because("dev.weft.runtime.http is the layer under the client: an HttpTransport is written and "
                        + "tested on its own, without a client or a run")
                .check(RUNTIME);
    }

    @Test
    void theRuntimeNeedsOnlyTheJdkAndJackson() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        ROOT + "..", "java..", "javax..", "org.w3c.dom..", "org.xml.sax..", "com.fasterxml.jackson..")
                .because("every application with a generated workflow carries the runtime: it depends on Jackson "
                        + "and the JDK alone (java.net.http, javax.xml for XPath criteria), so it brings no other "
                        + "library's versions into the user's build")
                .check(RUNTIME);
    }

    /** Each package is one slice, the root package included (which {@code slices().matching} leaves out). */
    static SliceAssignment packagesBelow(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                if (name.equals(root)) {
                    return SliceIdentifier.of(root);
                }
                return name.startsWith(root + ".")
                        ? SliceIdentifier.of(
                                root + "." + name.substring(root.length() + 1).split("\\.")[0])
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages of " + root;
            }
        };
    }
}
