package dev.weft.compiler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.lang.reflect.AccessibleObject;
import org.junit.jupiter.api.Test;

/**
 * The compiler's package graph (STYLE §1 and rule 2) as a build fact, read from bytecode, so that a fully
 * qualified name counts as much as an import: a violation fails the build naming the rule, the reason and
 * each offending dependency.
 *
 * <pre>
 * diagnostic ← model ← read, model ← expr, (read, expr) ← resolve ← names ← check ← generate ← facade
 * facade, diagnostic ← processor, cli (the front ends)
 * </pre>
 *
 * <p>{@code names} (how ids become Java names) sits under {@code check}, which reports clashes, and
 * {@code generate}, which uses the names.
 */
class ArchitectureTest {
    private static final String ROOT = "dev.weft.compiler";
    private static final JavaClasses COMPILER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void packagesFollowThePipeline() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("processor")
                .definedBy(ROOT + ".processor..")
                .layer("cli")
                .definedBy(ROOT + ".cli..")
                .layer("facade")
                .definedBy(ROOT)
                .layer("generate")
                .definedBy(ROOT + ".generate..")
                .layer("check")
                .definedBy(ROOT + ".check..")
                .layer("names")
                .definedBy(ROOT + ".names..")
                .layer("resolve")
                .definedBy(ROOT + ".resolve..")
                .layer("read")
                .definedBy(ROOT + ".read..")
                .layer("expr")
                .definedBy(ROOT + ".expr..")
                .layer("model")
                .definedBy(ROOT + ".model..")
                .layer("diagnostic")
                .definedBy(ROOT + ".diagnostic..")
                .whereLayer("processor")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("cli")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("facade")
                .mayOnlyBeAccessedByLayers("processor", "cli")
                .whereLayer("generate")
                .mayOnlyBeAccessedByLayers("facade")
                .whereLayer("check")
                .mayOnlyBeAccessedByLayers("generate", "facade")
                .whereLayer("names")
                .mayOnlyBeAccessedByLayers("check", "generate", "facade")
                .whereLayer("resolve")
                .mayOnlyBeAccessedByLayers("names", "check", "generate", "facade")
                .whereLayer("read")
                .mayOnlyBeAccessedByLayers("resolve", "names", "check", "generate", "facade")
                .whereLayer("expr")
                .mayOnlyBeAccessedByLayers("resolve", "names", "check", "generate", "facade")
                .whereLayer("model")
                .mayOnlyBeAccessedByLayers("read", "expr", "resolve", "names", "check", "generate", "facade")
                .because("dependencies point one way along the pipeline (STYLE §1): a phase sees only the phases "
                        + "before it, and the front ends (processor, cli, the Maven plugin) see only the facade "
                        + "and diagnostic, so that they build a CompilationRequest and render the result and "
                        + "cannot drift apart (STYLE rule 1); to share code between phases, move it down")
                .check(COMPILER);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().assignedFrom(packagesBelow(ROOT))
                .should()
                .beFreeOfCycles()
                .because("a cycle makes two packages one unit that can only be understood, tested and changed "
                        + "together; the facade is a slice of its own here, so a phase that reaches back up to it "
                        + "(as generate once did for GeneratedFile) is caught too")
                .check(COMPILER);
    }

    @Test
    void theModelHasNoThirdPartyTypes() {
        classes()
                .that()
                .resideInAPackage(ROOT + ".model..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", ROOT + ".model..", ROOT + ".diagnostic..")
                .because("the model is Weft's own immutable records (STYLE rule 2): a SnakeYAML, Swagger or "
                        + "JavaPoet type in it would tie every phase to that library; convert at the phase "
                        + "that reads it")
                .check(COMPILER);
    }

    @Test
    void onlyTheChecksAndTheGeneratorUseTheRuntimesInternals() {
        noClasses()
                .that()
                .resideOutsideOfPackages(ROOT + ".check..", ROOT + ".generate..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.weft.runtime.internal..")
                .because("dev.weft.runtime.internal is for generated code only and may change in any release; "
                        + "the checks validate criteria with its parsers and the generator names its types, and "
                        + "everything else (the command line above all) uses the runtime's public API, such as "
                        + "JsonWorkflow")
                .check(COMPILER);
    }

    @Test
    void noCodeBreaksIntoNonPublicMembers() {
        noClasses()
                .should()
                .callMethod(AccessibleObject.class, "setAccessible", boolean.class)
                .because("generated classes are used through their public API (run, runAsync, the JSON "
                        + "constant); a package-private member reached by reflection is an entry point nobody "
                        + "promised to keep")
                .check(COMPILER);
    }

    /** Each package is one slice, the root package (the facade) included, which {@code slices().matching} omits. */
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
