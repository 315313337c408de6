package dev.weft.maven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The plugin is a front end: read from its bytecode, it uses the compiler only through the facade. */
class ArchitectureTest {
    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.weft.maven");

    @Test
    void theCompilerIsUsedThroughItsFacadeOnly() {
        classes()
                .that()
                .resideInAPackage("dev.weft.maven..")
                .should()
                .onlyDependOnClassesThat()
                .resideOutsideOfPackages(
                        "dev.weft.compiler.check..",
                        "dev.weft.compiler.cli..",
                        "dev.weft.compiler.expr..",
                        "dev.weft.compiler.generate..",
                        "dev.weft.compiler.model..",
                        "dev.weft.compiler.names..",
                        "dev.weft.compiler.processor..",
                        "dev.weft.compiler.read..",
                        "dev.weft.compiler.resolve..",
                        "dev.weft.runtime..")
                .because("the Mojos build a CompilationRequest, call ArazzoCompiler.compile and render the result "
                        + "(STYLE rule 1): the facade dev.weft.compiler and dev.weft.compiler.diagnostic are all "
                        + "they may see, so that the plugin, the processor and the command line cannot drift apart")
                .check(PLUGIN);
    }
}
