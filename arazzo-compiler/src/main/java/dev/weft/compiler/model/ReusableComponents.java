package dev.weft.compiler.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A document's reusable components, bound whether or not anything references them, so that an unused
 * one is checked like a used one.
 *
 * @param parameters the well-formed {@code components.parameters}, by name
 * @param successActions the well-formed {@code components.successActions}, by name
 * @param failureActions the well-formed {@code components.failureActions}, by name
 */
public record ReusableComponents(
        Map<String, Parameter> parameters, Map<String, Action> successActions, Map<String, Action> failureActions) {

    public static final ReusableComponents NONE = new ReusableComponents(Map.of(), Map.of(), Map.of());

    public ReusableComponents {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        successActions = Collections.unmodifiableMap(new LinkedHashMap<>(successActions));
        failureActions = Collections.unmodifiableMap(new LinkedHashMap<>(failureActions));
    }
}
