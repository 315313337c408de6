package dev.weft.compiler.cli;

import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javax.lang.model.SourceVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code weft generate}: writes the Java classes of documents below a source folder, one path per line. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        separator = " ",
        versionProvider = Version.class,
        description = "Generate the Java classes of Arazzo documents; print the path of each file written.",
        exitCodeListHeading = Main.EXIT_HEADING,
        exitCodeList = {Main.EXIT_OK, Main.EXIT_FAILED, Main.EXIT_USAGE, Main.EXIT_INVALID})
final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Main main;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The Arazzo documents.")
    private List<Path> files;

    @Option(
            names = {"-d", "--output"},
            paramLabel = "DIR",
            required = true,
            description = "The source folder to write below.")
    private Path output;

    @Option(
            names = {"-p", "--package"},
            paramLabel = "PACKAGE",
            required = true,
            description = "The Java package of the classes.")
    private String packageName;

    @Option(
            names = "--target",
            paramLabel = "TARGETS",
            description = "Also generate each workflow's durable form: 'temporal' (needs dev.weft:arazzo-temporal).")
    private String targets = "plain";

    @Mixin
    private CompileOptions compile;

    @Override
    public Integer call() {
        if (!SourceVersion.isName(packageName)) {
            throw new ParameterException(spec.commandLine(), "'" + packageName + "' is not a Java package name");
        }
        try {
            compile.targets = CompilationRequest.Target.parse(targets);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        CompilationResult result =
                compile.compile(files, packageName, main.console().err());
        if (result == null) {
            return Main.INVALID;
        }
        try {
            for (GeneratedFile file : result.files()) {
                main.console().out().println(file.writeTo(output));
            }
        } catch (IOException e) {
            main.console().err().println("weft: cannot write to " + output + ": " + e.getMessage());
            return Main.FAILED;
        }
        return Main.OK;
    }
}
