package dev.weft.compiler;

import dev.weft.compiler.check.Checks;
import dev.weft.compiler.diagnostic.DiagnosticCode;
import dev.weft.compiler.diagnostic.Diagnostics;
import dev.weft.compiler.diagnostic.Location;
import dev.weft.compiler.generate.WorkflowClassGenerator;
import dev.weft.compiler.model.ArazzoDocument;
import dev.weft.compiler.read.DocumentBinder;
import dev.weft.compiler.read.NodeReader;
import dev.weft.compiler.resolve.ResolvedDocument;
import dev.weft.compiler.resolve.Resolver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The compiler's one entry point: read, resolve, check and generate.
 *
 * <p>User errors come back as diagnostics; this method does not throw for any document, however
 * broken. A bug inside Weft becomes a single {@code internal-error} diagnostic.
 */
public final class ArazzoCompiler {
  private ArazzoCompiler() {}

  public static CompilationResult compile(CompilationRequest request) {
    Diagnostics diagnostics = new Diagnostics(request.strict());
    List<GeneratedFile> files = new ArrayList<>();
    for (Path file : request.documents()) {
      try {
        compileOne(file, request, diagnostics, files);
      } catch (RuntimeException | StackOverflowError e) {
        diagnostics.error(DiagnosticCode.INTERNAL_ERROR, Location.startOf(file),
            "Weft failed on this file; please report it with this stack trace:\n" + stackTrace(e));
      }
    }
    if (diagnostics.hasErrors()) {
      files.clear();
    }
    return new CompilationResult(diagnostics.sorted(), files);
  }

  private static void compileOne(Path file, CompilationRequest request, Diagnostics diagnostics,
      List<GeneratedFile> files) {
    Diagnostics local = new Diagnostics(request.strict());
    Optional<ArazzoDocument> document = new NodeReader(local)
        .read(file, Location.startOf(file))
        .flatMap(root -> new DocumentBinder(local).bind(file, root));
    if (document.isEmpty()) {
      diagnostics.addAll(local);
      return;
    }
    ResolvedDocument resolved = new Resolver(local).resolve(document.get());
    Checks.run(resolved, local);
    diagnostics.addAll(local);
    if (!local.hasErrors()) {
      files.addAll(new WorkflowClassGenerator(request.packageName()).generate(resolved));
    }
  }

  private static String stackTrace(Throwable e) {
    StringWriter text = new StringWriter();
    e.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
