package dev.weft.compiler.generate;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.NameAllocator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/** Regular expressions of regex criteria, compiled once as constants of the generated class. */
final class PatternConstants {
  private final Map<String, String> names = new LinkedHashMap<>();
  private final NameAllocator allocator = new NameAllocator();

  String constant(String regex) {
    return names.computeIfAbsent(regex, r -> allocator.newName("PATTERN_" + (names.size() + 1)));
  }

  List<FieldSpec> fields() {
    List<FieldSpec> fields = new ArrayList<>();
    names.forEach((regex, name) -> fields.add(FieldSpec.builder(RuntimeTypes.PATTERN, name, Modifier.PRIVATE,
        Modifier.STATIC, Modifier.FINAL).initializer("$T.compile($S)", RuntimeTypes.PATTERN, regex).build()));
    return fields;
  }
}
