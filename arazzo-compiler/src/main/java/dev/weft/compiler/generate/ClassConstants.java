package dev.weft.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.NameAllocator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * What criteria parse once per class, not per evaluation: regular expressions, JSONPath queries and
 * XPath expressions, as constants of the generated class.
 */
final class PatternConstants {
    private static final ClassName JSON_PATH = ClassName.get("dev.weft.runtime.internal", "JsonPathQuery");
    private static final ClassName XPATH = ClassName.get("dev.weft.runtime.internal", "XPathCriterion");

    private record Constant(ClassName type, String factory, String text) {}

    private final Map<Constant, String> names = new LinkedHashMap<>();
    private final NameAllocator allocator = new NameAllocator();

    String pattern(String regex) {
        return constant(new Constant(RuntimeTypes.PATTERN, "compile", regex), "PATTERN");
    }

    String jsonPath(String query) {
        return constant(new Constant(JSON_PATH, "compile", query), "JSON_PATH");
    }

    String xpath(String expression) {
        return constant(new Constant(XPATH, "compile", expression), "XPATH");
    }

    private String constant(Constant constant, String prefix) {
        return names.computeIfAbsent(constant, c -> allocator.newName(prefix + "_" + (names.size() + 1)));
    }

    /** How many constants there are: each is a statement of the class's static initializer. */
    int size() {
        return names.size();
    }

    List<FieldSpec> fields() {
        List<FieldSpec> fields = new ArrayList<>();
        names.forEach((c, name) ->
                fields.add(FieldSpec.builder(c.type(), name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$T.$N($L)", c.type(), c.factory(), Literals.of(c.text()))
                        .build()));
        return fields;
    }
}
