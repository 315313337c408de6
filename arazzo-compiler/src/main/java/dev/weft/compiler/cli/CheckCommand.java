package dev.weft.compiler.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code weft check}: compiles documents as a build would and prints their diagnostics, writing nothing. */
@Command(
        name = "check",
        aliases = "validate",
        mixinStandardHelpOptions = true,
        separator = " ",
        versionProvider = Version.class,
        description = "Check Arazzo documents and the OpenAPI descriptions they use; print every diagnostic.",
        exitCodeListHeading = Main.EXIT_HEADING,
        exitCodeList = {Main.EXIT_OK, Main.EXIT_USAGE, Main.EXIT_INVALID})
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The Arazzo documents.")
    private List<Path> files;

    @Mixin
    private CompileOptions compile;

    @Override
    public Integer call() {
        return compile.compile(files, "weft.check", main.console().err()) == null ? Main.INVALID : Main.OK;
    }
}
