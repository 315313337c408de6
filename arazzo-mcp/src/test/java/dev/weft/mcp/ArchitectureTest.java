package dev.weft.mcp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The MCP module's package rules, read from its bytecode: the tools stand on the runtime's public API and the
 * SDK alone, and only the command line needs the compiler.
 */
class ArchitectureTest {
    private static final String ROOT = "dev.weft.mcp";
    private static final JavaClasses MCP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void theToolsNeedNoCompiler() {
        noClasses()
                .that()
                .resideInAPackage(ROOT)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.weft.compiler..", ROOT + ".cli..")
                .because("an application embeds generated tools with the runtime alone: the compiler is an optional "
                        + "dependency, for 'weft mcp' (dev.weft.mcp.cli) only")
                .check(MCP);
    }

    @Test
    void onlyTheRuntimesPublicApiIsUsed() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.weft.runtime.internal..")
                .because("dev.weft.runtime.internal is for generated code only and may change in any release")
                .check(MCP);
    }
}
