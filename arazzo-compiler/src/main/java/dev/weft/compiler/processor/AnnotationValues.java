package dev.weft.compiler.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * Reads {@code @Arazzo}'s values through the mirror API, since the annotation's class is not needed
 * on the processor path (it has source retention).
 */
final class AnnotationValues {
    private AnnotationValues() {}

    static Optional<AnnotationMirror> mirror(Element element, String annotation) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (mirror.getAnnotationType().toString().equals(annotation)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    static Optional<AnnotationValue> value(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
                mirror.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(name)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    static Optional<String> string(AnnotationMirror mirror, String name) {
        return value(mirror, name).map(v -> String.valueOf(v.getValue()));
    }

    /** An array value (or a single value written without braces) as strings. */
    static List<String> strings(AnnotationMirror mirror, String name) {
        List<String> result = new ArrayList<>();
        value(mirror, name).ifPresent(v -> {
            if (v.getValue() instanceof List<?> items) {
                for (Object item : items) {
                    result.add(String.valueOf(((AnnotationValue) item).getValue()));
                }
            } else {
                result.add(String.valueOf(v.getValue()));
            }
        });
        return result;
    }
}
