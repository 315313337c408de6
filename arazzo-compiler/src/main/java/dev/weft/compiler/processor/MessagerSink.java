package dev.weft.compiler.processor;

import dev.weft.compiler.diagnostic.Diagnostic;
import dev.weft.compiler.diagnostic.DiagnosticFormatter;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Prints Weft diagnostics as javac errors and warnings on the {@code @Arazzo} annotation; javac can
 * only point at Java elements, so each message starts with the document's {@code file:line:col}.
 */
final class MessagerSink {
    private final Messager messager;
    private final DiagnosticFormatter formatter = new DiagnosticFormatter();

    MessagerSink(Messager messager) {
        this.messager = messager;
    }

    void report(Element element, AnnotationMirror annotation, Diagnostic d) {
        Kind kind = switch (d.severity()) {
            case ERROR -> Kind.ERROR;
            case WARNING -> Kind.WARNING;
            case NOTE -> Kind.NOTE;
        };
        messager.printMessage(kind, formatter.format(d), element, annotation);
    }

    void error(Element element, AnnotationMirror annotation, String message) {
        messager.printMessage(Kind.ERROR, message, element, annotation);
    }
}
