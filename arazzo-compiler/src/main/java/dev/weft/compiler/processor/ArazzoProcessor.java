package dev.weft.compiler.processor;

import dev.weft.compiler.ArazzoCompiler;
import dev.weft.compiler.CompilationRequest;
import dev.weft.compiler.CompilationResult;
import dev.weft.compiler.GeneratedFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Generates the workflow classes of the Arazzo documents named by {@code @dev.weft.runtime.Arazzo}
 * on a package or type, for builds that are not Maven (Gradle, plain javac).
 *
 * <p>Options:
 * <ul>
 *   <li>{@code -Aweft.root=DIR}: the folder document paths are relative to; checked first, since
 *       javac's {@code Filer} cannot see files outside the source and class paths;
 *   <li>{@code -Aweft.targets=plain,temporal}: also generate each workflow's durable form on Temporal (the
 *       classes need {@code dev.weft:arazzo-temporal});
 *   <li>{@code -Aweft.strict=true}: the dialect warnings are errors, as with the plugin's {@code strict};
 *   <li>{@code -Aweft.verbose=true}: a note for each document compiled (the files a build tool must
 *       treat as inputs) and each class written.
 * </ul>
 * Without {@code weft.root}, a path is looked up on the source path, then the class path. Problems
 * are javac errors and warnings on the annotation, each message starting with the document's
 * {@code file:line:col}. The generated classes are records with switch expressions, so a source
 * level below 17 is refused with one error rather than left to fail in the generated code.
 */
public final class ArazzoProcessor extends AbstractProcessor {
    static final String ANNOTATION = "dev.weft.runtime.Arazzo";
    static final String ROOT = "weft.root";
    static final String STRICT = "weft.strict";
    static final String VERBOSE = "weft.verbose";
    static final String TARGETS = "weft.targets";

    private final Set<String> done = new HashSet<>();
    private boolean refused;
    private DocumentLocator locator;
    private MessagerSink sink;

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        locator = new DocumentLocator(
                environment.getFiler(), environment.getOptions().get(ROOT));
        sink = new MessagerSink(environment.getMessager());
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(ANNOTATION);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(ROOT, STRICT, VERBOSE, TARGETS);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (annotations.isEmpty() || refused || refusesSourceLevel()) {
            return true;
        }
        for (TypeElement annotation : annotations) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (done.add(element.toString())) {
                    try {
                        processElement(element);
                    } catch (RuntimeException e) {
                        StringWriter trace = new StringWriter();
                        e.printStackTrace(new PrintWriter(trace));
                        processingEnv
                                .getMessager()
                                .printMessage(
                                        Diagnostic.Kind.ERROR,
                                        "[internal-error] Weft failed; please report this with the stack trace:\n"
                                                + trace,
                                        element);
                    }
                }
            }
        }
        // STYLE says never claim an annotation, so other processors can see it. @Arazzo is Weft's own and
        // means nothing to any other processor, while not claiming it makes javac warn under
        // -Xlint:processing, which breaks users' -Werror builds. So it is claimed.
        return true;
    }

    // Without this, javac reports a score of errors inside the generated records and switches, none naming the cause.
    private boolean refusesSourceLevel() {
        SourceVersion level = processingEnv.getSourceVersion();
        if (level.compareTo(SourceVersion.RELEASE_17) >= 0) {
            return false;
        }
        refused = true;
        processingEnv
                .getMessager()
                .printMessage(
                        Diagnostic.Kind.ERROR,
                        "Weft generates Java 17 code (records, switch expressions), but this compilation's source"
                                + " level is " + level.name().substring("RELEASE_".length())
                                + "; compile with --release 17 or later");
        return true;
    }

    private void processElement(Element element) {
        AnnotationMirror mirror = AnnotationValues.mirror(element, ANNOTATION).orElseThrow();
        List<String> paths = AnnotationValues.strings(mirror, "value");
        List<Path> documents = new ArrayList<>();
        for (String path : paths) {
            Optional<Path> found = locator.locate(path);
            if (found.isEmpty()) {
                sink.error(
                        element,
                        mirror,
                        "[missing-file] Arazzo document '" + path + "' not found " + locator.where(path));
            } else {
                documents.add(found.get());
            }
        }
        if (documents.size() < paths.size()) {
            return;
        }
        Set<CompilationRequest.Target> targets;
        try {
            targets = CompilationRequest.Target.parse(processingEnv.getOptions().getOrDefault(TARGETS, "plain"));
        } catch (IllegalArgumentException e) {
            sink.error(element, mirror, "-A" + TARGETS + ": " + e.getMessage());
            return;
        }
        documents.forEach(document -> note("Weft: compiling " + document.toAbsolutePath()));
        CompilationResult result = ArazzoCompiler.compile(CompilationRequest.builder()
                .documents(documents)
                .packageName(packageName(element, mirror))
                .strict(Boolean.parseBoolean(processingEnv.getOptions().get(STRICT)))
                .targets(targets)
                .build());
        result.diagnostics().forEach(d -> sink.report(element, mirror, d));
        if (result.hasErrors()) {
            return;
        }
        for (GeneratedFile file : result.files()) {
            try (Writer out = processingEnv
                    .getFiler()
                    .createSourceFile(file.qualifiedName(), element)
                    .openWriter()) {
                out.write(file.source());
                note("Weft: wrote " + file.qualifiedName());
            } catch (IOException e) {
                sink.error(
                        element,
                        mirror,
                        "[internal-error] cannot write " + file.qualifiedName() + ": " + e.getMessage());
            }
        }
    }

    private void note(String message) {
        if (Boolean.parseBoolean(processingEnv.getOptions().get(VERBOSE))) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, message);
        }
    }

    private String packageName(Element element, AnnotationMirror mirror) {
        String configured = AnnotationValues.string(mirror, "packageName").orElse("");
        if (!configured.isEmpty()) {
            return configured;
        }
        PackageElement pkg = processingEnv.getElementUtils().getPackageOf(element);
        return pkg.getQualifiedName().toString();
    }
}
